// The top level of a suite file, and the file itself. The sections are loaded in the
// order their references need (targets before defaults and requests; input names before
// anything that may hold a template; requests before SLOs, load and environments), so each
// part can check names as it reads them.
#include "suites/loader/loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <regex>

#include <fmt/format.h>

#include "suites/loader/context.hpp"
#include "suites/loader/parts.hpp"

namespace glassbox::loader {

using detail::Context;
using detail::Entry;
using detail::Fields;

namespace {

const detail::Keys kTopLevelKeys = {"suite", "description", "defaults", "targets", "environments",
                                    "inputs", "requests", "state_machines", "coverage", "slos",
                                    "load", "error_budget", "compare", "logs"};

std::optional<std::string> process_getenv(const std::string& name) {
  const char* value = std::getenv(name.c_str());  // NOLINT(concurrency-mt-unsafe): read-only use
  if (!value) return std::nullopt;
  return std::string(value);
}

Expected<std::vector<std::string>> declared_names(const Context& ctx, const Entry* section) {
  std::vector<std::string> names;
  if (!section) return names;
  LOADER_ASSIGN(auto entries, detail::map_entries(ctx, *section));
  for (const Entry& e : entries) names.push_back(e.key);
  return names;
}

// The names under every request's `capture`, read leniently: load_requests reports what is
// malformed, at its place.
std::vector<std::string> capture_names(const Entry& requests) {
  std::vector<std::string> names;
  if (!requests.value.IsMap()) return names;
  for (const auto& request : requests.value) {
    if (!request.second.IsMap()) continue;
    const YAML::Node capture = request.second["capture"];
    if (!capture.IsDefined() || !capture.IsMap()) continue;
    for (const auto& entry : capture)
      if (entry.first.IsScalar() && std::find(names.begin(), names.end(), entry.first.Scalar()) == names.end())
        names.push_back(entry.first.Scalar());
  }
  return names;
}

// Messages quote scalars as written, but a few (an unknown name, a regex) show a resolved
// value; a secret must not reach the terminal or a CI log through them either.
Error without_secrets(Error error, std::vector<std::string> secrets) {
  // Longest first, so a secret that contains another is hidden whole.
  std::sort(secrets.begin(), secrets.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const std::string& secret : secrets) {
    for (std::size_t at = error.message.find(secret); at != std::string::npos;
         at = error.message.find(secret, at + 3))
      error.message.replace(at, secret.size(), "***");
  }
  return error;
}

Expected<suite::Suite> load_root(Context& ctx, const YAML::Node& root) {
  SourceLocation top{ctx.file, 1, 1};
  if (!root.IsDefined() || root.IsNull())
    return ctx.error(top, "the suite file is empty: it needs at least 'suite', 'targets' and 'requests'");
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, root, top, "a suite file", "at the top level", kTopLevelKeys));

  suite::Suite suite;
  suite.file = ctx.file;
  const Entry* name = fields.find("suite");
  if (!name) return ctx.error(top, "the suite file needs 'suite' (the suite's name)");
  LOADER_SET(suite.name, detail::read_nonempty_string(ctx, *name));
  if (const Entry* description = fields.find("description"))
    LOADER_SET(suite.description, detail::read_string(ctx, *description));

  const Entry* targets = fields.find("targets");
  if (!targets) {
    return ctx.error(top, "the suite file needs 'targets' (where requests go, e.g. targets: {demo: builtin:demo})");
  }
  LOADER_SET(suite.targets, detail::load_targets(ctx, *targets));
  for (const suite::Target& t : suite.targets) ctx.target_names.push_back(t.name);

  LOADER_ASSIGN(detail::LoadedDefaults defaults, detail::load_defaults(ctx, fields.find("defaults")));
  suite.defaults = defaults.defaults;

  // Class expectations may name any input, so every name is known before the first is read.
  const Entry* inputs = fields.find("inputs");
  LOADER_SET(ctx.input_names, declared_names(ctx, inputs));
  if (inputs) LOADER_SET(suite.inputs, detail::load_inputs(ctx, *inputs));

  const Entry* requests = fields.find("requests");
  if (!requests) return ctx.error(top, "the suite file needs 'requests' (at least one request)");
  // Requests may use what an earlier step of a multi-step case captured: {{order_id}}.
  ctx.capture_names = capture_names(*requests);
  LOADER_SET(suite.requests, detail::load_requests(ctx, *requests, defaults));
  if (const Entry* machines = fields.find("state_machines"))
    LOADER_SET(suite.state_machines, detail::load_state_machines(ctx, *machines, suite));
  if (const Entry* coverage = fields.find("coverage"))
    LOADER_SET(suite.coverage, detail::load_coverage(ctx, *coverage));

  // What a run judges besides its cases; these name targets and requests.
  if (const Entry* slos = fields.find("slos")) LOADER_SET(suite.slos, detail::load_slos(ctx, *slos, suite, "'slos'"));
  if (const Entry* load = fields.find("load")) LOADER_SET(suite.load, detail::load_load_profile(ctx, *load, suite));
  if (const Entry* budget = fields.find("error_budget"))
    LOADER_SET(suite.error_budget, detail::load_error_budget(ctx, *budget, suite));
  if (const Entry* compare = fields.find("compare")) LOADER_SET(suite.compare, detail::load_compare(ctx, *compare));
  if (const Entry* logs = fields.find("logs")) LOADER_SET(suite.logs, detail::load_logs(ctx, *logs));
  // Environments overlay all of the above, so they come last.
  if (const Entry* environments = fields.find("environments"))
    LOADER_SET(suite.environments, detail::load_environments(ctx, *environments, suite));

  suite.secrets = std::move(ctx.secrets);
  suite.secret_headers = std::move(ctx.secret_headers);
  return suite;
}

}  // namespace

Expected<suite::Suite> load_suite_text(std::string_view yaml, const std::string& file_name,
                                       const LoadOptions& options) {
  Context ctx;
  ctx.file = file_name;
  ctx.getenv = options.getenv ? options.getenv : Getenv(process_getenv);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    SourceLocation where{file_name, e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1};
    return Error{"YAML syntax error: " + e.msg, where};
  }
  // The loader reads nodes only through checked accessors; this is the boundary should
  // yaml-cpp or std::regex throw anyway.
  try {
    auto loaded = load_root(ctx, root);
    if (!loaded) return without_secrets(loaded.error(), ctx.secrets);
    return loaded;
  } catch (const YAML::Exception& e) {
    return Error{fmt::format("cannot read the suite: {}", e.msg), SourceLocation{file_name, 0, 0}};
  } catch (const std::regex_error& e) {
    return Error{fmt::format("cannot apply a regular expression: {}", e.what()), SourceLocation{file_name, 0, 0}};
  }
}

Expected<suite::Suite> load_suite_file(const std::filesystem::path& path, const LoadOptions& options) {
  std::string shown = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return Error{fmt::format("cannot read suite '{}': {}", shown, std::strerror(EISDIR))};
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return Error{fmt::format("cannot read suite '{}': {}", shown, std::strerror(errno))};
  std::string text;
  char buffer[1 << 14];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text.append(buffer, n);
  if (std::ferror(file.get())) return Error{fmt::format("cannot read suite '{}': {}", shown, std::strerror(errno))};
  return load_suite_text(text, shown, options);
}

}  // namespace glassbox::loader

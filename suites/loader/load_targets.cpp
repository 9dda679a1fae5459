// `targets` (where requests go) and `environments` (named overlays of targets and headers,
// and of the SLOs, load profile, error budget and comparison thresholds, with the cases
// an environment runs).
#include <algorithm>
#include <cctype>
#include <climits>

#include <fmt/format.h>

#include "suites/loader/did_you_mean.hpp"
#include "suites/loader/parts.hpp"
#include "suites/loader/validate.hpp"

namespace glassbox::loader::detail {

namespace {

const Keys kTargetKeys = {"url", "headers", "timeout_ms", "insecure", "secret_headers"};
const Keys kEnvironmentKeys = {"targets", "headers", "slos", "load", "error_budget", "compare", "cases"};

enum class TargetRole { Base, Overlay };

Expected<std::string> read_url(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(std::string url, read_nonempty_string(ctx, entry));
  if (auto problem = url_problem(url))
    return error_at(ctx, entry, fmt::format("'url' {}, got {}", *problem, describe(entry.value)));
  // Paths start with '/', so a trailing one here would double it. The host is not empty
  // (url_problem checked), so this stops before the scheme.
  if (url != suite::kBuiltinDemo)
    while (url.back() == '/') url.pop_back();
  return url;
}

// A target is a URL string or a map; an overlay (in an environment) may leave out the URL.
Expected<suite::Target> load_target(Context& ctx, const Entry& entry, TargetRole role, std::string_view place) {
  suite::Target target;
  target.name = entry.key;
  target.where = ctx.at(entry.key_node);
  if (entry.value.IsScalar()) {
    LOADER_SET(target.url, read_url(ctx, Entry{"url", entry.key_node, entry.value}));
    return target;
  }
  std::string what = fmt::format("target '{}'", entry.key);
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry, what, fmt::format("in {}{}", what, place), kTargetKeys));
  if (const Entry* url = fields.find("url")) {
    LOADER_SET(target.url, read_url(ctx, *url));
  } else if (role == TargetRole::Base) {
    return error_at(ctx, entry, fmt::format("target '{}' needs 'url' (http://..., https://... or builtin:demo)",
                                            entry.key));
  }
  if (const Entry* headers = fields.find("headers"))
    LOADER_SET(target.headers, load_pairs(ctx, *headers, PairKind::Headers, Templates::Plain));
  if (const Entry* timeout = fields.find("timeout_ms"))
    LOADER_SET(target.timeout_ms, read_int_in(ctx, *timeout, 1, INT_MAX));
  if (const Entry* insecure = fields.find("insecure")) LOADER_SET(target.insecure, read_bool(ctx, *insecure));
  if (const Entry* secret = fields.find("secret_headers")) LOADER_TRY(load_secret_headers(ctx, *secret));
  return target;
}

// What the environment runs and judges: its SLOs (replacing the suite's of the same name),
// load profile, error budget, comparison thresholds, and which functional cases run.
Status load_environment_judging(Context& ctx, const Fields& fields, const suite::Suite& suite,
                                suite::Environment& env) {
  if (const Entry* slos = fields.find("slos"))
    LOADER_SET(env.slos, load_slos(ctx, *slos, suite, fmt::format("'slos' of environment '{}'", env.name)));
  if (const Entry* load = fields.find("load")) LOADER_SET(env.load, load_load_profile(ctx, *load, suite));
  if (const Entry* budget = fields.find("error_budget"))
    LOADER_SET(env.error_budget, load_error_budget(ctx, *budget, suite));
  if (const Entry* compare = fields.find("compare")) LOADER_SET(env.compare, load_compare(ctx, *compare));
  if (const Entry* cases = fields.find("cases")) {
    LOADER_ASSIGN(std::string glob, read_nonempty_string(ctx, *cases));
    // "all" is the default written out; the model keeps "" for it.
    env.cases = glob == "all" ? "" : glob;
  }
  return ok_status();
}

}  // namespace

// Secret headers are suite-wide, wherever they are named: a value is as secret on one target
// as on another, and one list keeps the redactor simple.
Status load_secret_headers(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(auto items, list_items(ctx, entry, Single::Allowed));
  for (const Entry& item : items) {
    LOADER_ASSIGN(std::string name, read_nonempty_string(ctx, item));
    if (!is_header_name(name)) {
      return error_at(ctx, item, fmt::format("'secret_headers' must list header names (letters, digits and "
                                             "!#$%&'*+-.^_`|~), got {}",
                                             describe(item.value)));
    }
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto& known = ctx.secret_headers;
    if (std::find(known.begin(), known.end(), name) == known.end()) known.push_back(std::move(name));
  }
  return ok_status();
}

Expected<std::vector<suite::Target>> load_targets(Context& ctx, const Entry& targets) {
  LOADER_ASSIGN(auto entries, map_entries(ctx, targets));
  if (entries.empty()) {
    return error_at(ctx, targets, "'targets' needs at least one target, e.g. targets: {demo: builtin:demo}");
  }
  std::vector<suite::Target> out;
  for (const Entry& e : entries) {
    LOADER_ASSIGN(suite::Target target, load_target(ctx, e, TargetRole::Base, ""));
    out.push_back(std::move(target));
  }
  return out;
}

Expected<std::vector<suite::Environment>> load_environments(Context& ctx, const Entry& environments,
                                                            const suite::Suite& suite) {
  LOADER_ASSIGN(auto entries, map_entries(ctx, environments));
  std::vector<suite::Environment> out;
  for (const Entry& e : entries) {
    suite::Environment env;
    env.name = e.key;
    env.where = ctx.at(e.key_node);
    std::string what = fmt::format("environment '{}'", e.key);
    LOADER_ASSIGN(Fields fields, Fields::open(ctx, e, what, "in " + what, kEnvironmentKeys));
    if (const Entry* targets = fields.find("targets")) {
      LOADER_ASSIGN(auto overlays, map_entries(ctx, *targets));
      for (const Entry& overlay : overlays) {
        if (std::find(ctx.target_names.begin(), ctx.target_names.end(), overlay.key) == ctx.target_names.end()) {
          return ctx.error(overlay.key_node, fmt::format("unknown target '{}' in {}{}", overlay.key, what,
                                                         name_hint(overlay.key, ctx.target_names, "targets")));
        }
        LOADER_ASSIGN(suite::Target target, load_target(ctx, overlay, TargetRole::Overlay, " of " + what));
        env.targets.push_back(std::move(target));
      }
    }
    if (const Entry* headers = fields.find("headers"))
      LOADER_SET(env.headers, load_pairs(ctx, *headers, PairKind::Headers, Templates::Plain));
    LOADER_TRY(load_environment_judging(ctx, fields, suite, env));
    out.push_back(std::move(env));
  }
  return out;
}

}  // namespace glassbox::loader::detail

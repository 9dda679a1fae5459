#include "suites/loader/validate.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include <fmt/format.h>

#include "suites/loader/did_you_mean.hpp"
#include "suites/model/suite.hpp"

namespace glassbox::loader::detail {

std::optional<std::string> url_problem(std::string_view url) {
  if (suite::is_builtin_demo_url(url)) return std::nullopt;
  std::size_t host_start = 0;
  if (url.starts_with("http://")) host_start = 7;
  else if (url.starts_with("https://")) host_start = 8;
  else return "must start with http:// or https://, or be builtin:demo";
  if (std::any_of(url.begin(), url.end(), [](unsigned char c) { return std::isspace(c); }))
    return "must not contain spaces";
  if (url.find_first_of("?#") != std::string_view::npos)
    return "is a base URL and cannot hold a query or fragment (give those on the request)";
  std::size_t host_end = url.find('/', host_start);
  if (url.substr(host_start, host_end - host_start).empty()) return "needs a host after the scheme";
  return std::nullopt;
}

std::optional<std::string> json_pointer_problem(std::string_view pointer) {
  if (pointer.empty()) return std::nullopt;
  if (pointer.front() != '/') {
    return fmt::format("'{}' is not a JSON pointer: pointers start with '/' (write '/{}'; \"\" is the whole body)",
                       pointer, pointer);
  }
  for (std::size_t i = 0; i < pointer.size(); ++i) {
    if (pointer[i] != '~') continue;
    if (i + 1 >= pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1'))
      return fmt::format("'{}' is not a JSON pointer: '~' must be followed by 0 (for '~') or 1 (for '/')", pointer);
  }
  return std::nullopt;
}

Status check_regex(const Context& ctx, const Entry& entry, const std::string& pattern) {
  try {
    std::regex compiled(pattern, std::regex::ECMAScript);
    return ok_status();
  } catch (const std::regex_error& e) {
    // libstdc++ ends every message with " in regular expression", which the start of ours says.
    std::string reason = e.what();
    constexpr std::string_view kTail = " in regular expression";
    if (reason.ends_with(kTail)) reason.resize(reason.size() - kTail.size());
    if (!reason.empty()) reason.front() = static_cast<char>(std::tolower(static_cast<unsigned char>(reason.front())));
    return error_at(ctx, entry, fmt::format("invalid regular expression '{}' in '{}': {}", pattern, entry.key, reason));
  }
}

bool is_header_name(std::string_view name) {
  static constexpr std::string_view kTokenPunctuation = "!#$%&'*+-.^_`|~";
  return !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) || kTokenPunctuation.find(static_cast<char>(c)) != std::string_view::npos;
  });
}

Status check_placeholders(const Context& ctx, const YAML::Node& node, std::string_view text) {
  // The same scan as the model's template renderer: "{{", a name trimmed of spaces, "}}".
  std::size_t pos = 0;
  while ((pos = text.find("{{", pos)) != std::string_view::npos) {
    std::size_t close = text.find("}}", pos + 2);
    if (close == std::string_view::npos)
      return ctx.error(node, fmt::format("'{{{{' without a closing '}}}}' in '{}': write {{{{name}}}}", text));
    std::string_view name = text.substr(pos + 2, close - pos - 2);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    std::string_view written = text.substr(pos, close + 2 - pos);
    if (name.empty()) return ctx.error(node, fmt::format("'{}' names no input: write {{{{name}}}}", written));
    const bool input = std::find(ctx.input_names.begin(), ctx.input_names.end(), name) != ctx.input_names.end();
    const bool captured = std::find(ctx.capture_names.begin(), ctx.capture_names.end(), name) != ctx.capture_names.end();
    if (!input && !captured) {
      std::vector<std::string> known = ctx.input_names;
      known.insert(known.end(), ctx.capture_names.begin(), ctx.capture_names.end());
      return ctx.error(node, fmt::format("unknown input '{}' in '{}'{}", name, written,
                                         name_hint(name, known, "inputs", "the suite declares no inputs")));
    }
    pos = close + 2;
  }
  return ok_status();
}

}  // namespace glassbox::loader::detail

#include "suites/loader/interpolate.hpp"

#include <cctype>

#include <fmt/format.h>

namespace glassbox::loader::detail {

namespace {

constexpr std::string_view kPrefix = "${env:";

bool is_variable_name(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) return false;
  for (unsigned char c : name)
    if (!std::isalnum(c) && c != '_') return false;
  return true;
}

// Resolves one reference: `inner` is what stands between "${env:" and "}".
Status resolve(std::string_view inner, const Getenv& getenv, Interpolated& out) {
  std::size_t dash = inner.find(":-");
  std::string_view name = inner.substr(0, dash);
  if (!is_variable_name(name)) {
    return Error{fmt::format("'${{env:{}}}' does not name an environment variable (letters, digits and _, "
                             "not starting with a digit)",
                             inner)};
  }
  std::optional<std::string> value = getenv(std::string(name));
  if (dash != std::string_view::npos) {
    // Like the shell's ${NAME:-default}: an empty value counts as unset.
    if (value && !value->empty()) {
      out.text += *value;
      out.secrets.push_back(*value);
    } else {
      out.text += inner.substr(dash + 2);
    }
    return ok_status();
  }
  if (!value) {
    return Error{fmt::format("environment variable '{0}' is not set (used as ${{env:{0}}}); export it or give a "
                             "default: ${{env:{0}:-value}}",
                             name)};
  }
  out.text += *value;
  out.secrets.push_back(*value);
  return ok_status();
}

}  // namespace

Expected<Interpolated> interpolate_env(std::string_view text, const Getenv& getenv) {
  Interpolated out;
  if (text.find('$') == std::string_view::npos) {
    out.text = std::string(text);
    return out;
  }
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t dollar = text.find('$', pos);
    if (dollar == std::string_view::npos) {
      out.text.append(text.substr(pos));
      break;
    }
    out.text.append(text.substr(pos, dollar - pos));
    std::string_view rest = text.substr(dollar);
    if (rest.substr(0, 3) == "$${") {  // the escape: a literal "${"
      out.text += "${";
      pos = dollar + 3;
      continue;
    }
    if (rest.substr(0, 2) != "${") {
      out.text += '$';
      pos = dollar + 1;
      continue;
    }
    std::size_t close = rest.find('}');
    if (rest.substr(0, kPrefix.size()) != kPrefix) {
      std::string_view shown = close == std::string_view::npos ? rest : rest.substr(0, close + 1);
      return Error{fmt::format("'{}' is not an environment reference: write ${{env:NAME}}, or $${{ for a literal '${{'",
                               shown)};
    }
    if (close == std::string_view::npos)
      return Error{fmt::format("'{}' has no closing '}}': write ${{env:NAME}}, or $${{ for a literal '${{'", rest)};
    if (Status s = resolve(rest.substr(kPrefix.size(), close - kPrefix.size()), getenv, out); !s.ok())
      return s.error();
    pos = dollar + close + 1;
  }
  return out;
}

}  // namespace glassbox::loader::detail

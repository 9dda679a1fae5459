#include "suites/model/template.hpp"

#include <fmt/format.h>

namespace glassbox::suite {

namespace {

struct Placeholder {
  std::size_t begin, end;   // [begin, end) covers "{{ name }}"
  std::string name;
};

// Finds the next "{{name}}" at or after `from`; names are trimmed of spaces.
std::optional<Placeholder> next_placeholder(std::string_view s, std::size_t from) {
  std::size_t open = s.find("{{", from);
  if (open == std::string_view::npos) return std::nullopt;
  std::size_t close = s.find("}}", open + 2);
  if (close == std::string_view::npos) return std::nullopt;
  std::string_view name = s.substr(open + 2, close - open - 2);
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  return Placeholder{open, close + 2, std::string(name)};
}

std::string as_text(const Value& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

}  // namespace

Expected<std::string> render_text(std::string_view tmpl, const Lookup& lookup) {
  std::string out;
  std::size_t pos = 0;
  while (auto p = next_placeholder(tmpl, pos)) {
    out.append(tmpl.substr(pos, p->begin - pos));
    auto v = lookup(p->name);
    if (!v) return Error{fmt::format("unknown input '{}' in template '{}'", p->name, tmpl)};
    out += as_text(*v);
    pos = p->end;
  }
  out.append(tmpl.substr(pos));
  return out;
}

Expected<Value> render_value(const Value& tmpl, const Lookup& lookup) {
  if (tmpl.is_string()) {
    const std::string& s = tmpl.get_ref<const std::string&>();
    auto p = next_placeholder(s, 0);
    if (!p) return tmpl;
    if (p->begin == 0 && p->end == s.size()) {  // exactly one placeholder: keep the value's type
      auto v = lookup(p->name);
      if (!v) return Error{fmt::format("unknown input '{}' in template '{}'", p->name, s)};
      return *v;
    }
    auto text = render_text(s, lookup);
    if (!text) return text.error();
    return Value(std::move(text.value()));
  }
  if (tmpl.is_array() || tmpl.is_object()) {
    Value out = tmpl.is_array() ? Value::array() : Value::object();
    for (auto it = tmpl.begin(); it != tmpl.end(); ++it) {
      auto v = render_value(it.value(), lookup);
      if (!v) return v.error();
      if (tmpl.is_array()) out.push_back(std::move(v.value()));
      else out[it.key()] = std::move(v.value());
    }
    return out;
  }
  return tmpl;
}

std::vector<std::string> placeholders(std::string_view tmpl) {
  std::vector<std::string> names;
  std::size_t pos = 0;
  while (auto p = next_placeholder(tmpl, pos)) {
    names.push_back(p->name);
    pos = p->end;
  }
  return names;
}

void collect_placeholders(const Value& tmpl, std::vector<std::string>& out) {
  if (tmpl.is_string()) {
    for (auto& n : placeholders(tmpl.get_ref<const std::string&>())) out.push_back(std::move(n));
  } else if (tmpl.is_array() || tmpl.is_object()) {
    for (const auto& v : tmpl) collect_placeholders(v, out);
  }
}

}  // namespace glassbox::suite

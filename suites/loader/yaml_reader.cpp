#include "suites/loader/yaml_reader.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "suites/loader/did_you_mean.hpp"
#include "suites/loader/interpolate.hpp"
#include "suites/loader/validate.hpp"
#include "suites/model/input.hpp"

namespace glassbox::loader::detail {

namespace {

constexpr std::size_t kShownChars = 60;

// `{{a}}` written without quotes parses as a map whose only key is the map {a: null}.
// Recognising it turns a baffling "got a map" into advice.
std::optional<std::string> unquoted_template(const YAML::Node& node) {
  if (!node.IsMap() || node.size() != 1) return std::nullopt;
  auto outer = node.begin();
  // A copy, not a reference: yaml-cpp's iterator hands out its pair through a temporary
  // proxy, so a reference to `outer->first` dangles once this statement ends.
  const YAML::Node inner = outer->first;
  if (!outer->second.IsNull() || !inner.IsMap() || inner.size() != 1) return std::nullopt;
  auto name = inner.begin();
  if (!name->first.IsScalar() || !name->second.IsNull()) return std::nullopt;
  return "{{" + name->first.Scalar() + "}}";
}

std::string quote_for_message(const std::string& text) {
  if (text.size() <= kShownChars) return "'" + text + "'";
  return "'" + text.substr(0, kShownChars) + "...'";
}

// Plain scalars are typed by YAML 1.2's core schema; quoted ones and !!str are strings.
bool is_plain(const YAML::Node& scalar) {
  const std::string& tag = scalar.Tag();
  return tag == "?" || tag.empty() ||
         (tag.starts_with("tag:yaml.org,2002:") && tag != "tag:yaml.org,2002:str");
}

std::optional<std::int64_t> parse_int(std::string_view text) {
  if (text.starts_with('+')) text.remove_prefix(1);
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> parse_real(std::string_view text) {
  if (text.starts_with('+')) text.remove_prefix(1);
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

bool is_core_float(std::string_view text) {
  // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
  std::size_t i = 0;
  auto digits = [&] {
    std::size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    return i - start;
  };
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  std::size_t whole = digits();
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (digits() == 0 && whole == 0) return false;
  } else if (whole == 0) {
    return false;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    if (digits() == 0) return false;
  }
  return i == text.size();
}

}  // namespace

SourceLocation where_of(const Context& ctx, const Entry& entry) {
  return ctx.at(entry.value.IsDefined() && !entry.value.IsNull() ? entry.value : entry.key_node);
}

Error error_at(const Context& ctx, const Entry& entry, std::string message) {
  return ctx.error(where_of(ctx, entry), std::move(message));
}

std::string describe(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsScalar()) return quote_for_message(node.Scalar());
  if (node.IsSequence()) return "a list";
  if (auto tmpl = unquoted_template(node))
    return fmt::format("a map (YAML reads an unquoted {0} as a map: write \"{0}\")", *tmpl);
  return "a map";
}

Expected<std::vector<Entry>> map_entries(const Context& ctx, const YAML::Node& node, const SourceLocation& where,
                                         std::string_view what) {
  std::vector<Entry> entries;
  if (!node.IsDefined() || node.IsNull()) return entries;
  if (!node.IsMap()) return ctx.error(where, fmt::format("{} must be a map, got {}", what, describe(node)));
  if (auto tmpl = unquoted_template(node))
    return ctx.error(where, fmt::format("YAML reads an unquoted {0} as a map: write \"{0}\"", *tmpl));
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar())
      return ctx.error(it->first, fmt::format("keys in {} must be names, got {}", what, describe(it->first)));
    std::string key = it->first.Scalar();
    for (const Entry& earlier : entries) {
      if (earlier.key == key) {
        return ctx.error(it->first, fmt::format("key '{}' is given twice in {} (first at line {})", key, what,
                                                ctx.at(earlier.key_node).line));
      }
    }
    entries.push_back(Entry{std::move(key), it->first, it->second});
  }
  return entries;
}

Expected<std::vector<Entry>> map_entries(const Context& ctx, const Entry& entry) {
  return map_entries(ctx, entry.value, where_of(ctx, entry), fmt::format("'{}'", entry.key));
}

Expected<std::vector<Entry>> list_items(const Context& ctx, const Entry& entry, Single single) {
  std::vector<Entry> items;
  if (entry.value.IsSequence()) {
    for (const YAML::Node& item : entry.value) items.push_back(Entry{entry.key, item, item});
    return items;
  }
  if (single == Single::Allowed && entry.value.IsScalar()) {
    items.push_back(entry);
    return items;
  }
  return error_at(ctx, entry, fmt::format("'{}' must be a list, got {}", entry.key, describe(entry.value)));
}

Expected<Fields> Fields::open(const Context& ctx, const YAML::Node& node, const SourceLocation& where,
                              std::string_view what, std::string_view place, const Keys& allowed,
                              const Keys* suggest) {
  Fields fields;
  fields.where_ = where;
  LOADER_SET(fields.entries_, map_entries(ctx, node, where, what));
  for (const Entry& e : fields.entries_) {
    if (std::find(allowed.begin(), allowed.end(), e.key) != allowed.end()) continue;
    const Keys& candidates = suggest ? *suggest : allowed;
    return ctx.error(e.key_node, fmt::format("unknown key '{}' {}{}", e.key, place,
                                             name_hint(e.key, candidates, "allowed keys", "no keys are allowed here")));
  }
  return fields;
}

Expected<Fields> Fields::open(const Context& ctx, const Entry& entry, std::string_view what, std::string_view place,
                              const Keys& allowed, const Keys* suggest) {
  return open(ctx, entry.value, where_of(ctx, entry), what, place, allowed, suggest);
}

const Entry* Fields::find(std::string_view key) const {
  for (const Entry& e : entries_)
    if (e.key == key) return &e;
  return nullptr;
}

Expected<std::string> scalar_text(Context& ctx, const YAML::Node& scalar) {
  auto resolved = interpolate_env(scalar.Scalar(), ctx.getenv);
  if (!resolved) return ctx.error(scalar, resolved.error().message);
  for (const std::string& secret : resolved->secrets) ctx.add_secret(secret);
  return std::move(resolved->text);
}

Expected<std::string> read_string(Context& ctx, const Entry& entry) {
  if (!entry.value.IsScalar())
    return error_at(ctx, entry, fmt::format("'{}' must be a string, got {}", entry.key, describe(entry.value)));
  return scalar_text(ctx, entry.value);
}

Expected<std::string> read_nonempty_string(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(std::string text, read_string(ctx, entry));
  if (text.empty()) return error_at(ctx, entry, fmt::format("'{}' must not be empty", entry.key));
  return text;
}

Expected<std::int64_t> read_int(Context& ctx, const Entry& entry) {
  std::optional<std::int64_t> value;
  if (entry.value.IsScalar()) {
    LOADER_ASSIGN(std::string text, scalar_text(ctx, entry.value));
    value = parse_int(text);
  }
  if (!value)
    return error_at(ctx, entry, fmt::format("'{}' must be an integer, got {}", entry.key, describe(entry.value)));
  return *value;
}

Expected<int> read_int_in(Context& ctx, const Entry& entry, int lowest, int highest) {
  LOADER_ASSIGN(std::int64_t value, read_int(ctx, entry));
  if (value < lowest)
    return error_at(ctx, entry, fmt::format("'{}' must be at least {}, got {}", entry.key, lowest, value));
  if (value > highest)
    return error_at(ctx, entry, fmt::format("'{}' must be at most {}, got {}", entry.key, highest, value));
  return static_cast<int>(value);
}

Expected<double> read_number(Context& ctx, const Entry& entry) {
  std::optional<double> value;
  if (entry.value.IsScalar()) {
    LOADER_ASSIGN(std::string text, scalar_text(ctx, entry.value));
    value = parse_real(text);
  }
  if (!value)
    return error_at(ctx, entry, fmt::format("'{}' must be a number, got {}", entry.key, describe(entry.value)));
  return *value;
}

Expected<bool> read_bool(Context& ctx, const Entry& entry) {
  if (entry.value.IsScalar()) {
    LOADER_ASSIGN(std::string text, scalar_text(ctx, entry.value));
    if (text == "true" || text == "True" || text == "TRUE") return true;
    if (text == "false" || text == "False" || text == "FALSE") return false;
  }
  return error_at(ctx, entry, fmt::format("'{}' must be true or false, got {}", entry.key, describe(entry.value)));
}

Expected<std::int64_t> read_date(Context& ctx, const Entry& entry) {
  std::optional<std::int64_t> days;
  if (entry.value.IsScalar()) {
    LOADER_ASSIGN(std::string text, scalar_text(ctx, entry.value));
    days = suite::parse_date(text);
  }
  if (!days)
    return error_at(ctx, entry, fmt::format("'{}' must be a date YYYY-MM-DD, got {}", entry.key, describe(entry.value)));
  return *days;
}

Value plain_scalar_value(const std::string& text) {
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return nullptr;
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  if (auto i = parse_int(text)) return *i;
  std::string_view digits = text;
  if (digits.starts_with("0x") || digits.starts_with("0o")) {
    std::int64_t value = 0;
    int base = digits[1] == 'x' ? 16 : 8;
    auto [end, ec] = std::from_chars(digits.data() + 2, digits.data() + digits.size(), value, base);
    if (digits.size() > 2 && ec == std::errc() && end == digits.data() + digits.size()) return value;
  }
  if (is_core_float(text))
    if (auto r = parse_real(text)) return *r;  // also integers too large for 64 bits
  return text;
}

Expected<Value> read_value(Context& ctx, const YAML::Node& node, Templates templates) {
  if (!node.IsDefined() || node.IsNull()) return Value(nullptr);
  if (node.IsScalar()) {
    LOADER_ASSIGN(std::string text, scalar_text(ctx, node));
    if (templates == Templates::Check) LOADER_TRY(check_placeholders(ctx, node, text));
    return is_plain(node) ? plain_scalar_value(text) : Value(std::move(text));
  }
  if (node.IsSequence()) {
    Value out = Value::array();
    for (const YAML::Node& item : node) {
      LOADER_ASSIGN(Value v, read_value(ctx, item, templates));
      out.push_back(std::move(v));
    }
    return out;
  }
  if (auto tmpl = unquoted_template(node))
    return ctx.error(node, fmt::format("YAML reads an unquoted {0} as a map: write \"{0}\"", *tmpl));
  LOADER_ASSIGN(auto entries, map_entries(ctx, node, ctx.at(node), "a JSON object"));
  Value out = Value::object();
  for (const Entry& e : entries) {
    LOADER_ASSIGN(Value v, read_value(ctx, e.value, templates));
    out[e.key] = std::move(v);
  }
  return out;
}

}  // namespace glassbox::loader::detail

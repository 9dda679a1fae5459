// `inputs`: typed fields with bounds, a nominal value and equivalence classes.
#include <regex>

#include <fmt/format.h>

#include "suites/loader/did_you_mean.hpp"
#include "suites/loader/input_keys.hpp"
#include "suites/loader/load_range.hpp"
#include "suites/loader/parts.hpp"
#include "suites/loader/validate.hpp"

namespace glassbox::loader::detail {

using suite::Input;
using suite::InputType;

namespace {

bool is_input_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '_' || c == '-' || c == '.';
  });
}

std::int64_t code_points(std::string_view text) {
  std::int64_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

// One of the six type names, from `type: int` or the shorthand `a: int`.
Expected<InputType> read_type_name(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(std::string name, read_string(ctx, entry));
  if (auto type = input_type_named(name)) return *type;
  return error_at(ctx, entry, fmt::format("unknown input type '{}'{}", name, name_hint(name, kInputTypeNames, "types")));
}

Expected<InputType> read_type(Context& ctx, const Fields& fields, const Entry& input) {
  const Entry* type = fields.find("type");
  if (!type) {
    return error_at(ctx, input, fmt::format("input '{}' needs 'type' (int, number, string, enum, bool or date)",
                                            input.key));
  }
  return read_type_name(ctx, *type);
}

// The type as written, looked at before the keys are checked, so that a misspelt key is
// matched against the keys that apply to this type ("maxlength" on an int suggests "max").
std::optional<InputType> peek_type(const YAML::Node& input) {
  if (!input.IsMap()) return std::nullopt;
  const YAML::Node& map = input;  // const: operator[] on a mutable node would insert the key
  const YAML::Node type = map["type"];
  if (!type.IsDefined() || !type.IsScalar()) return std::nullopt;
  return input_type_named(type.Scalar());
}

Status load_bounds(Context& ctx, const Fields& fields, Input& input) {
  LOADER_TRY(load_range(ctx, fields, input.type, input.range, input.real));
  if (const Entry* step = fields.find("step")) {
    LOADER_SET(input.step, read_number(ctx, *step));
    if (input.step <= 0) return error_at(ctx, *step, fmt::format("'step' must be greater than 0, got {}", input.step));
  }
  return ok_status();
}

Status load_string_rules(Context& ctx, const Fields& fields, Input& input) {
  if (const Entry* pattern = fields.find("pattern")) {
    LOADER_ASSIGN(std::string text, read_string(ctx, *pattern));
    LOADER_TRY(check_regex(ctx, *pattern, text));
    input.pattern = std::move(text);
  }
  if (const Entry* charset = fields.find("charset")) LOADER_SET(input.charset, read_nonempty_string(ctx, *charset));
  return ok_status();
}

Status load_enum_values(Context& ctx, const Fields& fields, const Entry& entry, Input& input) {
  const Entry* values = fields.find("values");
  if (!values) {
    return error_at(ctx, entry, fmt::format("enum input '{}' needs 'values', the list of its allowed values",
                                            entry.key));
  }
  LOADER_ASSIGN(auto items, list_items(ctx, *values));
  if (items.empty()) return error_at(ctx, *values, "'values' must list at least one value");
  std::vector<std::string> texts;  // a class is named after each value, so texts must differ too
  for (const Entry& item : items) {
    if (!item.value.IsScalar()) {
      return error_at(ctx, item, fmt::format("'values' must list scalars (strings, numbers, booleans), got {}",
                                             describe(item.value)));
    }
    LOADER_ASSIGN(Value v, read_value(ctx, item.value, Templates::Plain));
    std::string text = v.is_string() ? v.get<std::string>() : v.dump();
    if (std::find(texts.begin(), texts.end(), text) != texts.end())
      return error_at(ctx, item, fmt::format("'values' lists '{}' twice", text));
    texts.push_back(std::move(text));
    input.enum_values.push_back(std::move(v));
  }
  return ok_status();
}

// An error unless `v` (of ordinal/real value `x`) lies within [min, max].
template <typename T, typename Show>
Status check_within(const Context& ctx, const Entry& nominal, T x, const std::optional<T>& min,
                    const std::optional<T>& max, std::string_view min_key, std::string_view max_key, Show show) {
  if (min && x < *min)
    return error_at(ctx, nominal, fmt::format("'nominal' ({}) is below '{}' ({})", show(x), min_key, show(*min)));
  if (max && x > *max)
    return error_at(ctx, nominal, fmt::format("'nominal' ({}) is above '{}' ({})", show(x), max_key, show(*max)));
  return ok_status();
}

Status load_nominal(Context& ctx, const Entry& nominal, Input& input) {
  auto same = [](auto v) { return v; };
  switch (input.type) {
    case InputType::Int: {
      LOADER_ASSIGN(std::int64_t v, read_int(ctx, nominal));
      LOADER_TRY(check_within(ctx, nominal, v, input.range.min, input.range.max, "min", "max", same));
      input.nominal = v;
      return ok_status();
    }
    case InputType::Number: {
      LOADER_ASSIGN(double v, read_number(ctx, nominal));
      LOADER_TRY(check_within(ctx, nominal, v, input.real.min, input.real.max, "min", "max", same));
      input.nominal = v;
      return ok_status();
    }
    case InputType::Date: {
      LOADER_ASSIGN(std::int64_t days, read_date(ctx, nominal));
      LOADER_TRY(check_within(ctx, nominal, days, input.range.min, input.range.max, "min", "max", suite::format_date));
      input.nominal = suite::format_date(days);
      return ok_status();
    }
    case InputType::String: {
      LOADER_ASSIGN(std::string v, read_string(ctx, nominal));
      std::int64_t length = code_points(v);
      if (input.range.min && length < *input.range.min) {
        return error_at(ctx, nominal, fmt::format("'nominal' is {} characters long, fewer than 'min_length' ({})",
                                                  length, *input.range.min));
      }
      if (input.range.max && length > *input.range.max) {
        return error_at(ctx, nominal, fmt::format("'nominal' is {} characters long, more than 'max_length' ({})",
                                                  length, *input.range.max));
      }
      if (input.pattern && !std::regex_search(v, std::regex(*input.pattern, std::regex::ECMAScript)))
        return error_at(ctx, nominal, fmt::format("'nominal' does not match 'pattern' ({})", *input.pattern));
      input.nominal = std::move(v);
      return ok_status();
    }
    case InputType::Enum: {
      Value v;
      if (nominal.value.IsScalar()) LOADER_SET(v, read_value(ctx, nominal.value, Templates::Plain));
      if (std::find(input.enum_values.begin(), input.enum_values.end(), v) == input.enum_values.end()) {
        std::string listed;
        for (const Value& e : input.enum_values) listed += (listed.empty() ? "" : ", ") + e.dump();
        return error_at(ctx, nominal, fmt::format("'nominal' must be one of 'values' ({}), got {}", listed,
                                                  describe(nominal.value)));
      }
      input.nominal = std::move(v);
      return ok_status();
    }
    case InputType::Bool: {
      LOADER_ASSIGN(bool v, read_bool(ctx, nominal));
      input.nominal = v;
      return ok_status();
    }
  }
  return ok_status();
}

Expected<Input> load_input(Context& ctx, const Entry& entry) {
  Input input;
  input.name = entry.key;
  input.where = ctx.at(entry.key_node);
  if (!is_input_name(entry.key)) {
    return ctx.error(entry.key_node, fmt::format("input name '{}' may only hold letters, digits, '_', '-' and '.'",
                                                 entry.key));
  }
  std::string what = fmt::format("input '{}'", entry.key);
  if (entry.value.IsScalar()) {  // `a: int` is short for `a: {type: int}`
    LOADER_SET(input.type, read_type_name(ctx, entry));
    if (input.type == InputType::Enum)
      return error_at(ctx, entry, fmt::format("enum input '{}' needs 'values', the list of its allowed values", entry.key));
    input.classes = implicit_classes(input);
    return input;
  }
  std::optional<Keys> suggestions;
  if (auto type = peek_type(entry.value)) suggestions = input_keys_for(*type);
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry, what, "in " + what, kInputKeys,
                                            suggestions ? &*suggestions : nullptr));
  LOADER_SET(input.type, read_type(ctx, fields, entry));
  for (const Entry& e : fields.entries())
    if (auto why = inapplicable_key(e.key, input.type)) return ctx.error(e.key_node, *why);

  LOADER_TRY(load_bounds(ctx, fields, input));
  LOADER_TRY(load_string_rules(ctx, fields, input));
  if (input.type == InputType::Enum) LOADER_TRY(load_enum_values(ctx, fields, entry, input));
  if (const Entry* nominal = fields.find("nominal")) LOADER_TRY(load_nominal(ctx, *nominal, input));
  if (const Entry* secret = fields.find("secret")) LOADER_SET(input.secret, read_bool(ctx, *secret));
  if (const Entry* partitions = fields.find("partitions")) {
    LOADER_TRY(load_classes(ctx, *partitions, input));
  } else {
    input.classes = implicit_classes(input);
  }
  return input;
}

}  // namespace

Expected<std::vector<Input>> load_inputs(Context& ctx, const Entry& inputs) {
  LOADER_ASSIGN(auto entries, map_entries(ctx, inputs));
  std::vector<Input> out;
  for (const Entry& e : entries) {
    LOADER_ASSIGN(Input input, load_input(ctx, e));
    out.push_back(std::move(input));
  }
  return out;
}

}  // namespace glassbox::loader::detail

// The checks of an expectation: `headers` (name -> check) and `json` (pointer -> check), and
// span attribute checks (attribute name -> check, with the operators of JSON checks).
//
// A check is a shorthand for equals (a string for headers; any scalar or list for JSON) or
// a map whose keys are ALL operators, giving one check per operator. A map without any
// operator is an error rather than an object to compare with: `{equal: x}` is far more
// often a typo than a comparison, and {equals: {...}} says the other plainly.
#include <fmt/format.h>

#include "suites/loader/did_you_mean.hpp"
#include "suites/loader/parts.hpp"
#include "suites/loader/validate.hpp"

namespace glassbox::loader::detail {

namespace {

const Keys kJsonOperators = {"equals", "matches", "exists", "absent", "type"};
const Keys kHeaderOperators = {"equals", "matches", "exists", "absent"};
const Keys kJsonTypes = {"null", "boolean", "number", "integer", "string", "array", "object"};

bool contains(const Keys& keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// The entries of an operator map, each key checked to be one of `operators`. `subject`
// names what is checked: "'/kind'" or "header 'x-id'".
Expected<std::vector<Entry>> operator_entries(const Context& ctx, const Entry& check, const Keys& operators,
                                              std::string_view subject, std::string_view no_operator_hint) {
  LOADER_ASSIGN(auto entries, map_entries(ctx, check.value, where_of(ctx, check), subject));
  bool any_operator = std::any_of(entries.begin(), entries.end(), [&](const Entry& e) {
    return contains(operators, e.key);
  });
  for (const Entry& e : entries) {
    if (contains(operators, e.key)) continue;
    if (e.key == "type") return ctx.error(e.key_node, "'type' checks JSON values, not headers: use matches");
    if (any_operator || closest_name(e.key, operators)) {
      return ctx.error(e.key_node, fmt::format("unknown key '{}' in the check of {}{}", e.key, subject,
                                               name_hint(e.key, operators, "allowed keys")));
    }
    return error_at(ctx, check, fmt::format("the check of {} is a map with no operator ({}){}", subject,
                                            join_names(operators), no_operator_hint));
  }
  if (entries.empty()) {
    return error_at(ctx, check, fmt::format("the check of {} is empty: give an operator ({})", subject,
                                            join_names(operators)));
  }
  return entries;
}

// exists: false is absent, absent: false is exists.
suite::MatchKind presence(std::string_view op, bool flag) {
  bool wants_present = (op == "exists") == flag;
  return wants_present ? suite::MatchKind::Exists : suite::MatchKind::Absent;
}

Expected<suite::HeaderCheck> header_operator(Context& ctx, const Entry& op, const std::string& name) {
  suite::HeaderCheck check;
  check.name = name;
  check.where = ctx.at(op.key_node);
  if (op.key == "equals") {
    check.kind = suite::MatchKind::Equals;
    LOADER_SET(check.operand, read_string(ctx, op));
    LOADER_TRY(check_placeholders(ctx, op.value, check.operand));
  } else if (op.key == "matches") {
    check.kind = suite::MatchKind::Matches;
    LOADER_SET(check.operand, read_string(ctx, op));
    LOADER_TRY(check_regex(ctx, op, check.operand));
  } else {
    LOADER_ASSIGN(bool flag, read_bool(ctx, op));
    check.kind = presence(op.key, flag);
  }
  return check;
}

Expected<suite::JsonCheck> json_operator(Context& ctx, const Entry& op, const std::string& pointer) {
  suite::JsonCheck check;
  check.pointer = pointer;
  check.where = ctx.at(op.key_node);
  if (op.key == "equals") {
    check.kind = suite::MatchKind::Equals;
    LOADER_SET(check.operand, read_value(ctx, op.value, Templates::Check));
  } else if (op.key == "matches") {
    check.kind = suite::MatchKind::Matches;
    LOADER_ASSIGN(std::string pattern, read_string(ctx, op));
    LOADER_TRY(check_regex(ctx, op, pattern));
    check.operand = pattern;
  } else if (op.key == "type") {
    check.kind = suite::MatchKind::Type;
    LOADER_ASSIGN(std::string type, read_string(ctx, op));
    if (!contains(kJsonTypes, type))
      return error_at(ctx, op, fmt::format("unknown JSON type '{}'{}", type, name_hint(type, kJsonTypes, "types")));
    check.operand = type;
  } else {
    LOADER_ASSIGN(bool flag, read_bool(ctx, op));
    check.kind = presence(op.key, flag);
  }
  return check;
}

}  // namespace

Expected<std::vector<suite::HeaderCheck>> load_header_checks(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(auto entries, map_entries(ctx, entry));
  std::vector<suite::HeaderCheck> checks;
  for (const Entry& e : entries) {
    if (!is_header_name(e.key)) {
      return ctx.error(e.key_node, fmt::format("'{}' is not a valid header name (letters, digits and "
                                               "!#$%&'*+-.^_`|~; no spaces or ':')",
                                               e.key));
    }
    // Header names compare case-insensitively; one spelling keeps merge() and reports simple.
    std::string name = e.key;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string subject = fmt::format("header '{}'", e.key);
    if (e.value.IsScalar()) {  // shorthand for equals
      LOADER_ASSIGN(suite::HeaderCheck check, header_operator(ctx, Entry{"equals", e.key_node, e.value}, name));
      checks.push_back(std::move(check));
      continue;
    }
    if (!e.value.IsMap()) {
      return error_at(ctx, e, fmt::format("the check of {} must be a string or a map of operators ({}), got {}",
                                          subject, join_names(kHeaderOperators), describe(e.value)));
    }
    LOADER_ASSIGN(auto ops, operator_entries(ctx, e, kHeaderOperators, subject, ""));
    for (const Entry& op : ops) {
      LOADER_ASSIGN(suite::HeaderCheck check, header_operator(ctx, op, name));
      checks.push_back(std::move(check));
    }
  }
  return checks;
}

Expected<std::vector<suite::JsonCheck>> load_json_checks(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(auto entries, map_entries(ctx, entry));
  std::vector<suite::JsonCheck> checks;
  for (const Entry& e : entries) {
    if (auto problem = json_pointer_problem(e.key)) return ctx.error(e.key_node, *problem);
    std::string subject = fmt::format("'{}'", e.key);
    if (!e.value.IsMap()) {  // shorthand for equals: scalars, null and lists
      LOADER_ASSIGN(suite::JsonCheck check, json_operator(ctx, Entry{"equals", e.key_node, e.value}, e.key));
      checks.push_back(std::move(check));
      continue;
    }
    LOADER_ASSIGN(auto ops, operator_entries(ctx, e, kJsonOperators, subject,
                                             "; use {equals: {...}} to compare with an object"));
    for (const Entry& op : ops) {
      LOADER_ASSIGN(suite::JsonCheck check, json_operator(ctx, op, e.key));
      checks.push_back(std::move(check));
    }
  }
  return checks;
}

Expected<std::vector<suite::AttributeCheck>> load_attribute_checks(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(auto entries, map_entries(ctx, entry));
  std::vector<suite::AttributeCheck> checks;
  for (const Entry& e : entries) {
    if (e.key.empty()) return ctx.error(e.key_node, "an attribute name cannot be empty");
    std::string subject = fmt::format("attribute '{}'", e.key);
    std::vector<Entry> ops{Entry{"equals", e.key_node, e.value}};  // shorthand: scalars and lists
    if (e.value.IsMap()) {
      LOADER_SET(ops, operator_entries(ctx, e, kJsonOperators, subject,
                                       "; use {equals: {...}} to compare with a map attribute"));
    }
    for (const Entry& op : ops) {
      LOADER_ASSIGN(suite::JsonCheck check, json_operator(ctx, op, ""));
      checks.push_back(suite::AttributeCheck{e.key, check.kind, std::move(check.operand), check.where});
    }
  }
  return checks;
}

}  // namespace glassbox::loader::detail

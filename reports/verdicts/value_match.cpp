#include "reports/verdicts/value_match.hpp"

#include <regex>

#include <fmt/format.h>

namespace glassbox::reports {

namespace {

constexpr std::size_t kShownChars = 200;

bool has_type(const Value& v, const std::string& type) {
  std::string actual = json_type_name(v);
  return actual == type || (type == "number" && actual == "integer");
}

std::string operand_text(const Value& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

}  // namespace

std::string shorten_text(std::string text) {
  if (text.size() > kShownChars) text = text.substr(0, kShownChars) + "...";
  return text;
}

std::string shown_value(const Value& v) { return shorten_text(v.dump()); }

std::string json_type_name(const Value& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "boolean";
  if (v.is_number_integer()) return "integer";
  if (v.is_number()) return "number";
  if (v.is_string()) return "string";
  if (v.is_array()) return "array";
  return "object";
}

bool regex_search_text(const std::string& pattern, const std::string& text) {
  try {
    return std::regex_search(text, std::regex(pattern, std::regex::ECMAScript));
  } catch (const std::regex_error&) {
    return false;
  }
}

ValueJudgement judge_value(suite::MatchKind kind, const Value& operand, const Value* found,
                           const suite::Lookup& inputs) {
  switch (kind) {
    case suite::MatchKind::Exists: return {found != nullptr, "present"};
    case suite::MatchKind::Absent: return {found == nullptr, "absent"};
    case suite::MatchKind::Type:
      return {found && operand.is_string() && has_type(*found, operand.get<std::string>()),
              fmt::format("a value of type {}", operand_text(operand))};
    case suite::MatchKind::Matches: {
      std::string pattern = operand_text(operand);
      bool passed = found && regex_search_text(pattern, found->is_string() ? found->get<std::string>() : found->dump());
      return {passed, fmt::format("/{}/", pattern)};
    }
    case suite::MatchKind::Equals: {
      auto want = suite::render_value(operand, inputs);
      if (!want) return {false, want.error().message};
      return {found && *found == *want, shown_value(*want)};
    }
  }
  return {};
}

}  // namespace glassbox::reports

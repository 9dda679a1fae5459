#include "suites/model/span_expectation.hpp"

#include <fmt/format.h>

namespace glassbox::suite {

std::string TextMatch::to_string() const {
  return kind == Kind::Regex ? fmt::format("/{}/", text) : text;
}

namespace {

std::string operand_text(const Value& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

std::string attribute_text(const AttributeCheck& a) {
  switch (a.kind) {
    case MatchKind::Equals: return fmt::format("{}={}", a.name, operand_text(a.operand));
    case MatchKind::Matches: return fmt::format("{}~/{}/", a.name, operand_text(a.operand));
    case MatchKind::Exists: return a.name;
    case MatchKind::Absent: return "!" + a.name;
    case MatchKind::Type: return fmt::format("{}:{}", a.name, operand_text(a.operand));
  }
  return a.name;
}

}  // namespace

std::string SpanSelector::to_string() const {
  std::vector<std::string> parts;
  if (service) parts.push_back("service=" + service->to_string());
  if (name) parts.push_back("name=" + name->to_string());
  if (kind) parts.push_back(fmt::format("kind={}", glassbox::to_string(*kind)));
  if (status) parts.push_back(fmt::format("status={}", glassbox::to_string(*status)));
  if (!attributes.empty()) {
    std::vector<std::string> attrs;
    for (const AttributeCheck& a : attributes) attrs.push_back(attribute_text(a));
    parts.push_back(fmt::format("attributes{{{}}}", fmt::join(attrs, ",")));
  }
  if (parent) parts.push_back(fmt::format("parent({})", parent->to_string()));
  if (child) parts.push_back(fmt::format("child({})", child->to_string()));
  return parts.empty() ? "any span" : fmt::format("{}", fmt::join(parts, " "));
}

bool CountSpec::allows(int n) const {
  if (!min && !max) return n >= 1;
  return (!min || n >= *min) && (!max || n <= *max);
}

std::string CountSpec::to_string() const {
  if (!min && !max) return "at least 1";
  if (min && max) return *min == *max ? fmt::format("exactly {}", *min) : fmt::format("{}..{}", *min, *max);
  if (min) return fmt::format("at least {}", *min);
  return fmt::format("at most {}", *max);
}

}  // namespace glassbox::suite

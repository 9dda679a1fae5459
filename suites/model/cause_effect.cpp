#include "suites/model/cause_effect.hpp"

#include <algorithm>

namespace glassbox::suite {

bool CauseExpr::evaluate(const std::vector<std::string>& cause_ids, const std::vector<bool>& values) const {
  switch (op) {
    case Op::Cause: {
      auto it = std::find(cause_ids.begin(), cause_ids.end(), cause);
      return it != cause_ids.end() && values[static_cast<std::size_t>(it - cause_ids.begin())];
    }
    case Op::And:
      return std::all_of(operands.begin(), operands.end(),
                         [&](const CauseExpr& e) { return e.evaluate(cause_ids, values); });
    case Op::Or:
      return std::any_of(operands.begin(), operands.end(),
                         [&](const CauseExpr& e) { return e.evaluate(cause_ids, values); });
    case Op::Not:
      return !operands.empty() && !operands.front().evaluate(cause_ids, values);
  }
  return false;
}

std::string_view to_string(ConstraintKind kind) {
  switch (kind) {
    case ConstraintKind::Exclusive: return "exclusive";
    case ConstraintKind::Inclusive: return "inclusive";
    case ConstraintKind::OneAndOnlyOne: return "one_and_only_one";
    case ConstraintKind::Requires: return "requires";
    case ConstraintKind::Masks: return "masks";
  }
  return "";
}

}  // namespace glassbox::suite

#include "suites/model/decision_table.hpp"

#include <tuple>

namespace glassbox::suite {

namespace {

bool same_status(const std::optional<StatusSpec>& a, const std::optional<StatusSpec>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->codes == b->codes && a->classes == b->classes);
}

bool same_header(const HeaderCheck& a, const HeaderCheck& b) {
  return std::tie(a.name, a.kind, a.operand) == std::tie(b.name, b.kind, b.operand);
}

bool same_json(const JsonCheck& a, const JsonCheck& b) {
  return std::tie(a.pointer, a.kind, a.operand) == std::tie(b.pointer, b.kind, b.operand);
}

template <typename T, typename Same>
bool same_lists(const std::vector<T>& a, const std::vector<T>& b, Same same) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!same(a[i], b[i])) return false;
  return true;
}

}  // namespace

bool same_actions(const Expectation& a, const Expectation& b) {
  return same_status(a.status, b.status) && a.latency_max_ms == b.latency_max_ms &&
         same_lists(a.headers, b.headers, same_header) && same_lists(a.json, b.json, same_json);
}

}  // namespace glassbox::suite

#include "generators/combinatorial/constraints.hpp"

#include <numeric>

namespace glassbox::generators::combinatorial::detail {

Constraints::Constraints(std::vector<std::size_t> levels, std::vector<Combination> forbidden)
    : levels_(std::move(levels)), forbidden_(std::move(forbidden)), forbidden_with_(levels_.size()) {
  for (std::size_t i = 0; i < forbidden_.size(); ++i)
    for (const Assignment& a : forbidden_[i]) forbidden_with_[a.parameter].push_back(i);
}

namespace {
bool present(const Combination& combination, const Row& row) {
  for (const Assignment& a : combination)
    if (row[a.parameter] != a.value) return false;
  return true;
}
}  // namespace

bool Constraints::violated_at(const Row& row, std::size_t column) const {
  for (std::size_t i : forbidden_with_[column])
    if (present(forbidden_[i], row)) return true;
  return false;
}

bool Constraints::violated(const Row& row) const {
  for (const Combination& combination : forbidden_)
    if (present(combination, row)) return true;
  return false;
}

std::vector<std::size_t> Constraints::natural_order(std::size_t column) const {
  std::vector<std::size_t> values(levels_[column]);
  std::iota(values.begin(), values.end(), std::size_t{0});
  return values;
}

}  // namespace glassbox::generators::combinatorial::detail

#include "generators/combinatorial/tuple_space.hpp"

#include <algorithm>

namespace glassbox::generators::combinatorial::detail {

namespace {
constexpr std::uint32_t kAbsent = std::numeric_limits<std::uint32_t>::max();
}

std::uint64_t count_tuples(const std::vector<std::size_t>& levels, std::size_t t) {
  // Dynamic programming over columns: ways[j] = sum over j-subsets of the product of levels.
  std::vector<long double> ways(t + 1, 0);
  ways[0] = 1;
  for (std::size_t level : levels)
    for (std::size_t j = t; j > 0; --j) ways[j] += ways[j - 1] * static_cast<long double>(level);
  if (ways[t] >= 1.8e19L) return std::numeric_limits<std::uint64_t>::max();
  return static_cast<std::uint64_t>(ways[t] + 0.5L);
}

TupleSpace::TupleSpace(std::vector<std::size_t> levels, std::size_t t)
    : levels_(std::move(levels)), t_(t), subsets_with_(levels_.size()) {
  offsets_.push_back(0);
  for_each_subset(levels_.size(), t_, [&](const std::vector<std::size_t>& cols) {
    auto subset = static_cast<std::uint32_t>(offsets_.size() - 1);
    std::uint64_t size = 1;
    for (std::size_t c : cols) {
      subset_columns_.push_back(c);
      subsets_with_[c].push_back(subset);
      size *= levels_[c];
    }
    offsets_.push_back(offsets_.back() + size);
  });
}

std::uint32_t TupleSpace::tuple_id(std::size_t subset, const Row& row) const {
  const std::size_t* cols = columns(subset);
  std::uint64_t index = 0;
  for (std::size_t i = 0; i < t_; ++i) index = index * levels_[cols[i]] + row[cols[i]];
  return static_cast<std::uint32_t>(offsets_[subset] + index);
}

std::size_t TupleSpace::subset_of(std::uint32_t id) const {
  auto it = std::upper_bound(offsets_.begin(), offsets_.end(), static_cast<std::uint64_t>(id));
  return static_cast<std::size_t>(it - offsets_.begin()) - 1;
}

void TupleSpace::values_of(std::uint32_t id, std::vector<std::size_t>& out) const {
  std::size_t subset = subset_of(id);
  const std::size_t* cols = columns(subset);
  std::uint64_t index = id - offsets_[subset];
  out.assign(t_, 0);
  for (std::size_t i = t_; i > 0; --i) {
    out[i - 1] = static_cast<std::size_t>(index % levels_[cols[i - 1]]);
    index /= levels_[cols[i - 1]];
  }
}

Coverage::Coverage(const TupleSpace& space, std::vector<bool> excluded)
    : space_(space),
      excluded_(std::move(excluded)),
      counts_(space.tuple_count(), 0),
      position_(space.tuple_count(), kAbsent) {
  for (std::uint32_t id = 0; id < counts_.size(); ++id) {
    if (excluded_[id]) continue;
    position_[id] = static_cast<std::uint32_t>(uncovered_.size());
    uncovered_.push_back(id);
  }
}

void Coverage::increment(std::uint32_t id) {
  if (counts_[id]++ != 0 || position_[id] == kAbsent) return;
  std::uint32_t last = uncovered_.back();
  uncovered_[position_[id]] = last;
  position_[last] = position_[id];
  uncovered_.pop_back();
  position_[id] = kAbsent;
}

void Coverage::decrement(std::uint32_t id) {
  if (--counts_[id] != 0 || excluded_[id]) return;
  position_[id] = static_cast<std::uint32_t>(uncovered_.size());
  uncovered_.push_back(id);
}

void Coverage::add_row(const Row& row) {
  for (std::size_t s = 0; s < space_.subset_count(); ++s) increment(space_.tuple_id(s, row));
}

void Coverage::remove_row(const Row& row) {
  for (std::size_t s = 0; s < space_.subset_count(); ++s) decrement(space_.tuple_id(s, row));
}

void Coverage::set_cell(Row& row, std::size_t column, std::size_t value) {
  if (row[column] == value) return;
  const auto& subsets = space_.subsets_with(column);
  for (std::uint32_t s : subsets) decrement(space_.tuple_id(s, row));
  row[column] = value;
  for (std::uint32_t s : subsets) increment(space_.tuple_id(s, row));
}

}  // namespace glassbox::generators::combinatorial::detail

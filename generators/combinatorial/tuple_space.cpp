#include "generators/combinatorial/tuple_space.hpp"

#include <algorithm>

namespace glassbox::generators::combinatorial::detail {

namespace {
constexpr std::uint32_t kAbsent = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t kExcludedBias = 1u << 30;
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
    : levels_(std::move(levels)), t_(t), subsets_with_(levels_.size()), strides_with_(levels_.size()) {
  offsets_.push_back(0);
  for_each_subset(levels_.size(), t_, [&](const std::vector<std::size_t>& cols) {
    auto subset = static_cast<std::uint32_t>(offsets_.size() - 1);
    std::uint64_t size = 1;
    for (std::size_t i = cols.size(); i > 0; --i) {
      std::size_t c = cols[i - 1];
      subsets_with_[c].push_back(subset);
      strides_with_[c].push_back(static_cast<std::uint32_t>(size));
      size *= levels_[c];
    }
    for (std::size_t c : cols) subset_columns_.push_back(c);
    offsets_.push_back(offsets_.back() + size);
  });
  if (t_ != 2) return;
  pair_terms_.resize(levels_.size());
  for (std::size_t c = 0; c < levels_.size(); ++c) {
    for (std::size_t i = 0; i < subsets_with_[c].size(); ++i) {
      std::uint32_t subset = subsets_with_[c][i];
      const std::size_t* cols = columns(subset);
      std::size_t other = cols[0] == c ? cols[1] : cols[0];
      auto other_stride = static_cast<std::uint32_t>(cols[0] == c ? 1 : levels_[c]);
      pair_terms_[c].push_back({static_cast<std::uint32_t>(offsets_[subset]), strides_with_[c][i], other_stride,
                                static_cast<std::uint32_t>(other)});
    }
  }
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

Coverage::Coverage(const TupleSpace& space, const std::vector<bool>& excluded)
    : space_(space), counts_(space.tuple_count(), 0), position_(space.tuple_count(), kAbsent) {
  for (std::uint32_t id = 0; id < counts_.size(); ++id) {
    if (excluded[id]) {
      counts_[id] = kExcludedBias;
      continue;
    }
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
  if (--counts_[id] != 0) return;
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
  const auto& strides = space_.strides_with(column);
  // Unsigned wrap-around makes id - old * stride + value * stride exact.
  auto old_value = static_cast<std::uint32_t>(row[column]), new_value = static_cast<std::uint32_t>(value);
  for (std::size_t i = 0; i < subsets.size(); ++i) {
    std::uint32_t id = space_.tuple_id(subsets[i], row);
    decrement(id);
    increment(id - old_value * strides[i] + new_value * strides[i]);
  }
  row[column] = value;
}

}  // namespace glassbox::generators::combinatorial::detail

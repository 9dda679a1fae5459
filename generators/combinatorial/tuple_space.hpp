// Internal to the covering-array builder: the t-tuples of a model numbered densely, and
// the running count of how many rows cover each, so that a cell change costs only the
// tuples through that cell.
//
// A tuple is (t-subset of columns, one value per column); its id is the subset's offset
// plus the values read as a mixed-radix number. Excluded tuples (forbidden, or impossible
// under the constraints) are never "uncovered".
//
// Thread-safety: plain values; one per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace glassbox::generators::combinatorial::detail {

using Row = std::vector<std::size_t>;
inline constexpr std::size_t kUnset = std::numeric_limits<std::size_t>::max();

class TupleSpace final {
 public:
  // 1 <= t <= levels.size(); the caller checks tuple_count() against its limit first
  // (count_tuples) since the tables here grow with it.
  TupleSpace(std::vector<std::size_t> levels, std::size_t t);

  std::size_t strength() const { return t_; }
  std::size_t columns_count() const { return levels_.size(); }
  std::size_t level(std::size_t column) const { return levels_[column]; }
  std::size_t subset_count() const { return offsets_.size() - 1; }
  std::uint64_t tuple_count() const { return offsets_.back(); }
  const std::size_t* columns(std::size_t subset) const { return &subset_columns_[subset * t_]; }
  const std::vector<std::uint32_t>& subsets_with(std::size_t column) const { return subsets_with_[column]; }
  // strides_with(column)[i]: how much the id of a tuple on subsets_with(column)[i] grows
  // when the value in `column` grows by one, so a cell change moves ids without
  // recomputing them.
  const std::vector<std::uint32_t>& strides_with(std::size_t column) const { return strides_with_[column]; }
  // At strength 2 only (empty otherwise): for each subset through `column`, in the order
  // of subsets_with, what its tuple id is made of: offset + row[column] * own_stride +
  // row[other] * other_stride. One compact record per pair keeps the searches' inner loop
  // to a few loads.
  struct PairTerm {
    std::uint32_t offset, own_stride, other_stride, other;
  };
  const std::vector<PairTerm>& pair_terms(std::size_t column) const { return pair_terms_[column]; }

  // The id of the tuple `row` holds on `subset`; every column of the subset must be set.
  // Inline: the searches call it for every tuple of every move they weigh.
  std::uint32_t tuple_id(std::size_t subset, const Row& row) const {
    const std::size_t* cols = columns(subset);
    std::uint64_t index = 0;
    for (std::size_t i = 0; i < t_; ++i) index = index * levels_[cols[i]] + row[cols[i]];
    return static_cast<std::uint32_t>(offsets_[subset] + index);
  }
  std::size_t subset_of(std::uint32_t id) const;
  // The values of tuple `id`, one per column of its subset.
  void values_of(std::uint32_t id, std::vector<std::size_t>& out) const;

 private:
  std::vector<std::size_t> levels_;
  std::size_t t_;
  std::vector<std::size_t> subset_columns_;              // subset_count * t
  std::vector<std::uint64_t> offsets_;                   // subset_count + 1
  std::vector<std::vector<std::uint32_t>> subsets_with_;  // per column
  std::vector<std::vector<std::uint32_t>> strides_with_;  // per column, parallel to subsets_with_
  std::vector<std::vector<PairTerm>> pair_terms_;         // per column at t = 2, parallel to subsets_with_
};

// The number of t-tuples of a model, saturating at UINT64_MAX, without building tables.
std::uint64_t count_tuples(const std::vector<std::size_t>& levels, std::size_t t);

// Calls visit(columns) for every t-subset of [0, k), in lexicographic order.
template <typename Visit>
void for_each_subset(std::size_t k, std::size_t t, Visit&& visit) {
  if (t > k) return;
  std::vector<std::size_t> c(t);
  for (std::size_t i = 0; i < t; ++i) c[i] = i;
  while (true) {
    visit(c);
    std::size_t i = t;
    while (i > 0 && c[i - 1] == k - t + i - 1) --i;
    if (i == 0) return;
    ++c[i - 1];
    for (std::size_t j = i; j < t; ++j) c[j] = c[j - 1] + 1;
  }
}

class Coverage final {
 public:
  // `excluded[id]` marks tuples that need no row.
  Coverage(const TupleSpace& space, const std::vector<bool>& excluded);

  void add_row(const Row& row);
  void remove_row(const Row& row);
  // Sets row[column] = value, updating the counts of the tuples through that cell.
  void set_cell(Row& row, std::size_t column, std::size_t value);

  std::size_t uncovered() const { return uncovered_.size(); }
  std::uint32_t uncovered_at(std::size_t i) const { return uncovered_[i]; }
  // Excluded tuples start at a count no row count reaches, so these tests need no
  // separate look-up (the searches make them for every tuple of every move they weigh).
  bool is_uncovered(std::uint32_t id) const { return counts_[id] == 0; }
  // Whether removing one covering row would leave the tuple uncovered.
  bool covered_once(std::uint32_t id) const { return counts_[id] == 1; }

 private:
  void increment(std::uint32_t id);
  void decrement(std::uint32_t id);

  const TupleSpace& space_;
  std::vector<std::uint32_t> counts_;  // rows covering each tuple, plus kExcludedBias if excluded
  std::vector<std::uint32_t> uncovered_;  // ids with count 0, not excluded; order is arbitrary but deterministic
  std::vector<std::uint32_t> position_;   // index in uncovered_, or kAbsent
};

}  // namespace glassbox::generators::combinatorial::detail

// Smooth weighted round robin (the nginx upstream algorithm): over any window the picks
// follow the weights as closely as integers allow, interleaved rather than in runs, and the
// sequence is the same on every run. Not thread-safe.
#pragma once

#include <cstddef>
#include <vector>

namespace glassbox::probes::detail {

class WeightedPicker final {
 public:
  // Weights <= 0 (or NaN) are never picked.
  explicit WeightedPicker(const std::vector<double>& weights);

  bool empty() const { return total_ <= 0; }
  // The next index; requires !empty().
  std::size_t next();

 private:
  std::vector<double> weights_;
  std::vector<double> current_;
  double total_ = 0;
};

}  // namespace glassbox::probes::detail

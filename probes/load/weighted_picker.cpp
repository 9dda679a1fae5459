#include "probes/load/weighted_picker.hpp"

namespace glassbox::probes::detail {

WeightedPicker::WeightedPicker(const std::vector<double>& weights) : current_(weights.size(), 0.0) {
  weights_.reserve(weights.size());
  for (const double weight : weights) {
    const double usable = weight > 0 ? weight : 0.0;   // also turns NaN into 0
    weights_.push_back(usable);
    total_ += usable;
  }
}

std::size_t WeightedPicker::next() {
  // Each turn every entry gains its weight; the richest is picked and pays the total.
  // Ties go to the lowest index, which keeps the sequence deterministic. The currents sum
  // to the total after the gains, so the richest is positive and never a zero weight.
  std::size_t best = 0;
  for (std::size_t i = 0; i < weights_.size(); ++i) {
    current_[i] += weights_[i];
    if (current_[i] > current_[best]) best = i;
  }
  current_[best] -= total_;
  return best;
}

}  // namespace glassbox::probes::detail

// The boundary points of one input: where boundary value analysis puts it.
//
//   int, date, string length, number:  min- min min+ nominal max- max max+
//   enum:                              first nominal last outside
//   bool:                              true false (one of them is the nominal)
// "+"/"-" is one unit: 1, one day, one character, or the input's step. min- and max+
// (and an enum's outside value) are only taken with Reach::Robust.
//
// Points whose value another point already has are dropped, keeping the label that says
// more: nominal, then min/max (first/last), then min+/max-, then min-/max+. A narrow range
// therefore gives fewer points instead of duplicate cases. Points that cannot be
// represented (int64 overflow, a negative length, a day outside years 0000-9999) are
// dropped too.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "suites/model/expected.hpp"
#include "suites/model/input.hpp"
#include "suites/model/value.hpp"

namespace glassbox::generators {

enum class Reach { Normal, Robust };

struct BoundaryPoint {
  std::string label;  // "min", "max+", "nominal", "first", "outside", "true", ...
  Value value;
};

// The input's points in the order of the list above; exactly one is labelled "nominal".
// Errors (at `where`) when the input has no usable bounds:
//   technique 'boundaries' needs bounds for input 'a' (set min/max, or min_length/max_length for strings)
//   technique 'boundaries' needs bounds for input 'a' (set max; only min is set)
Expected<std::vector<BoundaryPoint>> boundary_points(const suite::Input& input, Reach reach,
                                                     const SourceLocation& where);

}  // namespace glassbox::generators

// The `options` of a property use, read and checked against the group of inputs:
//   options: {runs: 100, max_requests: 300, max_seconds: 30, classes: {a: small, b: [x, y]}}
// Errors name the option and carry the use's location:
//   technique 'property' of request 'r': option 'runs' must be 1..100000, got 0
//
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "generators/case_builder.hpp"

namespace glassbox::generators {

inline constexpr int kMaxPropertyRuns = 100000;
inline constexpr int kMaxPropertyRequests = 1000000;
inline constexpr int kMaxPropertySeconds = 86400;
// Shrink steps allowed beyond the draws when `max_requests` is not set.
inline constexpr int kDefaultShrinkRequests = 200;

struct PropertyOptions {
  int runs = 100;
  int max_requests = 100 + kDefaultShrinkRequests;
  int max_seconds = 30;
  // input -> the classes its values are drawn from; inputs not listed use their valid classes.
  std::map<std::string, std::vector<std::string>> classes;
};

Expected<PropertyOptions> read_property_options(const GenerationContext& context, const Group& group);

}  // namespace glassbox::generators

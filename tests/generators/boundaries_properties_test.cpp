// Properties of boundary value analysis over random bounded int inputs: case counts per
// form and where the values may lie.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <set>

#include "tests/generators/suite_builder.hpp"

namespace glassbox::generators {
namespace {

using namespace fixtures;

// 0..4 int inputs i0, i1, ... with random ranges at least 4 wide.
suite::Suite random_bounded_suite(const std::string& form) {
  suite::Suite s;
  std::vector<std::string> names;
  int n = *rc::gen::inRange(0, 5);
  for (int i = 0; i < n; ++i) {
    std::int64_t min = *rc::gen::inRange<std::int64_t>(-1000, 1000);
    std::int64_t width = *rc::gen::inRange<std::int64_t>(4, 1000);
    names.push_back("i" + std::to_string(i));
    s.inputs.push_back(bounded_int(names.back(), min, min + width));
  }
  s.requests = {request_using(names)};
  s.requests[0].techniques = {use("boundaries", form)};
  return s;
}

std::size_t power(std::size_t base, std::size_t exponent) {
  std::size_t out = 1;
  while (exponent-- > 0) out *= base;
  return out;
}

std::vector<suite::Case> generate_ok(const suite::Suite& s, std::uint64_t seed = 1) {
  auto cases = run(*find_generator("boundaries"), s, seed);
  RC_ASSERT(cases.ok());
  return std::move(*cases);
}

RC_GTEST_PROP(BoundariesProperties, NormalGivesFourPerInputPlusOne, ()) {
  suite::Suite s = random_bounded_suite("normal");
  RC_ASSERT(generate_ok(s).size() == 4 * s.inputs.size() + 1);
}

RC_GTEST_PROP(BoundariesProperties, RobustGivesSixPerInputPlusOne, ()) {
  suite::Suite s = random_bounded_suite("robust");
  RC_ASSERT(generate_ok(s).size() == 6 * s.inputs.size() + 1);
}

RC_GTEST_PROP(BoundariesProperties, WorstCaseGivesFiveToTheN, ()) {
  suite::Suite s = random_bounded_suite("worst_case");
  RC_ASSERT(generate_ok(s).size() == power(5, s.inputs.size()));
}

RC_GTEST_PROP(BoundariesProperties, RobustWorstCaseGivesSevenToTheN, ()) {
  suite::Suite s = random_bounded_suite("robust_worst_case");
  RC_ASSERT(generate_ok(s).size() == power(7, s.inputs.size()));
}

RC_GTEST_PROP(BoundariesProperties, ValuesAreOnlyTheBoundaryPointsAndNominal, ()) {
  std::string form = *rc::gen::element<std::string>("normal", "robust", "worst_case", "robust_worst_case");
  suite::Suite s = random_bounded_suite(form);
  for (const suite::Case& c : generate_ok(s)) {
    for (const suite::Binding& b : c.bindings) {
      const suite::Input& input = *s.find_input(b.input);
      std::int64_t min = *input.range.min, max = *input.range.max;
      std::int64_t nominal = static_cast<std::int64_t>(std::floor((static_cast<double>(min) + max) / 2));
      std::set<std::int64_t> allowed = {min - 1, min, min + 1, nominal, max - 1, max, max + 1};
      RC_ASSERT(allowed.count(b.value.get<std::int64_t>()) == 1u);
      RC_ASSERT(b.under_test);
    }
  }
}

RC_GTEST_PROP(BoundariesProperties, IdsAreDistinctAndIndependentOfTheSeed, (std::uint64_t seed)) {
  std::string form = *rc::gen::element<std::string>("normal", "robust", "worst_case", "robust_worst_case");
  suite::Suite s = random_bounded_suite(form);
  std::vector<std::string> ids = ids_of(generate_ok(s, seed));
  RC_ASSERT(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
  RC_ASSERT(ids == ids_of(generate_ok(s, seed + 1)));
}

RC_GTEST_PROP(BoundariesProperties, OutsideTheRangeMeansInvalid, ()) {
  suite::Suite s = random_bounded_suite("robust");
  for (const suite::Case& c : generate_ok(s)) {
    bool any_outside = false;
    for (const suite::Binding& b : c.bindings) {
      bool outside = b.boundary == "min-" || b.boundary == "max+";
      RC_ASSERT(b.valid == !outside);
      any_outside = any_outside || outside;
    }
    RC_ASSERT(c.expect.status->to_string() == (any_outside ? "400" : "200"));
  }
}

}  // namespace
}  // namespace glassbox::generators

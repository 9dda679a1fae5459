// Properties of equivalence partitioning over random inputs with 1..3 valid and 0..3
// invalid classes: case counts per form, which classes a form may combine, the
// expectation rule, and determinism under the seed.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <set>

#include "tests/generators/suite_builder.hpp"

namespace glassbox::generators {
namespace {

using namespace fixtures;

// Valid class k covers [10k, 10k+9]; invalid class k covers [-10(k+1), -10k-1], the last
// one open below. Invalid class k of any input expects status 450+k.
suite::Suite random_partitioned_suite(const std::string& form) {
  suite::Suite s;
  std::vector<std::string> names;
  int n = *rc::gen::inRange(0, 5);
  for (int i = 0; i < n; ++i) {
    suite::Input input;
    input.name = "i" + std::to_string(i);
    int valid = *rc::gen::inRange(1, 4);
    int invalid = *rc::gen::inRange(0, 4);
    for (int k = 0; k < valid; ++k) input.classes.push_back(valid_class("v" + std::to_string(k), 10 * k, 10 * k + 9));
    for (int k = 0; k < invalid; ++k) {
      std::optional<std::int64_t> low;
      if (k + 1 < invalid) low = -10 * (k + 1);
      input.classes.push_back(invalid_class("x" + std::to_string(k), low, -10 * k - 1));
      input.classes.back().expect = status(450 + k);
    }
    names.push_back(input.name);
    s.inputs.push_back(std::move(input));
  }
  s.requests = {request_using(names)};
  s.requests[0].techniques = {use("partitions", form)};
  return s;
}

std::size_t count_classes(const suite::Input& input, bool valid) {
  return static_cast<std::size_t>(
      std::count_if(input.classes.begin(), input.classes.end(), [&](const auto& c) { return c.valid == valid; }));
}

std::vector<suite::Case> generate_ok(const suite::Suite& s, std::uint64_t seed = 7) {
  auto cases = run(*find_generator("partitions"), s, seed);
  RC_ASSERT(cases.ok());
  return std::move(*cases);
}

std::size_t invalid_bindings(const suite::Case& c) {
  return static_cast<std::size_t>(
      std::count_if(c.bindings.begin(), c.bindings.end(), [](const suite::Binding& b) { return !b.valid; }));
}

RC_GTEST_PROP(PartitionsProperties, WeakNormalCountIsTheMostValidClasses, ()) {
  suite::Suite s = random_partitioned_suite("weak_normal");
  std::size_t most = 1;
  for (const suite::Input& input : s.inputs) most = std::max(most, count_classes(input, true));
  RC_ASSERT(generate_ok(s).size() == most);
}

RC_GTEST_PROP(PartitionsProperties, StrongNormalCountIsTheProductOfValidClasses, ()) {
  suite::Suite s = random_partitioned_suite("strong_normal");
  std::size_t product = 1;
  for (const suite::Input& input : s.inputs) product *= count_classes(input, true);
  RC_ASSERT(generate_ok(s).size() == product);
}

RC_GTEST_PROP(PartitionsProperties, WeakRobustCountAddsEveryInvalidClass, ()) {
  suite::Suite s = random_partitioned_suite("weak_robust");
  std::size_t most = 1, invalid = 0;
  for (const suite::Input& input : s.inputs) {
    most = std::max(most, count_classes(input, true));
    invalid += count_classes(input, false);
  }
  RC_ASSERT(generate_ok(s).size() == most + invalid);
}

RC_GTEST_PROP(PartitionsProperties, StrongRobustCountIsTheProductOfAllClasses, ()) {
  suite::Suite s = random_partitioned_suite("strong_robust");
  std::size_t product = 1;
  for (const suite::Input& input : s.inputs) product *= input.classes.size();
  RC_ASSERT(generate_ok(s).size() == product);
}

RC_GTEST_PROP(PartitionsProperties, EachFormHoldsOnlyTheClassesItAllows, ()) {
  std::string form = *rc::gen::element<std::string>("weak_robust", "weak_normal", "strong_normal", "strong_robust");
  suite::Suite s = random_partitioned_suite(form);
  std::vector<suite::Case> cases = generate_ok(s);
  for (const suite::Case& c : cases) {
    std::size_t invalid = invalid_bindings(c);
    if (form == "weak_normal" || form == "strong_normal") RC_ASSERT(invalid == 0u);
    if (form == "weak_robust") RC_ASSERT(invalid <= 1u);
    for (const suite::Binding& b : c.bindings) {
      const suite::InputClass* cls = s.find_input(b.input)->classify(b.value);
      RC_ASSERT(cls != nullptr);
      RC_ASSERT(cls->name == b.class_name);
    }
  }
  if (form == "strong_normal" || form == "strong_robust") {
    std::vector<std::string> ids = ids_of(cases);
    RC_ASSERT(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
  }
}

RC_GTEST_PROP(PartitionsProperties, ExpectationFollowsTheOneRule, ()) {
  std::string form = *rc::gen::element<std::string>("weak_robust", "strong_robust");
  suite::Suite s = random_partitioned_suite(form);
  for (const suite::Case& c : generate_ok(s)) {
    std::vector<const suite::Binding*> invalid;
    for (const suite::Binding& b : c.bindings)
      if (!b.valid) invalid.push_back(&b);
    std::string expected = "200";
    if (invalid.size() == 1) expected = std::to_string(450 + std::stoi(invalid.front()->class_name.substr(1)));
    if (invalid.size() > 1) expected = "400";
    RC_ASSERT(c.expect.status->to_string() == expected);
  }
}

RC_GTEST_PROP(PartitionsProperties, SameSeedGivesIdenticalCasesOtherSeedsTheSameIds,
              (std::uint64_t seed, std::uint64_t other)) {
  std::string form = *rc::gen::element<std::string>("weak_robust", "weak_normal", "strong_normal", "strong_robust");
  suite::Suite s = random_partitioned_suite(form);
  std::vector<suite::Case> first = generate_ok(s, seed), again = generate_ok(s, seed), moved = generate_ok(s, other);
  RC_ASSERT(first.size() == again.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    RC_ASSERT(first[i].id == again[i].id);
    RC_ASSERT(first[i].label == again[i].label);
    RC_ASSERT(first[i].inputs_as_json() == again[i].inputs_as_json());
  }
  RC_ASSERT(ids_of(first) == ids_of(moved));
  RC_ASSERT(labels_of(first) == labels_of(moved));
}

}  // namespace
}  // namespace glassbox::generators

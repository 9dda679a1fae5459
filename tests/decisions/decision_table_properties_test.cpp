// Property: a random complete, consistent table (made by splitting the space of
// combinations into disjoint boxes) passes the checks and gives one case per rule, each
// case's bindings inside its rule and its expectation the rule's.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

#include "generators/generator.hpp"
#include "suites/model/decision_table.hpp"

namespace glassbox::generators {
namespace {

// One enum input per condition, values v0..v{n-1}, each its own valid class.
suite::Input enum_input(std::string name, int values) {
  suite::Input input;
  input.name = std::move(name);
  input.type = suite::InputType::Enum;
  for (int v = 0; v < values; ++v) {
    std::string value = "v" + std::to_string(v);
    input.enum_values.push_back(value);
    suite::InputClass cls;
    cls.name = value;
    cls.values = {Value(value)};
    input.classes.push_back(std::move(cls));
  }
  return input;
}

using Box = std::vector<std::vector<std::size_t>>;  // per condition, the values a rule takes

// Splits `box` in two along a condition with two or more values, or keeps it as a rule.
void split(Box box, int depth, std::vector<Box>& out) {
  std::vector<std::size_t> splittable;
  for (std::size_t k = 0; k < box.size(); ++k)
    if (box[k].size() > 1) splittable.push_back(k);
  if (splittable.empty() || depth == 0 || *rc::gen::inRange(0, 3) == 0) {
    out.push_back(std::move(box));
    return;
  }
  std::size_t k = splittable[static_cast<std::size_t>(*rc::gen::inRange<int>(0, static_cast<int>(splittable.size())))];
  std::size_t cut = static_cast<std::size_t>(*rc::gen::inRange<int>(1, static_cast<int>(box[k].size())));
  Box low = box, high = box;
  low[k].assign(box[k].begin(), box[k].begin() + static_cast<std::ptrdiff_t>(cut));
  high[k].assign(box[k].begin() + static_cast<std::ptrdiff_t>(cut), box[k].end());
  split(std::move(low), depth - 1, out);
  split(std::move(high), depth - 1, out);
}

RC_GTEST_PROP(DecisionTableProperties, CompleteConsistentTableGivesOneCasePerRuleInsideItsRule, ()) {
  suite::Suite s;
  suite::Request request;
  request.name = "r";
  request.path = "/r";
  request.expect.status = suite::StatusSpec{{200}, {}};
  auto table = std::make_shared<suite::DecisionTable>();
  Box whole;
  int conditions = *rc::gen::inRange(1, 5);
  for (int c = 0; c < conditions; ++c) {
    int values = *rc::gen::inRange(1, 4);
    s.inputs.push_back(enum_input("c" + std::to_string(c), values));
    request.query.push_back({s.inputs.back().name, "{{" + s.inputs.back().name + "}}"});
    table->conditions.push_back(s.inputs.back().name);
    std::vector<std::size_t> all(static_cast<std::size_t>(values));
    for (std::size_t v = 0; v < all.size(); ++v) all[v] = v;
    whole.push_back(std::move(all));
  }
  std::vector<Box> boxes;
  split(whole, 6, boxes);
  std::vector<int> actions;
  for (std::size_t b = 0; b < boxes.size(); ++b) {
    suite::DecisionRule rule;
    rule.id = "R" + std::to_string(b + 1);
    for (std::size_t k = 0; k < boxes[b].size(); ++k) {
      suite::DecisionEntry entry;
      bool everything = boxes[b][k].size() == whole[k].size();
      if (!everything || *rc::gen::arbitrary<bool>()) {  // a full set may be written out or as "-"
        for (std::size_t v : boxes[b][k]) entry.classes.push_back("v" + std::to_string(v));
      }
      rule.when.push_back(std::move(entry));
    }
    actions.push_back(*rc::gen::inRange(0, 3));
    rule.expect.status = suite::StatusSpec{{200 + actions.back()}, {}};
    table->rules.push_back(std::move(rule));
  }
  suite::TechniqueUse use;
  use.technique = "decision_table";
  use.decision_table = table;
  request.techniques = {use};
  s.requests = {request};

  std::uint64_t seed = *rc::gen::arbitrary<std::uint64_t>();
  auto cases = find_generator("decision_table")->generate({s, s.requests[0], s.requests[0].techniques[0], seed});
  RC_ASSERT(cases.ok());
  RC_ASSERT(cases->size() == table->rules.size());
  for (std::size_t r = 0; r < cases->size(); ++r) {
    const suite::Case& c = (*cases)[r];
    const suite::DecisionRule& rule = table->rules[r];
    RC_ASSERT(c.covers == std::vector<std::string>{"rule:" + rule.id});
    RC_ASSERT(c.expect.status->codes == std::vector<int>{200 + actions[r]});
    for (std::size_t k = 0; k < table->conditions.size(); ++k) {
      const suite::Binding* b = c.find(table->conditions[k]);
      RC_ASSERT(b != nullptr);
      RC_ASSERT(b->value == Value(b->class_name));
      const auto& allowed = rule.when[k].classes;
      RC_ASSERT(allowed.empty() || std::find(allowed.begin(), allowed.end(), b->class_name) != allowed.end());
    }
  }
}

}  // namespace
}  // namespace glassbox::generators

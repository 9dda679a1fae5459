// A generated test case: one concrete request (or, later, a sequence) with the values
// of its inputs, what each value stands for, and the expectation the response must meet.
#pragma once

#include <string>
#include <vector>

#include "suites/model/expectation.hpp"
#include "suites/model/suite.hpp"
#include "suites/model/value.hpp"

namespace glassbox::suite {

// One input's value in a case and what it represents.
struct Binding {
  std::string input;
  Value value;
  std::string class_name;   // the equivalence class the value belongs to ("" if none)
  bool valid = true;
  std::string boundary;     // boundary label ("min", "min+", "max-", "max", "min-", "max+",
                            // "nominal", "first", "last", "outside"); "" if not a boundary case
  bool under_test = false;  // part of the group the technique varies (others sit at nominal)
};

struct Case {
  std::string id;           // stable: derived from request, technique, form and what the values stand for
  std::string request;      // request name
  std::string technique;    // "partitions", "boundaries", ...
  std::string form;         // "weak_normal", "robust", ...
  std::string label;        // human summary: "a=too_small, b=in_range" or "a=max+"
  std::vector<Binding> bindings;
  Expectation expect;
  std::string expected_outcome;  // "valid" or "invalid (a.too_small)" etc.
  // The technique's own items this case exercises, as "<kind>:<id>": "rule:R3" (decision
  // table), "transition:created-pay->paid", "class:a.too_small". Reports count them per
  // technique (rules hit, transitions hit). Kept short: a covering array's pairs are counted
  // by the generator, not listed per case.
  std::vector<std::string> covers;

  const Binding* find(std::string_view input) const;
  Value inputs_as_json() const;  // {"a": 3, ...}
};

// The rule that decides a generated case's expectation (DESIGN.md), in one place:
//   - no invalid binding:        request.expect, merged with the `expect` of every valid
//                                class the case uses (in binding order);
//   - exactly one invalid class: request.expect_invalid merged with that class's `expect`;
//   - several invalid classes:   request.expect_invalid.
// Also fills Case::expected_outcome.
void resolve_expectation(const Request& request, const Suite& suite, Case& c);

// A stable id: "<request>/<technique>/<form>/<what the bindings stand for>", with
// characters outside [A-Za-z0-9._=,+-] replaced so it is safe in file names and JUnit.
std::string make_case_id(const Case& c);

}  // namespace glassbox::suite

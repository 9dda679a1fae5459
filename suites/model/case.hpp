// A generated test case: one concrete request (or, later, a sequence) with the values
// of its inputs, what each value stands for, and the expectation the response must meet.
#pragma once

#include <cstdint>
#include <optional>
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

// A change to a case's request that no input value can express, so the request builder
// makes it on the rendered text (error guessing: NaN, a lone surrogate, a duplicate key, a
// missing field are not JSON values). It applies where the body template holds the
// input's placeholder as a whole string, however deeply nested:
//   RawValue      `raw_json` stands there instead of the value, verbatim (may be invalid
//                 JSON: `NaN`, `-0`, `"\ud800"`);
//   OmitField     the member (or array element) is left out;
//   DuplicateKey  the member is written twice: first with the binding's value, then with
//                 `raw_json` (`{"a":3,"a":null}`).
// Where the placeholder is part of a longer body string, the string gets the inner text of
// a quoted `raw_json`, else the binding's text. In the path, query and headers the input is
// text: `raw_text` if set (bytes that need not be UTF-8), else the binding's text; for
// OmitField a query parameter or header whose template is exactly the placeholder is left
// out, and elsewhere the text is empty.
struct RawBodyEdit {
  enum class Kind { RawValue, OmitField, DuplicateKey };
  Kind kind = Kind::RawValue;
  std::string input;
  std::string raw_json;
  std::optional<std::string> raw_text;
};

// One request of a multi-step case (state transitions): sent after the steps before it, with
// the values captured from their responses added to its bindings.
struct Step {
  std::string request;      // request name
  std::string label;        // "create", "pay: created -> paid", "ship in created (not allowed)"
  std::vector<Binding> bindings;
  Expectation expect;
};

// A property-based case (technique `property`): instead of one request with its bindings,
// the runner draws `runs` sets of values with RapidCheck, sends each, judges it against the
// case's expectation and shrinks a failure to the smallest failing input. Every draw and
// every shrink step is a live request, so the bounds stop the case (shrinking ends with the
// smallest failure found so far). The case's bindings are the nominal ones.
struct PropertySpec {
  struct Drawn {
    std::string input;
    std::vector<std::string> classes;  // the classes values are drawn from (one picked per draw)
  };
  std::vector<Drawn> inputs;   // the inputs under test; others keep their binding
  int runs = 100;              // draws that must pass
  int max_requests = 300;      // draws plus shrink steps
  int max_seconds = 30;        // for the whole case
  std::uint64_t seed = 0;      // RapidCheck's seed: from the run's seed and the case id
  std::uint64_t run_seed = 0;  // the run's --seed, which replays the same draws
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
  // Set by error guessing only: what the builder changes beyond the bindings' values.
  std::optional<RawBodyEdit> body_edit;
  // A multi-step case (state transitions): the steps in order; the first failing step ends the
  // case. Empty for a single-request case (`request`, `bindings` and `expect` are the request).
  std::vector<Step> steps;
  // Set by the property technique only: the runner draws the inputs (see PropertySpec).
  std::optional<PropertySpec> property;

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
// `id` with the characters make_case_id replaces replaced, for techniques that name their
// cases themselves (a state machine's sequence).
std::string safe_case_id(std::string id);

}  // namespace glassbox::suite

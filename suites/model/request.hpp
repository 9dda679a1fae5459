// A request template: how to build an HTTP request from a case's input values, what the
// response must satisfy, and which test-design techniques generate its cases.
//
// Templates: any string may hold `{{input}}` placeholders. A string that is exactly one
// placeholder takes the input's value with its JSON type (so `"{{a}}"` in a body puts the
// number 3, not the string "3"); otherwise values are spliced in as text. See template.hpp.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "suites/model/expectation.hpp"
#include "suites/model/expected.hpp"
#include "suites/model/value.hpp"

namespace glassbox::suite {

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct DecisionTable;     // decision_table.hpp
struct CauseEffectGraph;  // cause_effect.hpp

// Retries are for system errors only: connect failure, reset, timeout, and the listed
// HTTP statuses (typically 502/503/504). A 4xx is a business answer and never retried.
struct RetryPolicy {
  int retries = 0;                 // extra attempts after the first
  int backoff_ms = 100;            // first backoff; doubles each attempt
  std::vector<int> on_status;      // statuses that count as system errors
};

// One application of a technique to a group of inputs, e.g.
//   - {technique: partitions, form: weak_robust, inputs: [a, b, c]}
struct TechniqueUse {
  std::string technique;              // "partitions", "boundaries", ...
  std::string form;                   // technique-specific; empty = the technique's default
  std::vector<std::string> inputs;    // the group under test; empty = every input the request uses
  Value options = Value::object();    // technique-specific extra keys, as written
  // Set for `decision_table` and `cause_effect` uses: the table or graph as written.
  std::shared_ptr<const DecisionTable> decision_table;
  std::shared_ptr<const CauseEffectGraph> cause_effect;
  SourceLocation where;
};

struct Request {
  std::string name;
  std::string target;           // a target name; empty = the suite's default target
  std::string method = "GET";
  std::string path = "/";       // template
  Pairs query;                  // values are templates
  Pairs headers;                // values are templates (and may hold ${env:...} secrets)
  std::optional<Value> body;    // JSON template
  Expectation expect;           // for cases whose inputs are all valid
  Expectation expect_invalid;   // default for cases with invalid inputs
  std::vector<TechniqueUse> techniques;
  // Values taken from the JSON response for later steps of a multi-step case: name -> JSON
  // pointer (`order_id: /id`). Later requests use them as `{{order_id}}`.
  Pairs capture;
  std::optional<int> timeout_ms;
  std::optional<RetryPolicy> retry;
  SourceLocation where;

  // Names of the inputs the request's templates refer to, in first-use order.
  std::vector<std::string> referenced_inputs() const;
};

}  // namespace glassbox::suite

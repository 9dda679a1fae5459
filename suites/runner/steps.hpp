// Multi-step cases (state transitions): what the runner needs between the steps of one case.
// Each step is judged like a single-request case (case_judge.hpp) on a Case made for it, whose
// bindings hold the step's inputs and the values captured from earlier responses; the step
// results fold into the case's one result.
//
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <string>

#include "probes/http/http_client.hpp"
#include "reports/model/results.hpp"
#include "suites/model/case.hpp"
#include "suites/model/suite.hpp"

namespace glassbox::runner {

// Values captured so far in one case: name -> value, and why a capture failed.
struct Captured {
  std::map<std::string, Value> values;
  std::map<std::string, std::string> missing;   // name -> "step 1 (create) answered no /id"
};

// The number of requests a case sends: its steps, or one.
std::size_t step_count(const suite::Case& c);

// The Case that step `index` of `c` sends: its request, bindings (captured values added as
// bindings of the same name) and expectation; id, technique and form of `c`. For a
// single-request case and index 0, `c` itself.
suite::Case step_case(const suite::Case& c, std::size_t index, const Captured& captured);

// Takes the values `request` captures (`capture: {name: /pointer}`) from a JSON response.
void capture_values(const suite::Request& request, const std::string& step_label, const probes::HttpResponse& response,
                    Captured& captured);

// A step that could not be built: the message names a capture that failed when one did.
std::string unbuilt_step_message(const suite::Case& step, const Captured& captured, const std::string& error);

// Folds a judged step into the case's result: its StepResult appended, its attempts added, and
// its exchange, checks and trace id taking the place of the previous step's. A failed or
// errored step fails the case, its message prefixed with the step ("step 2 of 3 (pay: created
// -> paid): status: expected 200, got 409").
void fold_step(reports::CaseResult& total, const reports::CaseResult& step, std::size_t index, std::size_t count,
               const std::string& label);

// The steps after a failed one: listed as not sent.
void skip_remaining_steps(reports::CaseResult& total, const suite::Case& c, std::size_t from);

}  // namespace glassbox::runner

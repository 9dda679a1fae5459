// Runs a property case (suite::Case::property, technique `property`): RapidCheck draws the
// inputs under test `runs` times, each draw is sent as a live request and judged against the
// case's expectation, and a failing draw is shrunk to the smallest input that still fails.
//
// Every draw and every shrink step is one request, so the case is bounded: once
// `max_requests` requests have been sent or `max_seconds` have passed, every further
// candidate counts as passing without a request, and RapidCheck ends with the smallest
// failure found so far; the message then says "shrinking stopped by the bound (300
// requests)". The draws come from the case's seed (derived from the run's --seed and the
// case id), so the same --seed replays the same draws and the same shrinking.
//
// The result of a failed case is the judged result of the smallest failing request (its
// inputs, exchange and checks), its message prefixed with what the property found:
//   property failed on draw 3 of 100; smallest failing input side=201 (after 7 shrink steps;
//   replay with --seed 1): status: expected 2xx, got 400
// and a first check named "property" carrying the counts. A passing case is the result of
// its last request, with "100 of 100 draws passed (100 requests)" as its message.
//
// Thread-safety: one case on one thread; the probe is called sequentially.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "probes/http/http_client.hpp"
#include "reports/model/redact.hpp"
#include "reports/model/results.hpp"
#include "suites/model/case.hpp"
#include "suites/model/suite.hpp"

namespace glassbox::runner {

// One live request of a property case: sends `drawn` (the case with the drawn values in its
// bindings) and returns its judged result.
using PropertyProbe = std::function<reports::CaseResult(const suite::Case& drawn)>;

struct PropertyEnvironment {
  std::function<std::chrono::steady_clock::time_point()> now = [] { return std::chrono::steady_clock::now(); };
  std::function<bool()> interrupted = [] { return false; };
};

// Runs property case `c` of `suite` with `probe` sending each draw. A case without
// `property` is sent once, as it is.
reports::CaseResult run_property_case(const suite::Suite& suite, const suite::Case& c, const PropertyProbe& probe,
                                      const PropertyEnvironment& environment = {});

// The probe the runner uses: builds the request with `build`, sends it on `client` under
// `trace_id` (every request of the case shares it), waits for the answer and judges it. A
// request that cannot be built is an errored result carrying the reason. The values bound to
// `secret_inputs` (secret_input_names) are redacted from every result, as in other cases.
using BuildRequest = std::function<Expected<probes::HttpRequest>(const suite::Case&)>;
PropertyProbe http_property_probe(probes::HttpClient& client, BuildRequest build, std::string suite_name,
                                  std::string trace_id, const reports::Redactor& redactor,
                                  std::vector<std::string> secret_inputs = {});

}  // namespace glassbox::runner

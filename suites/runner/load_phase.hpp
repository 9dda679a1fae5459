// What the load phase of a run sends: the suite's load profile drives the load engine
// (probes/load/load_driver.hpp) with the valid cases of the profile's requests, the same
// requests, bodies and headers the functional cases send. The runner builds these before
// any traffic (a request with nothing to send is a suite error) and runs the phase after
// the functional cases, before the settle window, while the built-in demo is still up.
//
// Threading: pure functions of their arguments (and of `build`).
#pragma once

#include <functional>
#include <vector>

#include "probes/http/http_client.hpp"
#include "probes/load/load_driver.hpp"
#include "reports/model/service_levels.hpp"
#include "suites/model/case.hpp"
#include "suites/model/expected.hpp"
#include "suites/model/suite.hpp"

namespace glassbox::runner {

struct LoadPhase {
  const suite::Suite* suite = nullptr;
  const std::vector<suite::Case>* cases = nullptr;   // the suite's generated cases
  suite::LoadProfile profile;
  // The request a case sends, its target resolved (the runner's own builder).
  std::function<Expected<probes::HttpRequest>(const suite::Case&)> build;
};

// The names of the requests the phase sends: the profile's, or every request with a valid
// single-request case.
std::vector<std::string> load_request_names(const LoadPhase& phase);

// The load requests of a phase: per profile request (or every request that needs no captured
// value), its valid single-request cases, the request's weight shared among them. Errors name
// the request with nothing to send.
Expected<std::vector<probes::LoadRequest>> load_requests_of(const LoadPhase& phase);

}  // namespace glassbox::runner

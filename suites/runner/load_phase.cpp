#include "suites/runner/load_phase.hpp"

#include <fmt/format.h>

namespace glassbox::runner {

namespace {

// A case the load phase can send on its own: one request, values the suite declared valid.
bool sendable(const suite::Case& c) {
  return c.steps.empty() && !c.property && !c.body_edit && c.expected_outcome == "valid";
}

}  // namespace

namespace {
std::vector<std::pair<std::string, double>> wanted_requests(const LoadPhase& phase) {
  std::vector<std::pair<std::string, double>> wanted = phase.profile.requests;
  if (wanted.empty())
    for (const suite::Request& r : phase.suite->requests) {
      bool has_case = false;
      for (const suite::Case& c : *phase.cases) has_case = has_case || (c.request == r.name && sendable(c));
      if (has_case) wanted.emplace_back(r.name, 1.0);
    }
  return wanted;
}
}  // namespace

std::vector<std::string> load_request_names(const LoadPhase& phase) {
  std::vector<std::string> names;
  for (const auto& w : wanted_requests(phase)) names.push_back(w.first);
  return names;
}

Expected<std::vector<probes::LoadRequest>> load_requests_of(const LoadPhase& phase) {
  const std::vector<std::pair<std::string, double>> wanted = wanted_requests(phase);
  if (wanted.empty())
    return Error(fmt::format("suite '{}': the load profile has no request to send: no request has a valid "
                             "single-request case (list them under load.requests)",
                             phase.suite->name),
                 phase.profile.where);

  std::vector<probes::LoadRequest> out;
  for (const auto& [name, weight] : wanted) {
    std::vector<const suite::Case*> cases;
    for (const suite::Case& c : *phase.cases)
      if (c.request == name && sendable(c)) cases.push_back(&c);
    if (cases.empty())
      return Error(fmt::format("load: request '{}' has no valid case to send (the load phase sends the valid "
                               "cases its techniques generate; give it a technique such as partitions)",
                               name),
                   phase.profile.where);
    for (const suite::Case* c : cases) {
      auto built = phase.build(*c);
      if (!built) return Error(fmt::format("load: case '{}': {}", c->id, built.error().message), phase.profile.where);
      probes::LoadRequest request;
      request.key = phase.suite->name + "/" + name;
      request.request = std::move(built.value());
      if (phase.profile.timeout_ms) request.request.timeout = std::chrono::milliseconds(*phase.profile.timeout_ms);
      request.weight = weight / static_cast<double>(cases.size());
      out.push_back(std::move(request));
    }
  }
  return out;
}

}  // namespace glassbox::runner

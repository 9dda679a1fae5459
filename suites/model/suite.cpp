#include "suites/model/suite.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace glassbox::suite {

namespace {
template <typename T>
const T* find_named(const std::vector<T>& items, std::string_view name) {
  for (const T& item : items)
    if (item.name == name) return &item;
  return nullptr;
}
}  // namespace

const Input* Suite::find_input(std::string_view n) const { return find_named(inputs, n); }
const Request* Suite::find_request(std::string_view n) const { return find_named(requests, n); }
const Target* Suite::find_target(std::string_view n) const { return find_named(targets, n); }
const Environment* Suite::find_environment(std::string_view n) const { return find_named(environments, n); }
const StateMachine* Suite::find_state_machine(std::string_view n) const { return find_named(state_machines, n); }

Expected<std::vector<Target>> resolve_targets(const Suite& suite, std::string_view environment) {
  std::vector<Target> targets = suite.targets;
  if (environment.empty()) return targets;
  const Environment* env = suite.find_environment(environment);
  if (!env) {
    std::string known;
    for (const Environment& e : suite.environments) known += (known.empty() ? "" : ", ") + e.name;
    return Error{fmt::format("suite '{}' has no environment '{}' ({})", suite.name, environment,
                             known.empty() ? "it defines none" : "it defines: " + known)};
  }
  for (Target& t : targets) {
    for (const Target& overlay : env->targets) {
      if (overlay.name != t.name) continue;
      if (!overlay.url.empty()) t.url = overlay.url;
      for (const auto& h : overlay.headers) t.headers.push_back(h);
      if (overlay.timeout_ms) t.timeout_ms = overlay.timeout_ms;
      if (overlay.insecure) t.insecure = true;
    }
    for (const auto& h : env->headers) t.headers.push_back(h);
  }
  return targets;
}

Expected<EnvironmentPlan> plan_for(const Suite& suite, std::string_view environment) {
  EnvironmentPlan plan;
  plan.slos = suite.slos;
  plan.load = suite.load;
  plan.error_budget = suite.error_budget;
  if (suite.compare) plan.compare = *suite.compare;
  if (environment.empty()) return plan;
  auto targets = resolve_targets(suite, environment);   // the unknown-environment message
  if (!targets) return targets.error();
  const Environment& env = *suite.find_environment(environment);
  for (const Slo& slo : env.slos) {
    auto same = std::find_if(plan.slos.begin(), plan.slos.end(), [&](const Slo& s) { return s.name == slo.name; });
    if (same != plan.slos.end())
      *same = slo;
    else
      plan.slos.push_back(slo);
  }
  if (env.load) plan.load = env.load;
  if (env.error_budget) plan.error_budget = env.error_budget;
  if (env.compare) plan.compare = *env.compare;
  plan.cases = env.cases;
  return plan;
}

}  // namespace glassbox::suite

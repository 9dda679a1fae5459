// The suite model: everything a suite file says, after loading, interpolation and
// validation. Plain data; no I/O. See docs/suite-format.md for the file format.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "suites/model/coverage.hpp"
#include "suites/model/expected.hpp"
#include "suites/model/input.hpp"
#include "suites/model/load_profile.hpp"
#include "suites/model/log_source.hpp"
#include "suites/model/request.hpp"
#include "suites/model/slo.hpp"
#include "suites/model/state_machine.hpp"

namespace glassbox::suite {

inline constexpr std::string_view kBuiltinDemo = "builtin:demo";
// "builtin:demo", or "builtin:demo?latency_ms=300&latency_ratio=0.02&error_ratio=0.01": the
// demo started with injected faults (the runner checks the keys).
inline bool is_builtin_demo_url(std::string_view url) {
  return url == kBuiltinDemo || (url.starts_with(kBuiltinDemo) && url.size() > kBuiltinDemo.size() &&
                                 url[kBuiltinDemo.size()] == '?');
}

struct Target {
  std::string name;
  std::string url;               // "http(s)://host[:port][/base]" or "builtin:demo"
  Pairs headers;                 // sent with every request to this target
  std::optional<int> timeout_ms;
  bool insecure = false;         // skip TLS certificate verification
  SourceLocation where;

  bool is_builtin_demo() const { return is_builtin_demo_url(url); }
  // The fault query of a builtin demo URL ("" for none).
  std::string_view demo_faults() const {
    return is_builtin_demo() && url.size() > kBuiltinDemo.size() ? std::string_view(url).substr(kBuiltinDemo.size() + 1)
                                                                  : std::string_view();
  }
};

// A named overlay: `alpha` (developers' environment) and `beta` (users' environment)
// are the conventional ones. Targets named here replace the suite's targets of the same
// name field by field; headers are added to every request. SLOs named here replace the
// suite's SLOs of the same name and add the others; a load profile, error budget or
// comparison thresholds set here replace the suite's.
struct Environment {
  std::string name;
  std::vector<Target> targets;   // overlays; unset fields keep the base target's
  Pairs headers;
  std::vector<Slo> slos;
  std::optional<LoadProfile> load;
  std::optional<ErrorBudgetSpec> error_budget;
  std::optional<CompareThresholds> compare;
  // Which functional cases run in this environment: a glob over case ids ("" = all, as the
  // suite says); "none" runs no functional case (a pure load run).
  std::string cases;
  SourceLocation where;
};

struct Defaults {
  std::string target;            // default target name (empty: the only/first target)
  int timeout_ms = 10000;
  int concurrency = 8;
  RetryPolicy retry;
};

struct Suite {
  std::string name;
  std::string description;
  std::string file;              // the path it was loaded from
  Defaults defaults;
  std::vector<Target> targets;
  std::vector<Environment> environments;
  std::vector<Input> inputs;
  std::vector<Request> requests;
  CoverageModel coverage;        // white-box coverage to measure from spans (empty: none)
  std::vector<StateMachine> state_machines;
  std::vector<Slo> slos;                    // in every environment (environments add/replace)
  std::optional<LoadProfile> load;          // the load phase; none = no load phase
  std::optional<ErrorBudgetSpec> error_budget;
  std::optional<CompareThresholds> compare; // unset = the defaults when comparing
  std::vector<LogSource> logs;
  // Values that came from ${env:...}: every report writer redacts them.
  std::vector<std::string> secrets;
  // Headers whose values every report redacts (`secret_headers` on targets and in
  // defaults), lowercase, besides Authorization, Proxy-Authorization, Cookie, Set-Cookie.
  std::vector<std::string> secret_headers;

  const Input* find_input(std::string_view name) const;
  const Request* find_request(std::string_view name) const;
  const Target* find_target(std::string_view name) const;
  const Environment* find_environment(std::string_view name) const;
  const StateMachine* find_state_machine(std::string_view name) const;
};

// The targets in effect for an environment (empty name: no overlay). An unknown
// environment is an error naming the ones that exist.
Expected<std::vector<Target>> resolve_targets(const Suite& suite, std::string_view environment);

// What an environment runs and judges (empty name: the suite as written).
struct EnvironmentPlan {
  std::vector<Slo> slos;
  std::optional<LoadProfile> load;
  std::optional<ErrorBudgetSpec> error_budget;
  CompareThresholds compare;
  std::string cases;             // "" = all, "none", or a glob
};
Expected<EnvironmentPlan> plan_for(const Suite& suite, std::string_view environment);

}  // namespace glassbox::suite

// The loader's parts, one per section of a suite file, in the order loader.cpp runs them:
// targets, defaults, inputs (their classes and expectations), requests, state machines,
// coverage, slos, load, error_budget, compare, logs, and last environments (their SLOs, load
// profiles and budgets name requests and targets, and overlay the suite's).
// Each reads its section and validates it against what earlier parts declared (held in
// the Context). Internal to the loader.
//
// Thread-safety: one Context per load, used by one thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "suites/loader/context.hpp"
#include "suites/loader/yaml_reader.hpp"
#include "suites/model/suite.hpp"

namespace glassbox::loader::detail {

// --- targets and environments (load_targets.cpp) ---
// Needs nothing declared; fills ctx.secret_headers only (loader.cpp records the names).
Expected<std::vector<suite::Target>> load_targets(Context& ctx, const Entry& targets);
// `secret_headers: [X-Api-Key, ...]` (on a target or in defaults): adds the names, lowercase,
// to ctx.secret_headers. Errors: not a list, a name that is not a header name.
Status load_secret_headers(Context& ctx, const Entry& entry);
// Needs ctx.target_names and the suite's requests (an environment's SLOs and load name them).
Expected<std::vector<suite::Environment>> load_environments(Context& ctx, const Entry& environments,
                                                            const suite::Suite& suite);

// --- defaults (load_defaults.cpp) ---
struct LoadedDefaults {
  suite::Defaults defaults;
  // What requests without `techniques` use; empty when the suite sets none (then each
  // such request gets [{technique: partitions}] at its own location).
  std::vector<suite::TechniqueUse> techniques;
};
// `defaults` may be null (the section is absent). Needs ctx.target_names.
Expected<LoadedDefaults> load_defaults(Context& ctx, const Entry* defaults);

// --- inputs (load_inputs.cpp, load_classes.cpp, implicit_classes.cpp) ---
// Needs ctx.input_names (class expectations may refer to any input).
Expected<std::vector<suite::Input>> load_inputs(Context& ctx, const Entry& inputs);
// The `partitions` of `input`, whose type and bounds are already read.
Status load_classes(Context& ctx, const Entry& partitions, suite::Input& input);
// The classes of an input declared without `partitions` (see docs/suite-format.md).
std::vector<suite::InputClass> implicit_classes(const suite::Input& input);

// --- expectations (load_expectation.cpp, load_checks.cpp, load_span_expectations.cpp) ---
// `place` ends unknown-key messages: "in 'expect' of request 'classify'".
Expected<suite::Expectation> load_expectation(Context& ctx, const Entry& entry, std::string_view place);
Expected<suite::StatusSpec> load_status(Context& ctx, const Entry& entry);
Expected<std::vector<suite::HeaderCheck>> load_header_checks(Context& ctx, const Entry& entry);
Expected<std::vector<suite::JsonCheck>> load_json_checks(Context& ctx, const Entry& entry);
Expected<std::vector<suite::AttributeCheck>> load_attribute_checks(Context& ctx, const Entry& entry);
// `spans` of an expectation: trace assertions (load_span_expectations.cpp).
Expected<std::vector<suite::SpanExpectation>> load_span_expectations(Context& ctx, const Entry& entry);

// --- requests (load_requests.cpp, load_techniques.cpp, load_pairs.cpp) ---
Expected<std::vector<suite::Request>> load_requests(Context& ctx, const Entry& requests,
                                                    const LoadedDefaults& defaults);
// Fields the entry leaves out keep `base`'s.
Expected<suite::RetryPolicy> load_retry(Context& ctx, const Entry& entry, const suite::RetryPolicy& base);

enum class TechniqueScope { Defaults, Request };
// `owner` names where the list is for messages: "request 'classify'" or "defaults".
// `request_inputs`: the inputs the request's path, query, headers and body use; a use may
// only list those (ignored for TechniqueScope::Defaults, where `inputs` is not allowed).
Expected<std::vector<suite::TechniqueUse>> load_techniques(Context& ctx, const Entry& entry, TechniqueScope scope,
                                                           std::string_view owner,
                                                           const std::vector<std::string>& request_inputs);

enum class PairKind { Headers, Query };
// A map of names to scalar values, in file order. Headers: names must be HTTP tokens and
// values may not hold line breaks. Query: a list value repeats the parameter.
Expected<suite::Pairs> load_pairs(Context& ctx, const Entry& entry, PairKind kind, Templates templates);

// --- state machines (load_state_machines.cpp) ---
// Needs the suite's requests and inputs loaded (events name requests, guards name inputs).
Expected<std::vector<suite::StateMachine>> load_state_machines(Context& ctx, const Entry& machines,
                                                               const suite::Suite& suite);

// --- coverage (load_coverage.cpp) ---
// Needs nothing declared: services and span names belong to the system under test.
Expected<suite::CoverageModel> load_coverage(Context& ctx, const Entry& coverage);

// --- SLOs (load_slos.cpp, load_openslo.cpp) ---
// Need the suite's targets and requests loaded (probe scopes name them). `owner` names the
// list in messages: "'slos'" or "'slos' of environment 'beta'".
Expected<std::vector<suite::Slo>> load_slos(Context& ctx, const Entry& slos, const suite::Suite& suite,
                                            std::string_view owner);
// One `{openslo: path, query: URL, unit: s|ms}` item of `slos`: the SLOs of the OpenSLO v1
// documents in that file (relative to the suite file's folder).
Expected<std::vector<suite::Slo>> load_openslo(Context& ctx, const Entry& item);

// The value under `key` of a map, or an undefined node when `node` is not a map or lacks the
// key. (yaml-cpp's operator[] gives a node that throws on use when the key is missing.)
YAML::Node child(const YAML::Node& node, const std::string& key);

// `target` and `request` of a probe scope (an SLO's or the error budget's): declared names,
// and a request that goes to the named target. `owner` ends messages: "SLO 'fast'".
struct ProbeScope {
  std::string target;
  std::string request;
};
Expected<ProbeScope> load_probe_scope(Context& ctx, const Fields& fields, const suite::Suite& suite,
                                      std::string_view owner);

// --- load, error budget, comparison (load_load_profile.cpp, load_error_budget.cpp) ---
// Needs the suite's requests loaded and ctx.capture_names.
Expected<suite::LoadProfile> load_load_profile(Context& ctx, const Entry& load, const suite::Suite& suite);
Expected<suite::ErrorBudgetSpec> load_error_budget(Context& ctx, const Entry& budget, const suite::Suite& suite);
Expected<suite::CompareThresholds> load_compare(Context& ctx, const Entry& compare);

// --- structured logs (load_logs.cpp) ---
// File paths are made absolute against the suite file's folder.
Expected<std::vector<suite::LogSource>> load_logs(Context& ctx, const Entry& logs);

}  // namespace glassbox::loader::detail

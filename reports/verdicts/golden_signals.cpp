#include "reports/verdicts/golden_signals.hpp"

#include <algorithm>
#include <set>

#include "reports/verdicts/sli_measure.hpp"

namespace glassbox::reports {

namespace {

constexpr const char* kAllTargets = "all targets";

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

std::vector<std::string> suite_names(const RunResults& results) {
  std::vector<std::string> names = results.suites;
  for (const CaseResult& c : results.cases) add_unique(names, c.suite);
  for (const LoadResult& load : results.load) add_unique(names, load.suite);
  return names;
}

// Targets of a load phase's requests, in key order; "" for requests tied to none.
std::vector<std::string> load_targets(const RunResults& results, const LoadResult& load) {
  std::set<std::string> keys;
  for (const auto& [key, n] : load.requests_by_request) keys.insert(key);
  for (const auto& [key, h] : load.latency_by_request) keys.insert(key);
  std::vector<std::string> targets;
  for (const std::string& key : keys) add_unique(targets, load_request_target(results, key));
  return targets;
}

std::vector<std::string> case_targets(const RunResults& results, const std::string& suite) {
  std::vector<std::string> targets;
  // A case with neither a target nor a URL sent nothing, so it has no signals to add.
  for (const CaseResult& c : results.cases)
    if (c.suite == suite && !case_target(c).empty()) add_unique(targets, case_target(c));
  return targets;
}

GoldenSignals signals_of(const SliMeasure& m, const std::string& name) {
  GoldenSignals g;
  g.target = name;
  g.source = m.source == "probe (load)" ? "load" : "cases";
  g.requests = m.requests;
  g.p50_ms = m.latency_ms(0.5);
  g.p95_ms = m.latency_ms(0.95);
  g.p99_ms = m.latency_ms(0.99);
  g.max_ms = m.latency_ms(1.0);
  g.error_rate = m.error_rate();
  g.throughput = m.throughput().value_or(0);
  return g;
}

}  // namespace

std::vector<GoldenSignals> golden_signals(const RunResults& results) {
  std::vector<GoldenSignals> out;
  const std::vector<std::string> suites = suite_names(results);
  const bool qualify = suites.size() > 1;
  for (const std::string& suite : suites) {
    const auto label = [&](const std::string& target) {
      const std::string& name = target.empty() ? kAllTargets : target;
      return qualify ? suite + "/" + name : name;
    };
    std::vector<std::pair<std::string, SliMeasure>> measures;
    if (const LoadResult* load = find_load(results, suite)) {
      const std::vector<std::string> targets = load_targets(results, *load);
      // Requests tied to no target make a per-target split incomplete: report the whole phase.
      const bool split = targets.size() > 1 && std::find(targets.begin(), targets.end(), "") == targets.end();
      if (!split) {
        const std::string only = targets.size() == 1 ? targets.front() : "";
        measures.emplace_back(only, measure_probe(results, suite, "", ""));
      } else {
        for (const std::string& target : targets)
          measures.emplace_back(target, measure_probe(results, suite, target, ""));
      }
    } else {
      for (const std::string& target : case_targets(results, suite))
        measures.emplace_back(target, measure_probe(results, suite, target, ""));
    }
    for (const auto& [target, m] : measures)
      if (m.requests > 0) out.push_back(signals_of(m, label(target)));
  }
  return out;
}

}  // namespace glassbox::reports

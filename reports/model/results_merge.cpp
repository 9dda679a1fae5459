// Merging shard results (`glassbox report a.json b.json`). Each shard ran the same suites
// with the same seed and environment over a disjoint slice of the cases, so a merge is
// mostly concatenation; histograms add bucket counts, which is why latency is kept as
// histograms rather than percentiles.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "reports/model/results_json.hpp"

namespace glassbox::reports {

namespace {

std::string describe(const std::vector<std::string>& suites) {
  return suites.empty() ? "no suites" : fmt::format("suites {}", fmt::join(suites, ", "));
}

Status check_same_run(const RunResults& first, const RunResults& part, std::size_t index) {
  const auto refuse = [&](const std::string& what_first, const std::string& what_part) -> Status {
    return Error{fmt::format("cannot merge results of different runs: part {} has {}, part 1 has {}", index + 1,
                             what_part, what_first),
                 {}};
  };
  if (part.suites != first.suites) return refuse(describe(first.suites), describe(part.suites));
  if (part.seed != first.seed)
    return refuse(fmt::format("seed {}", first.seed), fmt::format("seed {}", part.seed));
  if (part.environment != first.environment) {
    const auto env = [](const std::string& e) { return e.empty() ? std::string("no environment") : "environment " + e; };
    return refuse(env(first.environment), env(part.environment));
  }
  return ok_status();
}

// Histograms merge only with the same geometry; files written by glassbox always agree,
// hand-made ones might not.
Status check_same_geometry(const RunResults& first, const RunResults& part, std::size_t index) {
  const int bits = first.latency.sub_bucket_bits();
  const auto differs = [&](const Histogram& h) { return h.sub_bucket_bits() != bits; };
  bool any = differs(part.latency);
  for (const auto& [key, h] : part.latency_by_request) any = any || differs(h);
  for (const auto& [key, h] : first.latency_by_request) any = any || differs(h);
  if (!any) return ok_status();
  return Error{fmt::format("cannot merge results: part {} has latency histograms with sub_bucket_bits other than {}",
                           index + 1, bits),
               {}};
}

// The shard label of the merged run: "" when the parts cover every shard of one split
// (the merge is the whole run), else the shards present, in order ("1/4,3/4").
std::string merged_shard(const std::vector<RunResults>& parts) {
  std::set<std::pair<int, int>> shards;  // (N, I), so one split's shards sort together
  bool parseable = true;
  for (const RunResults& p : parts) {
    if (p.shard.empty()) return "";  // an unsharded part is the whole run already
    int i = 0, n = 0;
    char slash = 0;
    if (std::sscanf(p.shard.c_str(), "%d%c%d", &i, &slash, &n) != 3 || slash != '/' || i < 1 || n < i)
      parseable = false;
    shards.emplace(n, i);
  }
  if (parseable && shards.begin()->first == shards.rbegin()->first &&
      static_cast<int>(shards.size()) == shards.begin()->first)
    return "";
  std::vector<std::string> labels;
  std::set<std::string> seen;
  for (const RunResults& p : parts)
    if (seen.insert(p.shard).second) labels.push_back(p.shard);
  return fmt::format("{}", fmt::join(labels, ","));
}

std::string merged_hostname(const std::vector<RunResults>& parts) {
  std::vector<std::string> names;
  for (const RunResults& p : parts)
    if (!p.hostname.empty() && std::find(names.begin(), names.end(), p.hostname) == names.end())
      names.push_back(p.hostname);
  return fmt::format("{}", fmt::join(names, ","));
}

// Items of the same (suite, service, kind, item) merge their covering cases (first part's
// order first); totals are recounted from the merged declared items, keeping each total's goal.
void merge_coverage(const std::vector<RunResults>& parts, RunResults& out) {
  using Key = std::tuple<std::string, std::string, std::string, std::string>;
  std::map<Key, std::size_t> index;
  for (const RunResults& p : parts)
    for (const CoverageItem& item : p.coverage) {
      auto [it, inserted] = index.emplace(Key{item.suite, item.service, item.kind, item.item}, out.coverage.size());
      if (inserted) {
        out.coverage.push_back(item);
        continue;
      }
      CoverageItem& merged = out.coverage[it->second];
      merged.declared = merged.declared || item.declared;
      for (const std::string& id : item.cases)
        if (std::find(merged.cases.begin(), merged.cases.end(), id) == merged.cases.end()) merged.cases.push_back(id);
    }
  using TotalKey = std::tuple<std::string, std::string, std::string>;
  std::map<TotalKey, std::size_t> totals;
  for (const RunResults& p : parts)
    for (const CoverageTotal& t : p.coverage_totals)
      if (totals.emplace(TotalKey{t.suite, t.service, t.kind}, out.coverage_totals.size()).second) {
        out.coverage_totals.push_back(t);
        out.coverage_totals.back().covered = 0;
        out.coverage_totals.back().declared = 0;
      }
  for (const CoverageItem& item : out.coverage) {
    if (!item.declared) continue;
    const auto it = totals.find(TotalKey{item.suite, item.service, item.kind});
    if (it == totals.end()) continue;
    CoverageTotal& t = out.coverage_totals[it->second];
    ++t.declared;
    if (!item.cases.empty()) ++t.covered;
  }
}

bool uniform_geometry(const LoadResult& l, int bits) {
  const auto same = [bits](const Histogram& h) { return h.sub_bucket_bits() == bits; };
  bool all = same(l.latency) && same(l.service_time);
  for (const auto& [key, h] : l.latency_by_request) all = all && same(h);
  for (const LoadInterval& i : l.timeline) all = all && same(i.latency);
  return all;
}

// Intervals with the same start add up (each shard sent its share in that second); the
// result stays ordered by start.
void merge_timeline(std::vector<LoadInterval>& into, const std::vector<LoadInterval>& from) {
  for (const LoadInterval& i : from) {
    auto same = std::find_if(into.begin(), into.end(), [&](const LoadInterval& m) { return m.start_s == i.start_s; });
    if (same == into.end()) {
      into.push_back(i);
      continue;
    }
    same->requests += i.requests;
    same->errors += i.errors;
    same->latency.merge(i.latency);
  }
  std::stable_sort(into.begin(), into.end(),
                   [](const LoadInterval& a, const LoadInterval& b) { return a.start_s < b.start_s; });
}

void merge_load_into(LoadResult& m, const LoadResult& l) {
  // Shards drive their load side by side: intended rates and counts add, the measured part
  // lasts as long as the longest shard's.
  m.planned_rate += l.planned_rate;
  m.duration_s = std::max(m.duration_s, l.duration_s);
  m.sent += l.sent;
  m.completed += l.completed;
  m.errors += l.errors;
  m.transport_errors += l.transport_errors;
  m.late += l.late;
  for (const auto& [status, n] : l.statuses) m.statuses[status] += n;
  for (const auto& [kind, n] : l.error_kinds) m.error_kinds[kind] += n;
  m.latency.merge(l.latency);
  m.service_time.merge(l.service_time);
  for (const auto& [key, h] : l.latency_by_request) {
    auto [it, inserted] = m.latency_by_request.try_emplace(key, h.sub_bucket_bits());
    it->second.merge(h);
  }
  for (const auto& [key, n] : l.requests_by_request) m.requests_by_request[key] += n;
  for (const auto& [key, n] : l.errors_by_request) m.errors_by_request[key] += n;
  merge_timeline(m.timeline, l.timeline);
  m.interrupted = m.interrupted || l.interrupted;
}

// Load results of the same suite merge; the verdicts (SLOs, budgets, logs) and golden
// signals of each part are kept side by side as they were judged, since a verdict cannot
// be re-derived from another shard's verdict; the first comparison is kept.
Status merge_service_levels(const std::vector<RunResults>& parts, RunResults& out) {
  std::map<std::string, std::size_t> by_suite;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    for (const LoadResult& l : parts[p].load) {
      const auto [it, inserted] = by_suite.emplace(l.suite, out.load.size());
      const int bits = inserted ? l.latency.sub_bucket_bits() : out.load[it->second].latency.sub_bucket_bits();
      if (!uniform_geometry(l, bits))
        return Error{fmt::format("cannot merge results: part {} has load histograms of suite '{}' with "
                                 "sub_bucket_bits other than {}",
                                 p + 1, l.suite, bits),
                     {}};
      if (inserted)
        out.load.push_back(l);
      else
        merge_load_into(out.load[it->second], l);
    }
    const RunResults& part = parts[p];
    out.golden_signals.insert(out.golden_signals.end(), part.golden_signals.begin(), part.golden_signals.end());
    out.slos.insert(out.slos.end(), part.slos.begin(), part.slos.end());
    out.error_budgets.insert(out.error_budgets.end(), part.error_budgets.begin(), part.error_budgets.end());
    out.logs.insert(out.logs.end(), part.logs.begin(), part.logs.end());
    if (!out.comparison && part.comparison) out.comparison = part.comparison;
  }
  return ok_status();
}

}  // namespace

Expected<RunResults> merge_results(const std::vector<RunResults>& parts) {
  if (parts.empty()) return Error{"cannot merge results: no results given", {}};
  const RunResults& first = parts.front();
  for (std::size_t i = 1; i < parts.size(); ++i)
    if (Status same = check_same_run(first, parts[i], i); !same) return same.error();
  for (std::size_t i = 0; i < parts.size(); ++i)
    if (Status same = check_same_geometry(first, parts[i], i); !same) return same.error();

  RunResults out;
  out.latency = Histogram(first.latency.sub_bucket_bits());
  out.tool_version = first.tool_version;
  out.suites = first.suites;
  out.suite_files = first.suite_files;
  out.environment = first.environment;
  out.seed = first.seed;
  out.shard = merged_shard(parts);
  out.hostname = merged_hostname(parts);
  out.started_at = first.started_at;
  std::set<std::string> ids;
  for (const RunResults& p : parts) {
    // RFC 3339 UTC timestamps of one format order as strings do.
    if (!p.started_at.empty() && (out.started_at.empty() || p.started_at < out.started_at))
      out.started_at = p.started_at;
    out.duration_ms = std::max(out.duration_ms, p.duration_ms);
    out.interrupted = out.interrupted || p.interrupted;
    for (const CaseResult& c : p.cases)
      if (ids.insert(c.id).second) out.cases.push_back(c);
    out.latency.merge(p.latency);
    for (const auto& [key, h] : p.latency_by_request) {
      auto [it, inserted] = out.latency_by_request.try_emplace(key, h.sub_bucket_bits());
      it->second.merge(h);
    }
    // Each shard heard only its own cases' spans, so the counts add up.
    const Telemetry& t = p.telemetry;
    Telemetry& m = out.telemetry;
    m.collected = m.collected || t.collected;
    if (m.source.empty()) m.source = t.source;
    m.received += t.received;
    m.matched += t.matched;
    m.unmatched += t.unmatched;
    m.duplicates += t.duplicates;
    m.orphans += t.orphans;
    for (const auto& [service, n] : t.unmatched_by_service) m.unmatched_by_service[service] += n;
  }
  merge_coverage(parts, out);
  if (Status merged = merge_service_levels(parts, out); !merged) return merged.error();
  return out;
}

}  // namespace glassbox::reports

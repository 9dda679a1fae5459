#include "reports/verdicts/correlation.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace glassbox::reports {

std::size_t CaseTrace::orphans() const {
  return static_cast<std::size_t>(std::count(place.begin(), place.end(), SpanPlace::Orphan));
}

std::vector<std::size_t> CaseTrace::tops() const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < spans.size(); ++i)
    if (parent[i] < 0) out.push_back(i);
  return out;
}

std::vector<int> CaseTrace::depths() const {
  std::vector<int> depth(spans.size(), 0);
  // Parents come before children only by time, which clocks do not guarantee; walk the tree.
  std::function<void(std::size_t, int)> walk = [&](std::size_t i, int d) {
    depth[i] = d;
    for (std::size_t c : children[i]) walk(c, d + 1);
  };
  for (std::size_t top : tops()) walk(top, 0);
  return depth;
}

namespace {

CaseTrace build_tree(std::string trace_id, std::vector<Span> spans, const std::set<std::string>& probe_span_ids) {
  CaseTrace t;
  t.trace_id = std::move(trace_id);
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return std::tie(a.start_unix_nano, a.name, a.span_id) < std::tie(b.start_unix_nano, b.name, b.span_id);
  });
  t.spans = std::move(spans);
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < t.spans.size(); ++i) index.emplace(t.spans[i].span_id, i);
  t.parent.assign(t.spans.size(), -1);
  t.place.assign(t.spans.size(), SpanPlace::Root);
  t.children.assign(t.spans.size(), {});
  for (std::size_t i = 0; i < t.spans.size(); ++i) {
    const std::string& p = t.spans[i].parent_span_id;
    if (p.empty()) continue;
    if (auto it = index.find(p); it != index.end() && it->second != i) {
      t.parent[i] = static_cast<int>(it->second);
      t.place[i] = SpanPlace::Child;
      t.children[it->second].push_back(i);
    } else {
      t.place[i] = probe_span_ids.count(p) ? SpanPlace::ProbeChild : SpanPlace::Orphan;
    }
  }
  // A cycle (a span that is its own ancestor) would make it unreachable from any top;
  // cut it there so every span is shown once.
  std::vector<int> state(t.spans.size(), 0);   // 0 unvisited, 1 on the current path, 2 done
  for (std::size_t i = 0; i < t.spans.size(); ++i) {
    std::vector<std::size_t> path;
    std::size_t cur = i;
    while (state[cur] != 2) {
      if (state[cur] == 1) {  // reached again on the same walk: a cycle; cut it here
        auto& siblings = t.children[static_cast<std::size_t>(t.parent[cur])];
        siblings.erase(std::remove(siblings.begin(), siblings.end(), cur), siblings.end());
        t.parent[cur] = -1;
        t.place[cur] = SpanPlace::Orphan;
        break;
      }
      state[cur] = 1;
      path.push_back(cur);
      if (t.parent[cur] < 0) break;
      cur = static_cast<std::size_t>(t.parent[cur]);
    }
    for (std::size_t p : path) state[p] = 2;
  }
  return t;
}

}  // namespace

Correlation correlate(std::vector<Span> spans, const std::set<std::string>& case_trace_ids,
                      const std::set<std::string>& probe_span_ids) {
  Correlation c;
  c.received = spans.size();
  std::set<std::pair<std::string, std::string>> seen;
  std::map<std::string, std::vector<Span>> grouped;
  for (Span& s : spans) {
    if (!seen.emplace(s.trace_id, s.span_id).second) {
      ++c.duplicates;
      continue;
    }
    if (case_trace_ids.count(s.trace_id)) {
      ++c.matched;
      grouped[s.trace_id].push_back(std::move(s));
    } else {
      ++c.unmatched;
      ++c.unmatched_by_service[s.service.empty() ? "(unknown service)" : s.service];
    }
  }
  for (auto& [trace_id, group] : grouped)
    c.traces.emplace(trace_id, build_tree(trace_id, std::move(group), probe_span_ids));
  return c;
}

}  // namespace glassbox::reports

namespace glassbox::reports {

namespace {
std::string_view place_name(SpanPlace p) {
  switch (p) {
    case SpanPlace::Root: return "root";
    case SpanPlace::ProbeChild: return "probe_child";
    case SpanPlace::Child: return "child";
    case SpanPlace::Orphan: return "orphan";
  }
  return "root";
}
}  // namespace

std::vector<TraceSpan> waterfall_rows(const CaseTrace& trace) {
  std::vector<TraceSpan> rows;
  if (trace.spans.empty()) return rows;
  std::uint64_t origin = trace.spans.front().start_unix_nano;
  for (const Span& s : trace.spans) origin = std::min(origin, s.start_unix_nano);
  const std::vector<int> depth = trace.depths();
  std::function<void(std::size_t)> emit = [&](std::size_t i) {
    const Span& s = trace.spans[i];
    TraceSpan row;
    row.span_id = s.span_id;
    row.parent_span_id = s.parent_span_id;
    row.name = s.name;
    row.service = s.service;
    row.kind = std::string(to_string(s.kind));
    row.status = std::string(to_string(s.status));
    row.status_message = s.status_message;
    row.start_ms = double(s.start_unix_nano - origin) / 1e6;
    row.duration_ms = s.duration_ms();
    row.depth = depth[i];
    row.place = std::string(place_name(trace.place[i]));
    row.attributes = s.attributes;
    rows.push_back(std::move(row));
    for (std::size_t child : trace.children[i]) emit(child);
  };
  for (std::size_t top : trace.tops()) emit(top);
  return rows;
}

}  // namespace glassbox::reports

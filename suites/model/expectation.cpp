#include "suites/model/expectation.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace glassbox::suite {

bool StatusSpec::matches(int status) const {
  if (std::find(codes.begin(), codes.end(), status) != codes.end()) return true;
  return std::find(classes.begin(), classes.end(), status / 100) != classes.end();
}

std::string StatusSpec::to_string() const {
  std::string out;
  for (int c : codes) out += (out.empty() ? "" : "|") + std::to_string(c);
  for (int c : classes) out += (out.empty() ? "" : "|") + fmt::format("{}xx", c);
  return out;
}

std::string_view to_string(MatchKind kind) {
  switch (kind) {
    case MatchKind::Equals: return "equals";
    case MatchKind::Matches: return "matches";
    case MatchKind::Exists: return "exists";
    case MatchKind::Absent: return "absent";
    case MatchKind::Type: return "type";
  }
  return "?";
}

bool Expectation::empty() const {
  return !status && headers.empty() && json.empty() && !latency_max_ms && spans.empty();
}

namespace {
std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}
}  // namespace

Expectation merge(const Expectation& base, const Expectation& over) {
  Expectation out = base;
  if (over.status) out.status = over.status;
  if (over.latency_max_ms) out.latency_max_ms = over.latency_max_ms;
  // Checks of a name/pointer the override mentions are replaced as a group, so an override
  // can change `exists` into `equals` without the old check lingering.
  auto overridden_header = [&](const HeaderCheck& h) {
    return std::any_of(over.headers.begin(), over.headers.end(),
                       [&](const HeaderCheck& o) { return lower(o.name) == lower(h.name); });
  };
  std::erase_if(out.headers, overridden_header);
  out.headers.insert(out.headers.end(), over.headers.begin(), over.headers.end());
  auto overridden_json = [&](const JsonCheck& j) {
    return std::any_of(over.json.begin(), over.json.end(),
                       [&](const JsonCheck& o) { return o.pointer == j.pointer; });
  };
  std::erase_if(out.json, overridden_json);
  out.json.insert(out.json.end(), over.json.begin(), over.json.end());
  auto overridden_span = [&](const SpanExpectation& s) {
    const std::string key = s.select.to_string();
    return std::any_of(over.spans.begin(), over.spans.end(),
                       [&](const SpanExpectation& o) { return o.select.to_string() == key; });
  };
  std::erase_if(out.spans, overridden_span);
  out.spans.insert(out.spans.end(), over.spans.begin(), over.spans.end());
  return out;
}

}  // namespace glassbox::suite

#include "reports/verdicts/assertions.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "reports/verdicts/value_match.hpp"

namespace glassbox::reports {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// All values of a header, joined as HTTP allows (RFC 9110 5.3).
std::optional<std::string> header_value(const Headers& headers, const std::string& name) {
  std::optional<std::string> out;
  std::string want = lower(name);
  for (const auto& [k, v] : headers) {
    if (lower(k) != want) continue;
    out = out ? *out + ", " + v : v;
  }
  return out;
}

Check judge_header(const suite::HeaderCheck& h, const Headers& headers, const suite::Lookup& inputs) {
  Check c;
  c.name = fmt::format("header {} {}", h.name, suite::to_string(h.kind));
  auto value = header_value(headers, h.name);
  c.actual = value ? shorten_text(*value) : "(absent)";
  switch (h.kind) {
    case suite::MatchKind::Exists: c.expected = "present"; c.passed = value.has_value(); break;
    case suite::MatchKind::Absent: c.expected = "absent"; c.passed = !value; break;
    case suite::MatchKind::Matches:
      c.expected = fmt::format("/{}/", h.operand);
      c.passed = value && regex_search_text(h.operand, *value);
      break;
    case suite::MatchKind::Equals:
    case suite::MatchKind::Type: {
      auto want = suite::render_text(h.operand, inputs);
      c.expected = want ? *want : h.operand;
      c.passed = want && value && *value == *want;
      break;
    }
  }
  return c;
}

Check judge_json(const suite::JsonCheck& j, const std::optional<Value>& body, const std::string& parse_error,
                 const suite::Lookup& inputs) {
  Check c;
  c.name = fmt::format("json {} {}", j.pointer.empty() ? "(body)" : j.pointer, suite::to_string(j.kind));
  const Value* found = nullptr;
  if (body) {
    try {
      nlohmann::json::json_pointer ptr(j.pointer);
      if (body->contains(ptr)) found = &body->at(ptr);
    } catch (const nlohmann::json::exception&) {
      found = nullptr;
    }
  }
  c.actual = !body ? parse_error : found ? shown_value(*found) : "(missing)";
  ValueJudgement judged = judge_value(j.kind, j.operand, found, inputs);
  c.expected = std::move(judged.expected);
  c.passed = judged.passed && (body || j.kind == suite::MatchKind::Exists);  // absent needs a parsed body
  if (j.kind == suite::MatchKind::Type && found) c.actual = json_type_name(*found) + " " + c.actual;
  return c;
}

}  // namespace

std::vector<Check> evaluate_expectation(const suite::Expectation& expect, const Exchange& exchange,
                                        const suite::Lookup& inputs) {
  std::vector<Check> checks;
  if (expect.status) {
    checks.push_back(Check{"status", expect.status->matches(exchange.status), expect.status->to_string(),
                           std::to_string(exchange.status)});
  }
  for (const auto& h : expect.headers) checks.push_back(judge_header(h, exchange.response_headers, inputs));
  if (!expect.json.empty()) {
    std::optional<Value> body;
    std::string parse_error;
    if (exchange.response_body_truncated) {
      parse_error = "response body was cut at the size cap, not parsed";
    } else {
      try {
        body = Value::parse(exchange.response_body);
      } catch (const nlohmann::json::exception&) {
        // parse_error for malformed text, out_of_range for a number beyond double's range
        // (1e999): either way the service's body cannot be judged as JSON.
        parse_error = fmt::format("response body is not JSON ({})", shorten_text(exchange.response_body));
      }
    }
    for (const auto& j : expect.json) checks.push_back(judge_json(j, body, parse_error, inputs));
  }
  if (expect.latency_max_ms) {
    checks.push_back(Check{"latency", exchange.latency_ms <= *expect.latency_max_ms,
                           fmt::format("<= {} ms", *expect.latency_max_ms),
                           fmt::format("{:.1f} ms", exchange.latency_ms)});
  }
  return checks;
}

std::string first_failure(const std::vector<Check>& checks) {
  for (const Check& c : checks)
    if (!c.passed) return fmt::format("{}: expected {}, got {}", c.name, c.expected, c.actual);
  return {};
}

}  // namespace glassbox::reports

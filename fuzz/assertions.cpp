// Fuzzes what glassbox does with a response a service sent: the assertions of one
// expectation (status, headers, JSON pointers with every match kind) judged against an
// arbitrary body, status and header value. A hostile body gives failed checks with
// messages, never a crash or an exception.
//
// Input layout: byte 0 picks the status (100-611), bytes up to the first '\n' are a header
// value, the rest is the body.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "reports/verdicts/assertions.hpp"

namespace {

using namespace glassbox;

suite::JsonCheck json_check(std::string pointer, suite::MatchKind kind, Value operand = {}) {
  suite::JsonCheck check;
  check.pointer = std::move(pointer);
  check.kind = kind;
  check.operand = std::move(operand);
  return check;
}

suite::HeaderCheck header_check(std::string name, suite::MatchKind kind, std::string operand = "") {
  suite::HeaderCheck check;
  check.name = std::move(name);
  check.kind = kind;
  check.operand = std::move(operand);
  return check;
}

// One expectation exercising every kind of check, as suites write them.
const suite::Expectation& expectation() {
  static const suite::Expectation expect = [] {
    using suite::MatchKind;
    suite::Expectation e;
    e.status = suite::StatusSpec{{200, 201}, {4}};
    e.latency_max_ms = 100;
    e.headers = {header_check("content-type", MatchKind::Matches, "^application/json"),
                 header_check("x-request-id", MatchKind::Exists),
                 header_check("x-trace", MatchKind::Equals, "{{id}}"),
                 header_check("set-cookie", MatchKind::Absent)};
    e.json = {json_check("", MatchKind::Type, "object"),
              json_check("/kind", MatchKind::Equals, "{{kind}}"),
              json_check("/id", MatchKind::Equals, "{{id}}"),
              json_check("/items/0/price", MatchKind::Type, "number"),
              json_check("/items/1", MatchKind::Exists),
              json_check("/error", MatchKind::Absent),
              json_check("/message", MatchKind::Matches, "^[a-z]+( [a-z]+)*$"),
              json_check("/count", MatchKind::Type, "integer"),
              json_check("/a~1b/~0c", MatchKind::Matches, "\\d{3,}"),
              json_check("/nested", MatchKind::Equals, Value::parse(R"({"a":[1,2,{"b":"{{kind}}"}]})"))};
    return e;
  }();
  return expect;
}

std::optional<Value> lookup(std::string_view name) {
  if (name == "kind") return Value("scalene");
  if (name == "id") return Value(42);
  return std::nullopt;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t newline = rest.find('\n');
  const std::string_view header = newline == std::string_view::npos ? std::string_view{} : rest.substr(0, newline);
  if (newline != std::string_view::npos) rest.remove_prefix(newline + 1);

  reports::Exchange exchange;
  exchange.method = "POST";
  exchange.url = "http://127.0.0.1/fuzz";
  exchange.status = 100 + data[0] * 2;
  exchange.response_headers = {{"Content-Type", std::string(header)},
                               {"X-Trace", std::string(header)},
                               {"X-Request-Id", "1"}};
  exchange.response_body = std::string(rest);
  exchange.latency_ms = data[0];

  const auto checks = reports::evaluate_expectation(expectation(), exchange, lookup);
  bool any_failed = false;
  for (const auto& check : checks) any_failed = any_failed || !check.passed;
  if (any_failed && reports::first_failure(checks).empty()) __builtin_trap();
  return 0;
}

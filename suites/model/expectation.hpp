// What a response must satisfy. An Expectation is declared on a request (for valid
// cases and, separately, the default for invalid cases) and may be overridden by an
// input class; see merge() and resolve_expectation() in case.hpp for the rule.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "suites/model/expected.hpp"
#include "suites/model/match_kind.hpp"
#include "suites/model/span_expectation.hpp"
#include "suites/model/value.hpp"

namespace glassbox::suite {

// `status: 200`, `status: [200, 201]`, `status: 4xx` or `status: [2xx, 404]`.
struct StatusSpec {
  std::vector<int> codes;    // exact codes
  std::vector<int> classes;  // hundreds digit: 4 means 4xx
  bool matches(int status) const;
  std::string to_string() const;  // "200", "4xx", "200|201|4xx"
};


// A check on a JSON body value at an RFC 6901 pointer.
//   Equals:  operand is a Value template ("{{input}}" placeholders are rendered per case)
//   Matches: operand is an ECMAScript regex string, searched for in the value (strings as is,
//            other values as their JSON text); anchor it with ^...$ to match the whole value
//   Exists/Absent: operand unused
//   Type:    operand is one of "null","boolean","number","integer","string","array","object"
struct JsonCheck {
  std::string pointer;
  MatchKind kind = MatchKind::Exists;
  Value operand;
  SourceLocation where;
};

// A check on a response header (names compare case-insensitively).
//   Equals/Matches operand is a string (template allowed for Equals); Type is not used.
struct HeaderCheck {
  std::string name;
  MatchKind kind = MatchKind::Exists;
  std::string operand;
  SourceLocation where;
};

struct Expectation {
  std::optional<StatusSpec> status;
  std::vector<HeaderCheck> headers;
  std::vector<JsonCheck> json;
  std::optional<double> latency_max_ms;
  std::vector<SpanExpectation> spans;  // trace assertions on the case's spans
  SourceLocation where;

  bool empty() const;
};

// `base` with every field that `over` sets replacing it: status and latency replace;
// header checks replace those of the same name, JSON checks those of the same pointer,
// span expectations those of the same selector; the rest are appended.
Expectation merge(const Expectation& base, const Expectation& over);

}  // namespace glassbox::suite

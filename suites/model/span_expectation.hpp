// Trace assertions: what the spans of one case's trace must show. A SpanExpectation selects
// spans of the case's trace (service, name, kind, status, attributes, and a parent or child
// relation) and asserts on them: how many there are, and for each selected span its status,
// duration and attributes. They live in an Expectation's `spans` list (see expectation.hpp)
// and follow the same merge rule as the other checks. Plain data.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "suites/model/expected.hpp"
#include "suites/model/match_kind.hpp"
#include "suites/model/span.hpp"
#include "suites/model/value.hpp"

namespace glassbox::suite {

// A span's name or service: an exact text, or an ECMAScript regex searched for in it.
struct TextMatch {
  enum class Kind { Exact, Regex };
  Kind kind = Kind::Exact;
  std::string text;
  std::string to_string() const;   // "classify" or "/^GET /"
};

// A condition on one span attribute, with the operators of JSON checks:
//   Equals (operand is a template: "{{input}}" renders per case), Matches (regex),
//   Exists, Absent, Type ("string", "integer", ...).
struct AttributeCheck {
  std::string name;                // the attribute key, e.g. "http.response.status_code"
  MatchKind kind;
  Value operand;
  SourceLocation where;
};

// Which spans an expectation is about. Every set field must hold (AND); nothing set selects
// every span of the case. `parent` holds for a span whose parent span matches it; `child`
// for a span with at least one child that matches it.
struct SpanSelector {
  std::optional<TextMatch> service;
  std::optional<TextMatch> name;
  std::optional<SpanKind> kind;
  std::optional<SpanStatus> status;
  std::vector<AttributeCheck> attributes;
  std::shared_ptr<const SpanSelector> parent;
  std::shared_ptr<const SpanSelector> child;

  // Readable and stable: `service=demo name=classify attributes{branch=scalene}
  // parent(name=POST /triangle)`; "any span" when nothing is set. Also the key by which a
  // class's expectation replaces a request's.
  std::string to_string() const;
};

struct CountSpec {
  std::optional<int> min;          // unset with max unset: at least one
  std::optional<int> max;
  bool allows(int n) const;
  std::string to_string() const;   // "at least 1", "exactly 0", "1..3", "at most 2"
};

struct SpanExpectation {
  SpanSelector select;
  CountSpec count;                         // how many spans the selector must find
  std::vector<SpanStatus> status;          // each selected span's status is one of these (empty: any)
  std::optional<double> duration_max_ms;   // each selected span at most this long
  std::optional<double> duration_min_ms;
  std::vector<AttributeCheck> attributes;  // each selected span satisfies these
  SourceLocation where;
};

}  // namespace glassbox::suite

// One value judged by a check operator (equals, matches, exists, absent, type): shared by
// JSON body checks and span attribute checks, so both read and fail the same way.
// Pure functions; thread-safe.
#pragma once

#include <string>

#include "suites/model/match_kind.hpp"
#include "suites/model/template.hpp"
#include "suites/model/value.hpp"

namespace glassbox::reports {

struct ValueJudgement {
  bool passed = false;
  std::string expected;   // readable: "present", "/^a/", "\"scalene\"", "a value of type integer"
};

// `found` is null when the value is missing. Equals renders `operand` with `inputs` first.
ValueJudgement judge_value(suite::MatchKind kind, const Value& operand, const Value* found,
                           const suite::Lookup& inputs);

// Short readable forms for messages.
std::string shown_value(const Value& v);          // JSON text, cut at 200 characters
std::string shorten_text(std::string text);        // cut at 200 characters
std::string json_type_name(const Value& v);        // "null", "boolean", "integer", "number", ...
// An ECMAScript regex searched for in `text`; an invalid pattern matches nothing (patterns
// are compiled when the suite loads, so that does not happen in practice).
bool regex_search_text(const std::string& pattern, const std::string& text);

}  // namespace glassbox::reports

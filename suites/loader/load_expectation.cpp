// An expectation: `status`, `latency_ms`, `headers`, `json` (the checks are in load_checks.cpp)
// and `spans` (load_span_expectations.cpp).
#include <fmt/format.h>

#include "suites/loader/parts.hpp"

namespace glassbox::loader::detail {

namespace {

const Keys kExpectationKeys = {"status", "latency_ms", "headers", "json", "spans"};
const Keys kLatencyKeys = {"max"};

// 200, "4xx" (any case): one code or one class added to `spec`; false when it is neither.
bool add_status(const std::string& text, suite::StatusSpec& spec) {
  if (text.size() != 3) return false;
  if ((text[1] == 'x' || text[1] == 'X') && (text[2] == 'x' || text[2] == 'X')) {
    if (text[0] < '1' || text[0] > '5') return false;
    spec.classes.push_back(text[0] - '0');
    return true;
  }
  int code = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    code = code * 10 + (c - '0');
  }
  if (code < 100 || code > 599) return false;
  spec.codes.push_back(code);
  return true;
}

Expected<double> load_latency(Context& ctx, const Entry& entry, std::string_view place) {
  Entry limit = entry;
  if (entry.value.IsMap()) {  // {max: 500} says the same as 500; room for percentiles later
    LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry, "'latency_ms'", place, kLatencyKeys));
    const Entry* max = fields.find("max");
    if (!max) return error_at(ctx, entry, "'latency_ms' needs 'max' (the most milliseconds a response may take)");
    limit = *max;
  } else if (!entry.value.IsScalar()) {
    return error_at(ctx, entry, fmt::format("'latency_ms' must be a number of milliseconds or {{max: ms}}, got {}",
                                            describe(entry.value)));
  }
  LOADER_ASSIGN(double ms, read_number(ctx, limit));
  if (ms <= 0) return error_at(ctx, limit, fmt::format("'{}' must be greater than 0, got {}", limit.key, ms));
  return ms;
}

}  // namespace

Expected<suite::StatusSpec> load_status(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(auto items, list_items(ctx, entry, Single::Allowed));
  if (items.empty()) return error_at(ctx, entry, "'status' must list at least one status");
  suite::StatusSpec spec;
  for (const Entry& item : items) {
    bool ok = false;
    if (item.value.IsScalar()) {
      LOADER_ASSIGN(std::string text, scalar_text(ctx, item.value));
      ok = add_status(text, spec);
    }
    if (!ok) {
      return error_at(ctx, item, fmt::format("'status' must be an HTTP status (100..599), a class such as 4xx, or "
                                             "a list of these, got {}",
                                             describe(item.value)));
    }
  }
  return spec;
}

Expected<suite::Expectation> load_expectation(Context& ctx, const Entry& entry, std::string_view place) {
  suite::Expectation expect;
  expect.where = where_of(ctx, entry);
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry, fmt::format("'{}'", entry.key), place, kExpectationKeys));
  if (const Entry* status = fields.find("status")) LOADER_SET(expect.status, load_status(ctx, *status));
  if (const Entry* latency = fields.find("latency_ms"))
    LOADER_SET(expect.latency_max_ms, load_latency(ctx, *latency, place));
  if (const Entry* headers = fields.find("headers"))
    LOADER_SET(expect.headers, load_header_checks(ctx, *headers));
  if (const Entry* json = fields.find("json")) LOADER_SET(expect.json, load_json_checks(ctx, *json));
  if (const Entry* spans = fields.find("spans")) LOADER_SET(expect.spans, load_span_expectations(ctx, *spans));
  return expect;
}

}  // namespace glassbox::loader::detail

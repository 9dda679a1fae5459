// `spans` of an expectation: trace assertions. Each item selects spans of the case's trace and
// asserts on them:
//   - select: {service: checkout, name: charge, kind: client, status: error,
//              attributes: {payment.method: card}, parent: {name: checkout}, child: {...}}
//     count: 1                      # or {min: 1, max: 3}; default: at least one
//     status: ok                    # or a list: [ok, unset]
//     duration_ms: 50               # or {max: 50, min: 1}
//     attributes: {http.response.status_code: 200, db.system: {exists: true}}
// Names and services are exact texts or {matches: regex}.
#include <fmt/format.h>

#include "suites/loader/did_you_mean.hpp"
#include "suites/loader/parts.hpp"
#include "suites/loader/validate.hpp"

namespace glassbox::loader::detail {

namespace {

const Keys kSpanExpectationKeys = {"select", "count", "status", "duration_ms", "attributes"};
const Keys kSelectorKeys = {"service", "name", "kind", "status", "attributes", "parent", "child"};
const Keys kTextMatchKeys = {"matches"};
const Keys kCountKeys = {"min", "max"};
const Keys kDurationKeys = {"min", "max"};
const Keys kSpanKinds = {"unspecified", "internal", "server", "client", "producer", "consumer"};
const Keys kSpanStatuses = {"unset", "ok", "error"};
constexpr int kMaxSelectorDepth = 8;

Expected<suite::TextMatch> load_text_match(Context& ctx, const Entry& entry) {
  if (entry.value.IsMap()) {
    LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry, fmt::format("'{}'", entry.key),
                                              fmt::format("in '{}' of a span selector", entry.key), kTextMatchKeys));
    const Entry* matches = fields.find("matches");
    if (!matches)
      return error_at(ctx, entry, fmt::format("'{}' needs 'matches' (a regex) or is an exact text", entry.key));
    LOADER_ASSIGN(std::string pattern, read_nonempty_string(ctx, *matches));
    LOADER_TRY(check_regex(ctx, *matches, pattern));
    return suite::TextMatch{suite::TextMatch::Kind::Regex, std::move(pattern)};
  }
  if (!entry.value.IsScalar()) {
    return error_at(ctx, entry, fmt::format("'{}' must be a text or {{matches: regex}}, got {}", entry.key,
                                            describe(entry.value)));
  }
  LOADER_ASSIGN(std::string text, read_nonempty_string(ctx, entry));
  return suite::TextMatch{suite::TextMatch::Kind::Exact, std::move(text)};
}

// One word out of `words`, with "did you mean" for near misses.
Expected<std::size_t> read_word(Context& ctx, const Entry& entry, const Keys& words, std::string_view what) {
  LOADER_ASSIGN(std::string word, read_nonempty_string(ctx, entry));
  auto it = std::find(words.begin(), words.end(), word);
  if (it == words.end()) {
    return error_at(ctx, entry, fmt::format("unknown {} '{}'{}", what, word, name_hint(word, words, "allowed")));
  }
  return static_cast<std::size_t>(it - words.begin());
}

Expected<SpanStatus> read_status(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(std::size_t i, read_word(ctx, entry, kSpanStatuses, "span status"));
  return static_cast<SpanStatus>(i);  // kSpanStatuses is in the enum's order
}

Expected<suite::SpanSelector> load_selector(Context& ctx, const Entry& entry, int depth) {
  if (depth > kMaxSelectorDepth)
    return error_at(ctx, entry, fmt::format("span selectors nest at most {} deep", kMaxSelectorDepth));
  suite::SpanSelector selector;
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry, fmt::format("'{}'", entry.key),
                                            fmt::format("in '{}' (a span selector)", entry.key), kSelectorKeys));
  if (const Entry* service = fields.find("service")) LOADER_SET(selector.service, load_text_match(ctx, *service));
  if (const Entry* name = fields.find("name")) LOADER_SET(selector.name, load_text_match(ctx, *name));
  if (const Entry* kind = fields.find("kind")) {
    LOADER_ASSIGN(std::size_t i, read_word(ctx, *kind, kSpanKinds, "span kind"));
    selector.kind = static_cast<SpanKind>(i);  // kSpanKinds is in the enum's order
  }
  if (const Entry* status = fields.find("status")) LOADER_SET(selector.status, read_status(ctx, *status));
  if (const Entry* attributes = fields.find("attributes"))
    LOADER_SET(selector.attributes, load_attribute_checks(ctx, *attributes));
  if (const Entry* parent = fields.find("parent")) {
    LOADER_ASSIGN(suite::SpanSelector p, load_selector(ctx, *parent, depth + 1));
    selector.parent = std::make_shared<const suite::SpanSelector>(std::move(p));
  }
  if (const Entry* child = fields.find("child")) {
    LOADER_ASSIGN(suite::SpanSelector c, load_selector(ctx, *child, depth + 1));
    selector.child = std::make_shared<const suite::SpanSelector>(std::move(c));
  }
  return selector;
}

Expected<suite::CountSpec> load_count(Context& ctx, const Entry& entry) {
  suite::CountSpec count;
  if (entry.value.IsScalar()) {  // `count: 2` is exactly two; `count: 0` says the span must not occur
    LOADER_ASSIGN(int n, read_int_in(ctx, entry, 0, 1000000));
    count.min = count.max = n;
    return count;
  }
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry, "'count'", "in 'count'", kCountKeys));
  if (const Entry* min = fields.find("min")) LOADER_SET(count.min, read_int_in(ctx, *min, 0, 1000000));
  if (const Entry* max = fields.find("max")) LOADER_SET(count.max, read_int_in(ctx, *max, 0, 1000000));
  if (!count.min && !count.max) return error_at(ctx, entry, "'count' needs 'min', 'max' or both, or is a number");
  if (count.min && count.max && *count.min > *count.max) {
    return error_at(ctx, entry, fmt::format("'count' has min {} above max {}", *count.min, *count.max));
  }
  if (!count.min) count.min = 0;  // {max: 2} allows none
  return count;
}

Status load_duration(Context& ctx, const Entry& entry, suite::SpanExpectation& out) {
  auto positive = [&](const Entry& e) -> Expected<double> {
    LOADER_ASSIGN(double ms, read_number(ctx, e));
    if (ms < 0) return error_at(ctx, e, fmt::format("'{}' must be at least 0, got {}", e.key, ms));
    return ms;
  };
  if (entry.value.IsScalar()) {  // a number is the most a span may take
    LOADER_SET(out.duration_max_ms, positive(entry));
    return ok_status();
  }
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry, "'duration_ms'", "in 'duration_ms'", kDurationKeys));
  if (const Entry* max = fields.find("max")) LOADER_SET(out.duration_max_ms, positive(*max));
  if (const Entry* min = fields.find("min")) LOADER_SET(out.duration_min_ms, positive(*min));
  if (!out.duration_max_ms && !out.duration_min_ms)
    return error_at(ctx, entry, "'duration_ms' needs 'max', 'min' or both, or is a number (the maximum)");
  return ok_status();
}

Expected<suite::SpanExpectation> load_one(Context& ctx, const Entry& item) {
  suite::SpanExpectation expect;
  expect.where = where_of(ctx, item);
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, item, "a span expectation", "in a span expectation",
                                            kSpanExpectationKeys));
  const Entry* select = fields.find("select");
  if (!select) {
    return ctx.error(expect.where, "a span expectation needs 'select' (which spans: service, name, kind, status, "
                                   "attributes, parent, child), e.g. select: {name: charge}");
  }
  LOADER_SET(expect.select, load_selector(ctx, *select, 0));
  if (const Entry* count = fields.find("count")) LOADER_SET(expect.count, load_count(ctx, *count));
  if (const Entry* status = fields.find("status")) {
    LOADER_ASSIGN(auto items, list_items(ctx, *status, Single::Allowed));
    if (items.empty()) return error_at(ctx, *status, "'status' must list at least one of unset, ok, error");
    for (const Entry& s : items) {
      LOADER_ASSIGN(SpanStatus st, read_status(ctx, s));
      expect.status.push_back(st);
    }
  }
  if (const Entry* duration = fields.find("duration_ms")) LOADER_TRY(load_duration(ctx, *duration, expect));
  if (const Entry* attributes = fields.find("attributes"))
    LOADER_SET(expect.attributes, load_attribute_checks(ctx, *attributes));
  return expect;
}

}  // namespace

Expected<std::vector<suite::SpanExpectation>> load_span_expectations(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(auto items, list_items(ctx, entry));
  std::vector<suite::SpanExpectation> out;
  for (const Entry& item : items) {
    LOADER_ASSIGN(suite::SpanExpectation one, load_one(ctx, item));
    out.push_back(std::move(one));
  }
  return out;
}

}  // namespace glassbox::loader::detail

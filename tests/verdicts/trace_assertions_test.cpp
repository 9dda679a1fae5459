// Trace assertions judged on hand-built traces: selection (service, name, regex, kind, status,
// attributes, parent, child), counts, per-span assertions, and the closest-spans message.
#include "reports/verdicts/trace_assertions.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace glassbox::reports {
namespace {

TraceSpan span(std::string id, std::string parent, std::string name, Value attributes = Value::object(),
               std::string status = "unset", double duration_ms = 1.0) {
  TraceSpan s;
  s.span_id = std::move(id);
  s.parent_span_id = std::move(parent);
  s.name = std::move(name);
  s.service = "shop";
  s.kind = "internal";
  s.status = std::move(status);
  s.duration_ms = duration_ms;
  s.attributes = std::move(attributes);
  return s;
}

// checkout -> charge(card) -> audit; checkout -> reserve
std::vector<TraceSpan> trace() {
  return {span("1", "", "checkout", {{"http.route", "/checkout"}}),
          span("2", "1", "charge", {{"payment.method", "card"}, {"amount", 30}}, "ok", 12.0),
          span("3", "2", "audit"), span("4", "1", "reserve", {{"sku", "A-1"}}, "error", 3.0)};
}

suite::Lookup inputs(Value values = Value::object()) {
  return [values](std::string_view name) -> std::optional<Value> {
    auto it = values.find(std::string(name));
    if (it == values.end()) return std::nullopt;
    return *it;
  };
}

suite::AttributeCheck attr(std::string name, suite::MatchKind kind, Value operand = nullptr) {
  return suite::AttributeCheck{std::move(name), kind, std::move(operand), {}};
}

suite::SpanSelector named(std::string name) {
  suite::SpanSelector s;
  s.name = suite::TextMatch{suite::TextMatch::Kind::Exact, std::move(name)};
  return s;
}

suite::SpanExpectation expect(suite::SpanSelector select) {
  suite::SpanExpectation e;
  e.select = std::move(select);
  return e;
}

std::vector<std::string> selected_names(const suite::SpanSelector& sel, const std::vector<TraceSpan>& spans) {
  std::vector<std::string> out;
  for (const TraceSpan& s : spans)
    if (selector_matches(sel, s, spans, inputs())) out.push_back(s.name);
  return out;
}

TEST(SpanSelector, SelectsByEachFieldAndByRelations) {
  const auto spans = trace();
  EXPECT_EQ(selected_names(suite::SpanSelector{}, spans), (std::vector<std::string>{"checkout", "charge", "audit", "reserve"}));
  EXPECT_EQ(selected_names(named("charge"), spans), (std::vector<std::string>{"charge"}));
  suite::SpanSelector regex;
  regex.name = suite::TextMatch{suite::TextMatch::Kind::Regex, "^(charge|reserve)$"};
  EXPECT_EQ(selected_names(regex, spans), (std::vector<std::string>{"charge", "reserve"}));
  suite::SpanSelector errors;
  errors.status = SpanStatus::Error;
  EXPECT_EQ(selected_names(errors, spans), (std::vector<std::string>{"reserve"}));
  suite::SpanSelector other_service;
  other_service.service = suite::TextMatch{suite::TextMatch::Kind::Exact, "billing"};
  EXPECT_TRUE(selected_names(other_service, spans).empty());
  suite::SpanSelector card = named("charge");
  card.attributes.push_back(attr("payment.method", suite::MatchKind::Equals, "card"));
  EXPECT_EQ(selected_names(card, spans), (std::vector<std::string>{"charge"}));
  card.attributes[0].operand = "cash";
  EXPECT_TRUE(selected_names(card, spans).empty());

  suite::SpanSelector under_checkout;
  under_checkout.parent = std::make_shared<suite::SpanSelector>(named("checkout"));
  EXPECT_EQ(selected_names(under_checkout, spans), (std::vector<std::string>{"charge", "reserve"}));
  suite::SpanSelector with_audit_child;
  with_audit_child.child = std::make_shared<suite::SpanSelector>(named("audit"));
  EXPECT_EQ(selected_names(with_audit_child, spans), (std::vector<std::string>{"charge"}));
}

TEST(SpanSelector, AttributeEqualsRendersInputTemplates) {
  const auto spans = trace();
  suite::SpanSelector sel = named("charge");
  sel.attributes.push_back(attr("amount", suite::MatchKind::Equals, "{{amount}}"));
  EXPECT_TRUE(selector_matches(sel, spans[1], spans, inputs({{"amount", 30}})));
  EXPECT_FALSE(selector_matches(sel, spans[1], spans, inputs({{"amount", 31}})));
}

TEST(TraceAssertions, CountPassesAndFailsWithWhatWasFound) {
  auto e = expect(named("charge"));
  auto checks = evaluate_span_expectations({e}, trace(), inputs());
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].name, "spans name=charge count");
  EXPECT_TRUE(checks[0].passed);
  EXPECT_EQ(checks[0].expected, "at least 1");
  EXPECT_EQ(checks[0].actual, "1");

  auto none = expect(named("charge"));
  none.count.min = none.count.max = 0;
  checks = evaluate_span_expectations({none}, trace(), inputs());
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_FALSE(checks[0].passed);
  EXPECT_EQ(checks[0].expected, "exactly 0");
  EXPECT_EQ(checks[0].actual, "1: charge [shop]");
}

TEST(TraceAssertions, MissingSpanNamesTheClosestSpansAndHowTheyDiffer) {
  suite::SpanSelector sel = named("charge");
  sel.attributes.push_back(attr("payment.method", suite::MatchKind::Equals, "cash"));
  auto checks = evaluate_span_expectations({expect(sel)}, trace(), inputs());
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_FALSE(checks[0].passed);
  EXPECT_EQ(checks[0].actual,
            "0; closest of the trace's 4 spans: charge [shop] payment.method=card (differs in "
            "attributes.payment.method); checkout [shop] payment.method=(absent) (differs in name, "
            "attributes.payment.method); audit [shop] payment.method=(absent) (differs in name, "
            "attributes.payment.method)");
}

TEST(TraceAssertions, NoSpansAtAllIsSaidPlainly) {
  auto checks = evaluate_span_expectations({expect(named("charge"))}, {}, inputs());
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_FALSE(checks[0].passed);
  EXPECT_EQ(checks[0].actual, "0; no span of this case's trace arrived");
}

TEST(TraceAssertions, StatusDurationAndAttributesHoldForEverySelectedSpan) {
  suite::SpanSelector children;
  children.parent = std::make_shared<suite::SpanSelector>(named("checkout"));
  auto e = expect(children);
  e.status = {SpanStatus::Ok, SpanStatus::Unset};
  e.duration_max_ms = 10;
  e.attributes.push_back(attr("payment.method", suite::MatchKind::Exists));
  auto checks = evaluate_span_expectations({e}, trace(), inputs());
  ASSERT_EQ(checks.size(), 4u);
  EXPECT_TRUE(checks[0].passed);  // count: charge and reserve
  EXPECT_EQ(checks[1].name, "spans parent(name=checkout) status");
  EXPECT_FALSE(checks[1].passed);
  EXPECT_EQ(checks[1].expected, "ok or unset");
  EXPECT_EQ(checks[1].actual, "1 of 2: reserve is error");
  EXPECT_FALSE(checks[2].passed);
  EXPECT_EQ(checks[2].expected, "<= 10 ms");
  EXPECT_EQ(checks[2].actual, "1 of 2: charge took 12.000 ms");
  EXPECT_EQ(checks[3].name, "spans parent(name=checkout) attribute payment.method exists");
  EXPECT_FALSE(checks[3].passed);
  EXPECT_EQ(checks[3].actual, "1 of 2: reserve has no such attribute");

  auto charge = expect(named("charge"));
  charge.attributes.push_back(attr("amount", suite::MatchKind::Type, "integer"));
  charge.duration_min_ms = 5;
  checks = evaluate_span_expectations({charge}, trace(), inputs());
  ASSERT_EQ(checks.size(), 3u);
  for (const Check& c : checks) EXPECT_TRUE(c.passed) << c.name << ": " << c.actual;
  EXPECT_EQ(checks[2].actual, "all 1 selected spans");
}

TEST(TraceAssertions, NoAssertionChecksWhenNothingIsSelected) {
  auto e = expect(named("refund"));
  e.count.min = 0;
  e.status = {SpanStatus::Ok};
  auto checks = evaluate_span_expectations({e}, trace(), inputs());
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_TRUE(checks[0].passed);
}

// Whatever the trace, a selector that names one of its spans exactly finds it, and the count
// check agrees with the number of spans of that name.
RC_GTEST_PROP(TraceAssertions, ExactNameCountEqualsTheNumberOfSpansOfThatName, ()) {
  const auto names = *rc::gen::container<std::vector<std::string>>(rc::gen::element<std::string>("a", "b", "c"));
  std::vector<TraceSpan> spans;
  for (std::size_t i = 0; i < names.size(); ++i)
    spans.push_back(span(std::to_string(i + 1), i ? std::to_string(i) : "", names[i]));
  const int want = static_cast<int>(std::count(names.begin(), names.end(), "b"));
  auto e = expect(named("b"));
  e.count.min = e.count.max = want;
  auto checks = evaluate_span_expectations({e}, spans, inputs());
  RC_ASSERT(!checks.empty());
  RC_ASSERT(checks[0].passed);
  e.count.min = e.count.max = want + 1;
  RC_ASSERT(!evaluate_span_expectations({e}, spans, inputs())[0].passed);
}

}  // namespace
}  // namespace glassbox::reports

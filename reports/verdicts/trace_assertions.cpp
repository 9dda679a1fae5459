#include "reports/verdicts/trace_assertions.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "reports/verdicts/value_match.hpp"

namespace glassbox::reports {

namespace {

constexpr std::size_t kClosestShown = 3;
constexpr std::size_t kOffendersShown = 3;

bool text_matches(const suite::TextMatch& m, const std::string& text) {
  return m.kind == suite::TextMatch::Kind::Exact ? text == m.text : regex_search_text(m.text, text);
}

const Value* attribute_of(const TraceSpan& span, const std::string& name) {
  if (!span.attributes.is_object()) return nullptr;
  auto it = span.attributes.find(name);
  return it == span.attributes.end() ? nullptr : &*it;
}

bool attribute_holds(const suite::AttributeCheck& check, const TraceSpan& span, const suite::Lookup& inputs) {
  return judge_value(check.kind, check.operand, attribute_of(span, check.name), inputs).passed;
}

const TraceSpan* parent_of(const TraceSpan& span, const std::vector<TraceSpan>& spans) {
  if (span.parent_span_id.empty()) return nullptr;
  for (const TraceSpan& s : spans)
    if (s.span_id == span.parent_span_id) return &s;
  return nullptr;
}

// The parts of a selector a span fails, by name ("name", "attributes.branch", "parent");
// empty when it matches.
std::vector<std::string> differences(const suite::SpanSelector& sel, const TraceSpan& span,
                                     const std::vector<TraceSpan>& spans, const suite::Lookup& inputs) {
  std::vector<std::string> out;
  if (sel.service && !text_matches(*sel.service, span.service)) out.push_back("service");
  if (sel.name && !text_matches(*sel.name, span.name)) out.push_back("name");
  if (sel.kind && to_string(*sel.kind) != span.kind) out.push_back("kind");
  if (sel.status && to_string(*sel.status) != span.status) out.push_back("status");
  for (const suite::AttributeCheck& a : sel.attributes)
    if (!attribute_holds(a, span, inputs)) out.push_back("attributes." + a.name);
  if (sel.parent) {
    const TraceSpan* parent = parent_of(span, spans);
    if (!parent || !selector_matches(*sel.parent, *parent, spans, inputs)) out.push_back("parent");
  }
  if (sel.child) {
    bool any = std::any_of(spans.begin(), spans.end(), [&](const TraceSpan& s) {
      return s.parent_span_id == span.span_id && selector_matches(*sel.child, s, spans, inputs);
    });
    if (!any) out.push_back("child");
  }
  return out;
}

// "classify [demo] branch=isosceles": the name, the service, and the attributes the
// expectation talks about, so the reader sees the values that made the difference.
std::string describe_span(const TraceSpan& span, const std::vector<std::string>& attribute_names) {
  std::string out = fmt::format("{} [{}]", span.name, span.service.empty() ? "no service" : span.service);
  if (span.status == "error") out += " status=error";
  for (const std::string& name : attribute_names) {
    const Value* v = attribute_of(span, name);
    out += fmt::format(" {}={}", name, v ? (v->is_string() ? v->get<std::string>() : v->dump()) : "(absent)");
  }
  return out;
}

std::vector<std::string> attribute_names(const suite::SpanSelector& sel) {
  std::vector<std::string> names;
  for (const auto& a : sel.attributes) names.push_back(a.name);
  return names;
}

// The spans that match the most parts of the selector (at least one part, when the selector
// has any), best first.
std::string closest_spans(const suite::SpanSelector& sel, const std::vector<TraceSpan>& spans,
                          const suite::Lookup& inputs) {
  struct Scored {
    const TraceSpan* span;
    std::vector<std::string> diff;
  };
  std::vector<Scored> scored;
  for (const TraceSpan& s : spans) scored.push_back({&s, differences(sel, s, spans, inputs)});
  std::stable_sort(scored.begin(), scored.end(),
                   [](const Scored& a, const Scored& b) { return a.diff.size() < b.diff.size(); });
  std::vector<std::string> shown;
  for (const Scored& s : scored) {
    if (shown.size() == kClosestShown) break;
    shown.push_back(fmt::format("{} (differs in {})", describe_span(*s.span, attribute_names(sel)),
                                fmt::join(s.diff, ", ")));
  }
  return fmt::format("{}", fmt::join(shown, "; "));
}

std::string count_actual(const suite::SpanExpectation& e, const std::vector<const TraceSpan*>& selected,
                         const std::vector<TraceSpan>& spans, const suite::Lookup& inputs) {
  std::string out = std::to_string(selected.size());
  if (spans.empty()) return out + "; no span of this case's trace arrived";
  if (!e.count.allows(static_cast<int>(selected.size()))) {
    if (static_cast<int>(selected.size()) < e.count.min.value_or(1)) {  // too few: what came closest
      return fmt::format("{}; closest of the trace's {} spans: {}", out, spans.size(), closest_spans(e.select, spans, inputs));
    }
    std::vector<std::string> found;
    for (const TraceSpan* s : selected) {
      if (found.size() == kOffendersShown) break;
      found.push_back(describe_span(*s, attribute_names(e.select)));
    }
    return fmt::format("{}: {}{}", out, fmt::join(found, "; "), selected.size() > found.size() ? "; ..." : "");
  }
  return out;
}

// One check over every selected span: passes when `holds` is true for each; `actual` names
// the spans that fail (with `show`), or says they all hold.
template <typename Holds, typename Show>
Check over_selected(std::string name, std::string expected, const std::vector<const TraceSpan*>& selected,
                    Holds holds, Show show) {
  Check c{std::move(name), true, std::move(expected), ""};
  std::vector<std::string> failing;
  std::size_t failed = 0;
  for (const TraceSpan* s : selected) {
    if (holds(*s)) continue;
    c.passed = false;
    if (failing.size() < kOffendersShown) failing.push_back(fmt::format("{} {}", s->name, show(*s)));
    ++failed;
  }
  c.actual = c.passed ? fmt::format("all {} selected spans", selected.size())
                      : fmt::format("{} of {}: {}{}", failed, selected.size(), fmt::join(failing, "; "),
                                    failed > failing.size() ? "; ..." : "");
  return c;
}

std::string statuses_text(const std::vector<SpanStatus>& statuses) {
  std::vector<std::string> names;
  for (SpanStatus s : statuses) names.emplace_back(to_string(s));
  return fmt::format("{}", fmt::join(names, " or "));
}

void judge_one(const suite::SpanExpectation& e, const std::vector<TraceSpan>& spans, const suite::Lookup& inputs,
               std::vector<Check>& checks) {
  std::vector<const TraceSpan*> selected;
  for (const TraceSpan& s : spans)
    if (selector_matches(e.select, s, spans, inputs)) selected.push_back(&s);
  const std::string subject = "spans " + e.select.to_string();
  checks.push_back(Check{subject + " count", e.count.allows(static_cast<int>(selected.size())), e.count.to_string(),
                         count_actual(e, selected, spans, inputs)});
  if (selected.empty()) return;  // nothing to assert on; the count check has said why
  if (!e.status.empty()) {
    checks.push_back(over_selected(
        subject + " status", statuses_text(e.status), selected,
        [&](const TraceSpan& s) {
          return std::any_of(e.status.begin(), e.status.end(), [&](SpanStatus st) { return to_string(st) == s.status; });
        },
        [](const TraceSpan& s) {
          return s.status_message.empty() ? fmt::format("is {}", s.status)
                                          : fmt::format("is {} ({})", s.status, shorten_text(s.status_message));
        }));
  }
  if (e.duration_max_ms || e.duration_min_ms) {
    std::string expected = e.duration_max_ms && e.duration_min_ms
                               ? fmt::format("{}..{} ms", *e.duration_min_ms, *e.duration_max_ms)
                           : e.duration_max_ms ? fmt::format("<= {} ms", *e.duration_max_ms)
                                               : fmt::format(">= {} ms", *e.duration_min_ms);
    checks.push_back(over_selected(
        subject + " duration", expected, selected,
        [&](const TraceSpan& s) {
          return (!e.duration_max_ms || s.duration_ms <= *e.duration_max_ms) &&
                 (!e.duration_min_ms || s.duration_ms >= *e.duration_min_ms);
        },
        [](const TraceSpan& s) { return fmt::format("took {:.3f} ms", s.duration_ms); }));
  }
  for (const suite::AttributeCheck& a : e.attributes) {
    ValueJudgement want = judge_value(a.kind, a.operand, nullptr, inputs);  // for the expected text only
    checks.push_back(over_selected(
        fmt::format("{} attribute {} {}", subject, a.name, suite::to_string(a.kind)), want.expected, selected,
        [&](const TraceSpan& s) { return attribute_holds(a, s, inputs); },
        [&](const TraceSpan& s) {
          const Value* v = attribute_of(s, a.name);
          return v ? fmt::format("has {}", shown_value(*v)) : std::string("has no such attribute");
        }));
  }
}

}  // namespace

bool selector_matches(const suite::SpanSelector& selector, const TraceSpan& span, const std::vector<TraceSpan>& spans,
                      const suite::Lookup& inputs) {
  return differences(selector, span, spans, inputs).empty();
}

std::vector<Check> evaluate_span_expectations(const std::vector<suite::SpanExpectation>& expectations,
                                              const std::vector<TraceSpan>& spans, const suite::Lookup& inputs) {
  std::vector<Check> checks;
  for (const suite::SpanExpectation& e : expectations) judge_one(e, spans, inputs, checks);
  return checks;
}

}  // namespace glassbox::reports

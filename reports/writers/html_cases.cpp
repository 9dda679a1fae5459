// The case sections of the HTML report: on index.html the failures, open, with what was
// expected and what came back (capped, the rest on failures.html); on each technique page
// its cases, collapsed, grouped by request. Everything a service sent (bodies, headers,
// messages) is written as text through the builder.
#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "reports/writers/html_sections.hpp"

namespace glassbox::reports::html {
namespace {

bool is_problem(Outcome o) { return o == Outcome::Failed || o == Outcome::Error; }

std::string_view outcome_class(Outcome o) {
  switch (o) {
    case Outcome::Passed: return "passed";
    case Outcome::Failed: return "failed";
    case Outcome::Error: return "error";
    case Outcome::Skipped: return "skipped";
  }
  return "skipped";
}

std::string status_class(int status) {
  if (status < 100 || status > 599) return "status status-none";
  return fmt::format("status status-{}xx", status / 100);
}

std::string status_text(int status) { return status == 0 ? "no response" : fmt::format("{}", status); }

std::string display_value(const Value& v) { return v.dump(-1, ' ', false, Value::error_handler_t::replace); }

void case_summary(HtmlBuilder& b, const CaseResult& c) {
  auto summary = b.open("summary");
  b.element("span", {{"class", fmt::format("badge badge-{}", outcome_class(c.outcome))}}, outcome_word(c.outcome));
  b.element("span", {{"class", "case-title"}}, c.label.empty() ? c.id : c.label);
  if (!c.technique.empty())
    b.element("span", {{"class", "case-meta"}}, c.form.empty() ? c.technique : fmt::format("{} · {}", c.technique, c.form));
  if (c.outcome != Outcome::Skipped) {
    auto right = b.open("span", {{"class", "case-result"}});
    b.element("span", {{"class", status_class(c.exchange.status)}}, status_text(c.exchange.status));
    b.element("span", {{"class", "latency"}}, format_ms(c.exchange.latency_ms));
  }
}

void request_line(HtmlBuilder& b, const CaseResult& c) {
  auto div = b.open("div", {{"class", "request-line"}});
  b.element("span", {{"class", "method"}}, c.exchange.method.empty() ? "–" : c.exchange.method);
  b.element("code", {{"class", "url"}}, c.exchange.url);
  b.element("span", {{"class", "arrow"}}, "→");
  b.element("span", {{"class", status_class(c.exchange.status)}}, status_text(c.exchange.status));
}

void key_values(HtmlBuilder& b, const std::vector<std::pair<std::string_view, std::string>>& rows) {
  auto dl = b.open("dl", {{"class", "kv"}});
  for (const auto& [key, value] : rows) {
    auto div = b.open("div");
    b.element("dt", key);
    b.element("dd", {{"class", "mono"}}, value);
  }
}

void inputs_table(HtmlBuilder& b, const CaseResult& c) {
  std::vector<std::string> names;
  if (c.inputs.is_object())
    for (const auto& item : c.inputs.items()) names.push_back(item.key());
  for (const auto& [name, cls] : c.classes)
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  if (names.empty()) return;
  b.element("h4", "Inputs");
  auto table = b.open("table", {{"class", "grid-table inputs"}});
  {
    auto thead = b.open("thead");
    auto tr = b.open("tr");
    for (std::string_view h : {"Input", "Value", "Stands for"}) b.element("th", h);
  }
  auto tbody = b.open("tbody");
  for (const std::string& name : names) {
    auto tr = b.open("tr");
    b.element("td", {{"class", "name"}}, name);
    const bool has_value = c.inputs.is_object() && c.inputs.contains(name);
    b.element("td", {{"class", "mono"}}, has_value ? display_value(c.inputs.at(name)) : "–");
    const auto cls = c.classes.find(name);
    b.element("td", {{"class", "class-name"}}, cls == c.classes.end() ? "" : cls->second);
  }
}

void checks_table(HtmlBuilder& b, const CaseResult& c) {
  if (c.checks.empty()) return;
  b.element("h4", "Checks");
  auto table = b.open("table", {{"class", "grid-table checks"}});
  {
    auto thead = b.open("thead");
    auto tr = b.open("tr");
    for (std::string_view h : {"", "Check", "Expected", "Actual"}) b.element("th", h);
  }
  auto tbody = b.open("tbody");
  for (const Check& check : c.checks) {
    auto tr = b.open("tr", {{"class", check.passed ? "check-passed" : "check-failed"}});
    b.element("td", {{"class", "check-mark"}, {"title", check.passed ? "passed" : "failed"}}, check.passed ? "✓" : "✗");
    b.element("td", {{"class", "name"}}, check.name);
    b.element("td", {{"class", "mono"}}, check.expected);
    b.element("td", {{"class", "mono actual"}}, check.actual);
  }
}

void attempts_table(HtmlBuilder& b, const CaseResult& c) {
  if (c.attempts.empty()) return;
  b.element("h4", c.attempts.size() == 1 ? "Attempt" : fmt::format("Attempts ({})", c.attempts.size()));
  auto table = b.open("table", {{"class", "grid-table attempts"}});
  {
    auto thead = b.open("thead");
    auto tr = b.open("tr");
    for (std::string_view h : {"#", "Span id", "Status", "Latency", "Error"}) b.element("th", h);
  }
  auto tbody = b.open("tbody");
  for (std::size_t i = 0; i < c.attempts.size(); ++i) {
    const Attempt& a = c.attempts[i];
    auto tr = b.open("tr");
    b.element("td", fmt::format("{}", i + 1));
    b.element("td", {{"class", "mono"}}, a.span_id);
    {
      auto td = b.open("td");
      b.element("span", {{"class", status_class(a.status)}}, status_text(a.status));
    }
    b.element("td", format_ms(a.latency_ms));
    b.element("td", {{"class", "error-text"}}, a.error);
  }
}

// A multi-step case's requests in order: where the sequence went and where it stopped.
void steps_table(HtmlBuilder& b, const CaseResult& c) {
  if (c.steps.empty()) return;
  b.element("h4", fmt::format("Steps ({})", c.steps.size()));
  auto table = b.open("table", {{"class", "grid-table steps"}});
  {
    auto thead = b.open("thead");
    auto tr = b.open("tr");
    for (std::string_view h : {"#", "Step", "Request", "Status", "Latency", "Result"}) b.element("th", h);
  }
  auto tbody = b.open("tbody");
  for (std::size_t i = 0; i < c.steps.size(); ++i) {
    const StepResult& s = c.steps[i];
    auto tr = b.open("tr", {{"class", s.outcome == Outcome::Passed ? "row-good" : s.outcome == Outcome::Skipped ? "" : "row-bad"}});
    b.element("td", fmt::format("{}", i + 1));
    b.element("td", s.label);
    b.element("td", {{"class", "mono"}}, s.method.empty() ? s.request : fmt::format("{} {}", s.method, s.url));
    {
      auto td = b.open("td");
      if (s.outcome != Outcome::Skipped) b.element("span", {{"class", status_class(s.status)}}, status_text(s.status));
    }
    b.element("td", s.outcome == Outcome::Skipped ? "–" : format_ms(s.latency_ms));
    b.element("td", s.message.empty() ? std::string(to_string(s.outcome)) : s.message);
  }
}

// The service's log lines that carried the case's trace id (error lines first), as text.
void log_lines_table(HtmlBuilder& b, const CaseResult& c) {
  if (c.log_lines.empty()) return;
  b.element("h4", fmt::format("Log lines ({})", c.log_lines.size()));
  auto table = b.open("table", {{"class", "grid-table log-lines"}});
  {
    auto thead = b.open("thead");
    auto tr = b.open("tr");
    for (std::string_view h : {"Line", "Level", "Entry"}) b.element("th", h);
  }
  auto tbody = b.open("tbody");
  for (const LogLineRef& l : c.log_lines) {
    std::string level = l.level;
    for (char& ch : level) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const std::string tone = level == "error" || level == "fatal" || level == "critical" ? "level level-error"
                             : level == "warn" || level == "warning"                   ? "level level-warn"
                                                                                       : "level";
    auto tr = b.open("tr");
    b.element("td", {{"class", "num"}}, fmt::format("{}", l.line));
    {
      auto td = b.open("td");
      b.element("span", {{"class", tone}}, l.level);
    }
    b.element("td", {{"class", "mono"}}, l.text);
  }
}

void headers_table(HtmlBuilder& b, const Headers& headers) {
  if (headers.empty()) {
    b.element("p", {{"class", "muted"}}, "No headers.");
    return;
  }
  auto table = b.open("table", {{"class", "grid-table headers"}});
  auto tbody = b.open("tbody");
  for (const auto& [name, value] : headers) {
    auto tr = b.open("tr");
    b.element("th", {{"scope", "row"}}, name);
    b.element("td", {{"class", "mono"}}, value);
  }
}

void body_block(HtmlBuilder& b, std::string_view body, Outcome outcome, bool truncated_at_capture) {
  if (body.empty()) {
    b.element("p", {{"class", "muted"}}, "Empty body.");
    return;
  }
  const ShownBody shown = shown_body(body, outcome);
  b.element("pre", {{"class", "body"}}, shown.text);
  if (shown.elided_bytes > 0)
    b.element("p", {{"class", "note"}},
              fmt::format("{} more bytes not shown: bodies of passed cases are cut at 2 KiB here.", shown.elided_bytes));
  if (truncated_at_capture) b.element("p", {{"class", "note"}}, "The body was cut when it was captured.");
}

void exchange_part(HtmlBuilder& b, std::string_view title, const Headers& headers, std::string_view body,
                   Outcome outcome, bool truncated, bool open) {
  Attrs attrs{{"class", "sub"}};
  if (open) attrs.push_back({"open", ""});
  auto details = b.open("details", attrs);
  b.element("summary", title);
  headers_table(b, headers);
  body_block(b, body, outcome, truncated);
}

void failure_entry(HtmlBuilder& b, const CaseResult& c, const std::string& full_entry) {
  auto details = b.open("details", {{"class", fmt::format("case case-{}", outcome_class(c.outcome))}, {"open", ""}});
  case_summary(b, c);
  auto body = b.open("div", {{"class", "case-body"}});
  request_line(b, c);
  if (!c.message.empty()) b.element("p", {{"class", "message"}}, c.message);
  steps_table(b, c);
  checks_table(b, c);
  key_values(b, {{"Case id", c.id}, {"Trace id", c.trace_id.empty() ? "–" : c.trace_id}, {"Expected", c.expected_outcome}});
  inputs_table(b, c);
  if (c.outcome == Outcome::Error) attempts_table(b, c);
  waterfall(b, c);
  log_lines_table(b, c);
  if (c.exchange.status != 0 || !c.exchange.response_body.empty()) {
    b.element("h4", "Response body");
    body_block(b, c.exchange.response_body, c.outcome, c.exchange.response_body_truncated);
  }
  b.element("a", {{"class", "more"}, {"href", full_entry}}, "Attempts, headers and request →");
}

void case_entry(HtmlBuilder& b, const CaseResult& c, std::size_t index) {
  auto details = b.open("details", {{"class", fmt::format("case case-{}", outcome_class(c.outcome))}, {"id", case_anchor(index)}});
  case_summary(b, c);
  auto body = b.open("div", {{"class", "case-body"}});
  if (c.outcome != Outcome::Skipped) request_line(b, c);
  if (!c.message.empty()) b.element("p", {{"class", "message"}}, c.message);
  key_values(b, {{"Case id", c.id},
                 {"Trace id", c.trace_id.empty() ? "–" : c.trace_id},
                 {"Expected", c.expected_outcome},
                 {"Started", fmt::format("+{}", format_ms(c.start_offset_ms))}});
  inputs_table(b, c);
  steps_table(b, c);
  checks_table(b, c);
  attempts_table(b, c);
  waterfall(b, c);
  log_lines_table(b, c);
  if (c.outcome == Outcome::Skipped && c.attempts.empty()) return;
  exchange_part(b, "Request", c.exchange.request_headers, c.exchange.request_body, c.outcome, false, false);
  exchange_part(b, "Response", c.exchange.response_headers, c.exchange.response_body, c.outcome,
                c.exchange.response_body_truncated, false);
}

std::string request_key(const CaseResult& c) {
  if (c.suite.empty()) return c.request;
  return fmt::format("{} / {}", c.suite, c.request);
}

}  // namespace

void failures_section(HtmlBuilder& b, const RunResults& r, const PageLayout& layout) {
  const auto problems = static_cast<std::size_t>(
      std::count_if(r.cases.begin(), r.cases.end(), [](const CaseResult& c) { return is_problem(c.outcome); }));
  auto section = b.open("section", {{"id", "failures"}, {"class", "block"}});
  {
    auto h2 = b.open("h2");
    b.text("Failures ");
    b.element("span", {{"class", problems > 0 ? "count count-bad" : "count"}}, fmt::format("{}", problems));
  }
  if (problems == 0) {
    b.element("p", {{"class", "all-good"}}, "No case failed or errored.");
    return;
  }
  std::size_t shown = 0;
  for (std::size_t i = 0; i < r.cases.size() && shown < kInlineFailures; ++i)
    if (is_problem(r.cases[i].outcome)) {
      failure_entry(b, r.cases[i], layout.case_href(i));
      ++shown;
    }
  // Thousands of open failures would make this page the slow one; the rest are one row each.
  auto p = b.open("p", {{"class", "more-failures"}});
  if (shown < problems) b.text(fmt::format("The first {} of {} failures are shown here. ", shown, problems));
  b.element("a", {{"class", "more"}, {"href", std::string(kFailuresPage)}}, fmt::format("All {} failures, one row each →", problems));
}

void failures_list(HtmlBuilder& b, const RunResults& r, const PageLayout& layout) {
  auto section = b.open("section", {{"id", "failures"}, {"class", "block"}});
  b.element("h2", "Failures");
  auto table = b.open("table", {{"class", "grid-table failures-list"}});
  {
    auto thead = b.open("thead");
    auto tr = b.open("tr");
    for (std::string_view h : {"", "Case", "Technique", "Status", "Message"}) b.element("th", h);
  }
  auto tbody = b.open("tbody");
  for (std::size_t i = 0; i < r.cases.size(); ++i) {
    const CaseResult& c = r.cases[i];
    if (!is_problem(c.outcome)) continue;
    auto tr = b.open("tr");
    {
      auto td = b.open("td");
      b.element("span", {{"class", fmt::format("badge badge-{}", outcome_class(c.outcome))}}, outcome_word(c.outcome));
    }
    {
      auto td = b.open("td", {{"class", "name"}});
      b.element("a", {{"href", layout.case_href(i)}}, c.label.empty() ? c.id : c.label);
    }
    b.element("td", c.technique.empty() ? "–" : c.technique);
    {
      auto td = b.open("td");
      b.element("span", {{"class", status_class(c.exchange.status)}}, status_text(c.exchange.status));
    }
    b.element("td", {{"class", "message"}}, c.message);
  }
}

void technique_cases(HtmlBuilder& b, const RunResults& r, const TechniquePages& technique, std::size_t page) {
  const std::size_t first = page * kCasesPerPage;
  const std::size_t last = std::min(technique.cases.size(), first + kCasesPerPage);
  // Groups in the order the run met the requests; each case keeps its run-wide anchor.
  std::vector<std::pair<std::string, std::vector<std::size_t>>> groups;
  for (std::size_t k = first; k < last; ++k) {
    const std::size_t i = technique.cases[k];
    std::string key = request_key(r.cases[i]);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (it == groups.end()) it = groups.insert(groups.end(), {std::move(key), {}});
    it->second.push_back(i);
  }
  auto section = b.open("section", {{"id", "cases"}, {"class", "block"}});
  {
    auto h2 = b.open("h2");
    b.text(technique.technique.empty() ? std::string("Cases without a technique") : technique.technique);
    b.text(" ");
    b.element("span", {{"class", "count"}}, fmt::format("{} case{}", technique.cases.size(), technique.cases.size() == 1 ? "" : "s"));
  }
  const std::size_t pages = technique.page_count();
  if (pages > 1) {
    auto nav = b.open("nav", {{"class", "pager"}});
    b.text(fmt::format("Cases {}–{} of {}. Pages: ", first + 1, last, technique.cases.size()));
    for (std::size_t p = 0; p < pages; ++p) {
      if (p == page)
        b.element("span", {{"class", "pager-current"}}, fmt::format("{}", p + 1));
      else
        b.element("a", {{"href", technique.page_file(p)}}, fmt::format("{}", p + 1));
    }
  }
  b.element("p", {{"class", "note"}},
            "Grouped by request. Open a case for its inputs, checks, attempts and the exchange. "
            "Bodies of passed cases are cut at 2 KiB to keep this page small; failures show bodies as captured.");
  for (const auto& [key, indices] : groups) {
    auto group = b.open("section", {{"class", "request-group"}});
    const auto bad = std::count_if(indices.begin(), indices.end(), [&](std::size_t i) { return is_problem(r.cases[i].outcome); });
    {
      auto h3 = b.open("h3");
      b.element("span", {{"class", "request-name"}}, key.empty() ? "–" : key);
      b.element("span", {{"class", "count"}}, fmt::format("{} case{}", indices.size(), indices.size() == 1 ? "" : "s"));
      if (bad > 0) b.element("span", {{"class", "count count-bad"}}, fmt::format("{} not passed", bad));
    }
    for (std::size_t i : indices) case_entry(b, r.cases[i], i);
  }
}

}  // namespace glassbox::reports::html

// Hostile text from a service, a log or a suite author is inert in every report: one run
// carries the classic payloads in every field a report prints (bodies, headers, span
// attributes, log lines, SLO messages, case ids, technique and suite names), and the HTML,
// JUnit and Markdown renderings of it are checked for markup that survived.
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "reports/model/results.hpp"
#include "reports/writers/writer.hpp"
#include "tests/reports/fake_results.hpp"
#include "tests/reports/test_files.hpp"

namespace glassbox::reports {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_of;
using testing::TempDir;

const std::string kScript = "<script>alert(1)</script>";
const std::string kImg = "\"><img src=x onerror=alert(1)>";
const std::string kCdataEnd = "]]>";
const std::string kControls = "bell\x07 soh\x01 csi\x1b[31m del\x7f";
const std::string kEntity = "&#x3c;script&#x3e;";

// Every payload in one string, so each field carries all of them.
std::string hostile(std::string_view where) {
  return std::string(where) + " " + kScript + " " + kImg + " " + kCdataEnd + " " + kControls + " " + kEntity;
}

CaseResult hostile_case(Outcome outcome, int n) {
  CaseResult c;
  c.id = hostile("id") + std::to_string(n);
  c.suite = hostile("suite");
  c.request = hostile("request");
  c.target = hostile("target");
  c.technique = hostile("technique");
  c.form = hostile("form");
  c.label = hostile("label");
  c.expected_outcome = hostile("expected");
  c.inputs = Value{{"a", hostile("input")}};
  c.classes = {{"a", hostile("class")}};
  c.outcome = outcome;
  c.message = hostile("message");
  c.checks = {Check{hostile("check"), false, hostile("expected"), hostile("actual")}};
  c.trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
  c.attempts = {Attempt{"00f067aa0ba902b7", 500, hostile("attempt"), 3}};
  c.exchange.method = "POST";
  c.exchange.url = "http://h/" + hostile("url");
  c.exchange.request_headers = {{"X-Req", hostile("request header")}};
  c.exchange.request_body = hostile("request body");
  c.exchange.status = 500;
  c.exchange.response_headers = {{hostile("header name"), hostile("response header")}};
  c.exchange.response_body = hostile("response body");
  c.exchange.latency_ms = 3;
  TraceSpan span;
  span.span_id = "00f067aa0ba902b8";
  span.parent_span_id = "00f067aa0ba902b7";
  span.name = hostile("span");
  span.service = hostile("service");
  span.kind = "server";
  span.status = "error";
  span.status_message = hostile("span status");
  span.duration_ms = 2;
  span.place = "probe_child";
  span.attributes = Value{{"http.route", hostile("attribute")}, {hostile("attribute key"), 1}};
  c.spans = {span};
  c.covers = {hostile("covers")};
  c.log_lines = {LogLineRef{7, "error", hostile("log line")}};
  return c;
}

RunResults hostile_results() {
  RunResults r = run_of({hostile_case(Outcome::Failed, 1), hostile_case(Outcome::Error, 2),
                         hostile_case(Outcome::Passed, 3)});
  r.suites = {hostile("suite")};
  r.environment = hostile("environment");
  r.coverage = {CoverageItem{hostile("suite"), hostile("service"), "branches", hostile("item"), true, {}}};
  r.coverage_totals = {CoverageTotal{hostile("suite"), hostile("service"), "branches", 0, 1, 100.0}};
  SloResult slo;
  slo.suite = hostile("suite");
  slo.slo = hostile("slo");
  slo.objective = "p99 latency";
  slo.source = "spans";
  slo.scope = hostile("scope");
  slo.verdict = Verdict::Fail;
  slo.measured = 900;
  slo.threshold = 500;
  slo.unit = "ms";
  slo.comparison = "<=";
  slo.margin = -400;
  slo.message = hostile("slo message");
  r.slos = {slo};
  LogResult log;
  log.suite = hostile("suite");
  log.name = hostile("log");
  log.origin = hostile("origin");
  log.lines = 1;
  log.invalid = 1;
  log.findings = {hostile("finding")};
  r.logs = {log};
  return r;
}

// Where a payload's markup could live on: every report file the writer produced.
std::string render(const ReportWriter& writer, const fs::path& destination) {
  const RunResults results = hostile_results();
  const Status written = writer.write(results, destination);
  EXPECT_TRUE(written.ok()) << (written.ok() ? "" : written.error().to_string());
  if (!fs::is_directory(destination)) return read_file(destination);
  std::string all;
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(destination))
    if (e.is_regular_file()) all += read_file(e.path());
  return all;
}

TEST(XssPayloads, InertInEveryHtmlPage) {
  const TempDir dir;
  const std::string html = render(html_writer(), dir / "html");
  ASSERT_NE(html.find("alert(1)"), std::string::npos) << "the payloads must be in the report to test anything";
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find(kEntity), std::string::npos) << "'&' must be escaped, or entities decode to markup";
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  for (const char c : std::string("\x01\x07\x1b\x7f")) EXPECT_EQ(html.find(c), std::string::npos) << int(c);
}

TEST(XssPayloads, JunitIsWellFormedWithTheTextEscaped) {
  if (std::system("command -v xmllint >/dev/null 2>&1") != 0) GTEST_SKIP() << "xmllint is not installed";
  const TempDir dir;
  const std::string xml = render(junit_writer(), dir / "junit.xml");
  const std::string command = "xmllint --noout '" + (dir / "junit.xml").string() + "' 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << xml;
  EXPECT_EQ(xml.find("<script"), std::string::npos);
  EXPECT_EQ(xml.find("<img"), std::string::npos);
  EXPECT_NE(xml.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  // The C0 controls XML 1.0 forbids (DEL is allowed, and xmllint above accepted the file).
  for (const char c : std::string("\x01\x07\x1b")) EXPECT_EQ(xml.find(c), std::string::npos) << int(c);
}

TEST(XssPayloads, MarkdownEscapesHtmlPipesAndBackticks) {
  const TempDir dir;
  const std::string md = render(markdown_writer(), dir / "report.md");
  ASSERT_NE(md.find("alert(1)"), std::string::npos);
  EXPECT_EQ(md.find("<script"), std::string::npos);
  EXPECT_EQ(md.find("<img"), std::string::npos);
  EXPECT_EQ(md.find(kEntity), std::string::npos);
  EXPECT_NE(md.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(md.find("\\]\\]&gt;"), std::string::npos) << "']' is escaped, so no link can be made";
  for (const char c : std::string("\x01\x07\x1b\x7f")) EXPECT_EQ(md.find(c), std::string::npos) << int(c);
  // A cell never ends early: every table row has as many unescaped pipes as its header.
  std::size_t header_pipes = 0;
  std::size_t line_start = 0;
  while (line_start < md.size()) {
    const std::size_t end = std::min(md.find('\n', line_start), md.size());
    const std::string_view line(md.data() + line_start, end - line_start);
    std::size_t pipes = 0;
    for (std::size_t i = 0; i < line.size(); ++i) pipes += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
    if (!line.starts_with("|")) {
      header_pipes = 0;
    } else if (header_pipes == 0) {
      header_pipes = pipes;
    } else {
      EXPECT_EQ(pipes, header_pipes) << line;
    }
    line_start = end + 1;
  }
}

}  // namespace
}  // namespace glassbox::reports

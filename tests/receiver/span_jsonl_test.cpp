#include "probes/receiver/span_jsonl.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace glassbox::probes {
namespace {

Span sample_span() {
  Span span;
  span.trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
  span.span_id = "00f067aa0ba902b7";
  span.parent_span_id = "1111111111111111";
  span.parent_is_remote = true;
  span.name = "POST /triangle";
  span.kind = SpanKind::Server;
  span.start_unix_nano = 1'000'000'000;
  span.end_unix_nano = 1'002'500'000;
  span.status = SpanStatus::Error;
  span.status_message = "boom\n\"quoted\"";
  span.service = "shop";
  span.scope = "@opentelemetry/instrumentation-http";
  span.attributes = {{"http.status_code", 500}, {"branch", "R1"}};
  span.resource = {{"service.name", "shop"}};
  span.events.push_back({"exception", 1'001'000'000, {{"exception.message", "x"}}});
  return span;
}

std::vector<std::string> lines_of(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(SpanJsonLine, HoldsEveryFieldOnOneLine) {
  const std::string line = span_json_line(sample_span());
  EXPECT_EQ(line.find('\n'), std::string::npos);
  const auto json = nlohmann::json::parse(line);
  EXPECT_EQ(json["trace_id"], "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(json["span_id"], "00f067aa0ba902b7");
  EXPECT_EQ(json["parent_span_id"], "1111111111111111");
  EXPECT_EQ(json["parent_is_remote"], true);
  EXPECT_EQ(json["name"], "POST /triangle");
  EXPECT_EQ(json["kind"], "server");
  EXPECT_EQ(json["start_unix_nano"], 1'000'000'000u);
  EXPECT_EQ(json["end_unix_nano"], 1'002'500'000u);
  EXPECT_DOUBLE_EQ(json["duration_ms"].get<double>(), 2.5);
  EXPECT_EQ(json["status"], "error");
  EXPECT_EQ(json["status_message"], "boom\n\"quoted\"");
  EXPECT_EQ(json["service"], "shop");
  EXPECT_EQ(json["scope"], "@opentelemetry/instrumentation-http");
  EXPECT_EQ(json["attributes"]["branch"], "R1");
  EXPECT_EQ(json["resource"]["service.name"], "shop");
  ASSERT_EQ(json["events"].size(), 1u);
  EXPECT_EQ(json["events"][0]["name"], "exception");
  EXPECT_EQ(json["events"][0]["time_unix_nano"], 1'001'000'000u);
}

TEST(SpanJsonLine, ReplacesInvalidUtf8InsteadOfFailing) {
  Span span = sample_span();
  span.name = "bad \xff byte";
  EXPECT_EQ(nlohmann::json::parse(span_json_line(span))["name"], "bad \xEF\xBF\xBD byte");
}

TEST(SpanJsonlFile, AppendsBatchesAcrossOpens) {
  const std::string path = (std::filesystem::path(testing::TempDir()) / "spans-append.jsonl").string();
  std::filesystem::remove(path);
  {
    auto file = SpanJsonlFile::open(path);
    ASSERT_TRUE(file) << file.error().message;
    EXPECT_TRUE((*file)->accept({sample_span(), sample_span()}));
    // Flushed per batch: readable before the file is closed.
    EXPECT_EQ(lines_of(path).size(), 2u);
    EXPECT_EQ((*file)->spans_written(), 2u);
  }
  auto again = SpanJsonlFile::open(path);
  ASSERT_TRUE(again);
  EXPECT_TRUE((*again)->accept({sample_span()}));
  EXPECT_EQ(lines_of(path).size(), 3u);
}

TEST(SpanJsonlFile, SaysWhyItCannotOpen) {
  auto file = SpanJsonlFile::open("/nonexistent-dir/spans.jsonl");
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().message, "cannot open /nonexistent-dir/spans.jsonl: No such file or directory");
}

}  // namespace
}  // namespace glassbox::probes

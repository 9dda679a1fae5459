#include "probes/logs/log_reader.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace glassbox::probes::logs {
namespace {

const std::string kFixture = std::string(GLASSBOX_TEST_DATA) + "/fixtures/logs.jsonl";

std::vector<std::string> finding_texts(const LogRead& read) {
  std::vector<std::string> out;
  for (const auto& finding : read.findings) out.push_back(finding.to_string());
  return out;
}

TEST(LogReader, ReadsEveryLineOfTheNodeServiceFixture) {
  auto read = read_log_file(kFixture);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->entries.size(), 49u);
  EXPECT_EQ(read->lines, 49);
  EXPECT_TRUE(read->findings.empty());
  EXPECT_FALSE(read->truncated);
  EXPECT_EQ(read->entries.front().line, 1);
  EXPECT_EQ(read->entries.back().line, 49);
  EXPECT_EQ(read->entries[1].fields["trace_id"], "4bf92f3577b34da6a3ce929d0e0e4736");
}

TEST(LogReader, SkipsBlankLinesButKeepsTheirLineNumbers) {
  auto read = parse_log_lines("{\"a\":1}\n\n   \n\t\r\n{\"b\":2}\n");
  ASSERT_EQ(read.entries.size(), 2u);
  EXPECT_EQ(read.entries[0].line, 1);
  EXPECT_EQ(read.entries[1].line, 5);
  EXPECT_EQ(read.lines, 2);
  EXPECT_TRUE(read.findings.empty());
}

TEST(LogReader, AcceptsCrlfLineEndsAndALastLineWithoutNewline) {
  auto read = parse_log_lines("{\"a\":1}\r\n{\"b\":2}");
  ASSERT_EQ(read.entries.size(), 2u);
  EXPECT_EQ(read.entries[1].fields["b"], 2);
  EXPECT_TRUE(read.findings.empty());
}

TEST(LogReader, ReportsLinesThatAreNotJsonObjectsWithTheirLineNumbers) {
  auto read = parse_log_lines(
      "{\"ok\":true}\n"
      "started on port 8080\n"
      "[1,2]\n"
      "\"text\"\n"
      "{\"unterminated\": \n"
      "42\n");
  EXPECT_EQ(read.entries.size(), 1u);
  EXPECT_EQ(read.lines, 6);
  EXPECT_EQ(finding_texts(read), (std::vector<std::string>{
                                     "line 2: not valid JSON (error at column 1)",
                                     "line 3: is a JSON array, expected an object",
                                     "line 4: is a JSON string, expected an object",
                                     "line 5: not valid JSON (error at column 18)",
                                     "line 6: is a JSON number, expected an object",
                                 }));
  for (const auto& finding : read.findings) EXPECT_EQ(finding.rule, LogRule::json);
}

TEST(LogReader, BoundsLongLinesWithoutParsingThem) {
  ReadLimits limits;
  limits.max_line_bytes = 20;
  auto read = parse_log_lines("{\"msg\":\"a long message here\"}\n{\"m\":1}\n", limits);
  EXPECT_EQ(read.entries.size(), 1u);
  EXPECT_EQ(finding_texts(read),
            std::vector<std::string>{"line 1: is 29 bytes long, more than the limit of 20"});
}

TEST(LogReader, RejectsDeepNestingBeforeTheParserRecursesIntoIt) {
  std::string deep(100'000, '[');
  auto read = parse_log_lines(deep + "\n{\"s\":\"[[[[\"}\n");
  EXPECT_EQ(read.entries.size(), 1u);  // brackets inside a string do not count
  EXPECT_EQ(finding_texts(read), std::vector<std::string>{
                                     "line 1: is 100000 bytes long, more than the limit of 65536"});
  ReadLimits limits;
  limits.max_nesting = 3;
  auto shallow = parse_log_lines("{\"a\":{\"b\":{\"c\":{}}}}\n", limits);
  EXPECT_EQ(finding_texts(shallow),
            std::vector<std::string>{"line 1: nested deeper than 3 levels"});
}

TEST(LogReader, MissingFileIsAnErrorNamingIt) {
  auto read = read_log_file("/nonexistent/app.log");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().message,
            "cannot open log file '/nonexistent/app.log': No such file or directory");
}

TEST(LogReader, FileOverTheByteLimitIsCutAtALineAndSaysSo) {
  std::string path = testing::TempDir() + "logs_reader_cut.jsonl";
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n";
  }
  ReadLimits limits;
  limits.max_total_bytes = 20;  // cuts inside line 3
  auto read = read_log_file(path, limits);
  std::remove(path.c_str());
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_TRUE(read->truncated);
  EXPECT_EQ(read->entries.size(), 2u);
  EXPECT_EQ(finding_texts(*read), std::vector<std::string>{"line 3: log cut at 20 bytes"});
}

// Found by fuzz/log_lines: nlohmann refuses a number beyond double's range with
// out_of_range, not parse_error, which escaped the reader and ended the process.
TEST(LogReader, ANumberBeyondDoubleRangeIsAFindingNotACrash) {
  auto read = parse_log_lines("{\"level\":\"info\",\"elapsed\":476e901}\n{\"level\":\"info\"}\n");
  EXPECT_EQ(read.entries.size(), 1u);
  EXPECT_EQ(read.lines, 2);
  EXPECT_EQ(finding_texts(read),
            std::vector<std::string>{"line 1: not valid JSON (a number is out of range)"});
}

}  // namespace
}  // namespace glassbox::probes::logs

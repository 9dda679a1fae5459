#include "reports/model/results_json.hpp"

#include <gtest/gtest.h>

#include "reports/writers/writer.hpp"
#include "tests/reports/fake_results.hpp"
#include "tests/reports/test_files.hpp"

namespace glassbox::reports {
namespace {

using testing::fake_results;
using testing::TempDir;

std::string error_of(const Value& json) {
  const Expected<RunResults> r = results_from_json(json);
  return r.ok() ? "(no error)" : r.error().message;
}

TEST(ResultsJson, RoundTripKeepsEveryField) {
  const RunResults original = fake_results();
  const Value json = to_json(original);
  const Expected<RunResults> read = results_from_json(json);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(to_json(*read), json);
  EXPECT_EQ(read->seed, original.seed);
  EXPECT_EQ(read->latency, original.latency);
  EXPECT_EQ(read->latency_by_request, original.latency_by_request);
  EXPECT_EQ(read->cases[1].exchange.response_body, original.cases[1].exchange.response_body);
}

TEST(ResultsJson, WritesTheDerivedTotals) {
  const Value json = to_json(fake_results());
  EXPECT_EQ(json["totals"], (Value{{"cases", 6}, {"passed", 2}, {"failed", 2}, {"errors", 1}, {"skipped", 1}}));
  EXPECT_EQ(json["schema_version"], 1);
  EXPECT_EQ(json["tool"], (Value{{"name", "glassbox"}, {"version", "0.1.0"}}));
}

TEST(ResultsJson, HistogramKeepsBucketsAndConvenienceCopies) {
  const Value h = to_json(fake_results())["latency"]["by_request"]["orders/create"];
  EXPECT_EQ(h["unit"], "us");
  EXPECT_EQ(h["sub_bucket_bits"], 7);
  EXPECT_EQ(h["count"], 2);
  EXPECT_EQ(h["min"], 30750);
  EXPECT_EQ(h["max"], 88000);
  EXPECT_EQ(h["p50"], 30847);  // highest value of the bucket [30720, 30848)
  EXPECT_EQ(h["p99"], 88000);
  EXPECT_EQ(h["buckets"], (Value{{1136, 1}, {1323, 1}}));
}

TEST(ResultsJson, RejectsAnUnknownOutcomeNamingItsPath) {
  Value json = to_json(fake_results());
  json["cases"][3]["outcome"] = "ok";
  EXPECT_EQ(error_of(json), "results.json: cases[3].outcome: expected one of passed, failed, error, skipped, got \"ok\"");
}

TEST(ResultsJson, RefusesANewerSchemaVersion) {
  Value json = to_json(fake_results());
  json["schema_version"] = 2;
  EXPECT_EQ(error_of(json), "results.json: schema_version 2 is newer than this glassbox understands (1)");
}

TEST(ResultsJson, NamesAMissingRequiredField) {
  Value json = to_json(fake_results());
  json["cases"][0].erase("id");
  EXPECT_EQ(error_of(json), "results.json: cases[0].id: required field is missing");
}

TEST(ResultsJson, NamesAMistypedNestedField) {
  Value json = to_json(fake_results());
  json["cases"][1]["exchange"]["response"]["status"] = "400";
  EXPECT_EQ(error_of(json), "results.json: cases[1].exchange.response.status: expected an integer from 0 to 999, got \"400\"");
}

TEST(ResultsJson, NamesABadHeaderPair) {
  Value json = to_json(fake_results());
  json["cases"][0]["exchange"]["request"]["headers"][1] = Value::array({"traceparent"});
  EXPECT_EQ(error_of(json),
            "results.json: cases[0].exchange.request.headers[1]: expected an array of 2 elements, got [\"traceparent\"]");
}

TEST(ResultsJson, NamesAHistogramWhoseCountDisagreesWithItsBuckets) {
  Value json = to_json(fake_results());
  json["latency"]["by_request"]["orders/create"]["count"] = 3;
  EXPECT_EQ(error_of(json), "results.json: latency.by_request[\"orders/create\"].count: 3 does not match the buckets' total 2");
}

TEST(ResultsJson, ReadsASeedWrittenAsADecimalString) {
  Value json = to_json(fake_results());
  json["run"]["seed"] = "18446744073709551615";
  const Expected<RunResults> read = results_from_json(json);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->seed, UINT64_MAX);
}

TEST(ResultsJson, RejectsANegativeSeed) {
  Value json = to_json(fake_results());
  json["run"]["seed"] = -1;
  EXPECT_EQ(error_of(json), "results.json: run.seed: expected an unsigned integer, got -1");
}

TEST(ResultsJson, IgnoresUnknownFieldsAndOmittedOptionalOnes) {
  const Value json = {{"schema_version", 1},
                      {"run", {{"suites", {"s"}}, {"future_field", true}}},
                      {"cases", {{{"id", "r/partitions/x"}, {"outcome", "passed"}}}}};
  const Expected<RunResults> read = results_from_json(json);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->cases.size(), 1u);
  EXPECT_EQ(read->cases[0].outcome, Outcome::Passed);
  EXPECT_EQ(read->latency.count(), 0u);
}

TEST(ResultsJson, CoverageRoundTripsWithItsGoals) {
  const RunResults original = fake_results();
  const Value json = to_json(original);
  ASSERT_EQ(json["coverage"]["totals"].size(), 3u);
  EXPECT_EQ(json["coverage"]["totals"][1],
            (Value{{"suite", "triangle"}, {"service", "eval-svc"}, {"kind", "branches"}, {"covered", 1},
                   {"declared", 2}, {"goal", 90.0}, {"percent", 50.0}, {"passed", false}}));
  EXPECT_TRUE(json["coverage"]["totals"][2]["goal"].is_null());
  EXPECT_EQ(json["coverage"]["items"][3]["declared"], false);
  const Expected<RunResults> read = results_from_json(json);
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read->coverage.size(), original.coverage.size());
  EXPECT_EQ(read->coverage[6].item, "classify.branch=<b>|x&y</b>");
  EXPECT_FALSE(read->coverage[6].declared);
  EXPECT_EQ(read->coverage[6].cases, original.coverage[6].cases);
  ASSERT_EQ(read->coverage_totals.size(), 3u);
  EXPECT_EQ(read->coverage_totals[1].goal, std::optional<double>(90.0));
  EXPECT_FALSE(read->coverage_totals[2].goal.has_value());
  EXPECT_FALSE(read->passed());
}

TEST(ResultsJson, ReadsAFileWithoutCoverage) {
  const Value json = {{"schema_version", 1}, {"run", Value::object()}, {"cases", Value::array()}};
  const Expected<RunResults> read = results_from_json(json);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_TRUE(read->coverage.empty());
  EXPECT_TRUE(read->coverage_totals.empty());
}

TEST(ResultsJson, NamesACoverageTotalCoveringMoreThanItDeclares) {
  const Value json = {{"schema_version", 1},
                      {"run", Value::object()},
                      {"cases", Value::array()},
                      {"coverage", {{"totals", {{{"kind", "branches"}, {"covered", 3}, {"declared", 2}}}}}}};
  EXPECT_EQ(error_of(json), "results.json: coverage.totals[0].covered: 3 is greater than declared 2");
}

TEST(ResultsJson, RejectsATopLevelThatIsNotAnObject) {
  EXPECT_EQ(error_of(Value::array({1, 2})), "results.json: expected a JSON object at the top level, got [1,2]");
}

TEST(ResultsFile, RewritingWhatTheJsonWriterWroteGivesTheSameFile) {
  const TempDir dir;
  ASSERT_TRUE(json_writer().write(fake_results(), dir / "first.json").ok());
  const Expected<RunResults> read = read_results_file(dir / "first.json");
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_TRUE(json_writer().write(*read, dir / "second.json").ok());
  EXPECT_EQ(testing::read_file(dir / "second.json"), testing::read_file(dir / "first.json"));
}

TEST(ResultsFile, InvalidUtf8FromAServiceIsWrittenAsReplacementCharacters) {
  const TempDir dir;
  ASSERT_TRUE(json_writer().write(fake_results(), dir / "results.json").ok());
  const Expected<RunResults> read = read_results_file(dir / "results.json");
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_NE(read->cases[1].exchange.response_body.find("bad byte \xef\xbf\xbd end"), std::string::npos);
}

TEST(ResultsFile, FieldErrorsNameTheFile) {
  const TempDir dir;
  Value json = to_json(fake_results());
  json["cases"][0]["outcome"] = 7;
  testing::write_file(dir / "shard-1.json", json.dump(-1, ' ', false, Value::error_handler_t::replace));
  const Expected<RunResults> read = read_results_file(dir / "shard-1.json");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().message,
            (dir / "shard-1.json").string() + ": cases[0].outcome: expected one of passed, failed, error, skipped, got 7");
}

TEST(ResultsFile, ReportsInvalidJsonWithTheBytePosition) {
  const TempDir dir;
  testing::write_file(dir / "broken.json", "{\"schema_version\": 1,,}");
  const Expected<RunResults> read = read_results_file(dir / "broken.json");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().message,
            (dir / "broken.json").string() +
                ": invalid JSON at byte 22: parse error at line 1, column 22: syntax error while parsing object key - "
                "unexpected ','; expected string literal");
}

// Found by fuzzing: nlohmann refuses a number beyond double's range with out_of_range, not
// parse_error, which escaped read_results_file and ended `glassbox report`.
TEST(ResultsFile, ReportsANumberBeyondDoubleRangeAsInvalidJson) {
  const TempDir dir;
  testing::write_file(dir / "huge.json", "{\"schema_version\": 1e999}");
  const Expected<RunResults> read = read_results_file(dir / "huge.json");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().message, (dir / "huge.json").string() + ": invalid JSON: number overflow parsing '1e999'");
}

TEST(ResultsFile, ReportsAMissingFile) {
  const Expected<RunResults> read = read_results_file("/nonexistent/results.json");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().message, "cannot read results file '/nonexistent/results.json': No such file or directory");
}

}  // namespace
}  // namespace glassbox::reports

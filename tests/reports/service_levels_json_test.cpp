// Results JSON of the service-level parts: round trips (fixed and random), the fixture file,
// compatibility with files that have none of them, and errors that name the bad field.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "reports/model/results_json.hpp"
#include "reports/writers/writer.hpp"
#include "tests/reports/fake_results.hpp"
#include "tests/reports/service_levels_fixture.hpp"
#include "tests/reports/test_files.hpp"

namespace glassbox::reports {
namespace {

using testing::service_level_run;

const std::filesystem::path kFixture = GLASSBOX_TEST_DATA "/results/service_levels.json";

std::string error_of(const Value& json) {
  const Expected<RunResults> r = results_from_json(json);
  return r.ok() ? "(no error)" : r.error().message;
}

TEST(ServiceLevelsJson, RoundTripKeepsEveryServiceLevelField) {
  const RunResults original = service_level_run();
  const Value json = to_json(original);
  const Expected<RunResults> read = results_from_json(Value::parse(json.dump()));
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(to_json(*read), json);
  ASSERT_EQ(read->load.size(), 1u);
  EXPECT_EQ(read->load[0].latency, original.load[0].latency);
  EXPECT_EQ(read->load[0].service_time, original.load[0].service_time);
  EXPECT_EQ(read->load[0].latency_by_request, original.load[0].latency_by_request);
  EXPECT_EQ(read->load[0].statuses, original.load[0].statuses);
  ASSERT_EQ(read->load[0].timeline.size(), 30u);
  EXPECT_EQ(read->load[0].timeline[13].errors, 15u);
  EXPECT_EQ(read->load[0].timeline[13].latency, original.load[0].timeline[13].latency);
  EXPECT_EQ(read->slos[2].verdict, Verdict::Warn);
  EXPECT_FALSE(read->slos[4].measured.has_value());
  EXPECT_EQ(read->error_budgets[0].windows[2].long_burn, std::optional<double>(1.4));
  EXPECT_FALSE(read->error_budgets[0].windows[0].long_burn.has_value());
  ASSERT_TRUE(read->comparison.has_value());
  EXPECT_TRUE(read->comparison->regressed());
  EXPECT_FALSE(read->logs[1].required);
  EXPECT_EQ(read->cases[1].log_lines[0].text, testing::kHostileLogText);
  EXPECT_FALSE(read->passed());
}

TEST(ServiceLevelsJson, WritesRatiosAsNumbersFromZeroToOneAndUnmeasuredAsNull) {
  const Value json = to_json(service_level_run());
  EXPECT_EQ(json["slos"][2]["measured"], 0.003);
  EXPECT_EQ(json["slos"][2]["verdict"], "warn");
  EXPECT_TRUE(json["slos"][4]["measured"].is_null());
  EXPECT_EQ(json["slos"][4]["verdict"], "not_measured");
  EXPECT_EQ(json["error_budgets"][0]["availability"], 0.995);
  EXPECT_EQ(json["load"][0]["error_rate"], 0.003);
  EXPECT_EQ(json["load"][0]["statuses"], (Value{{"0", 3}, {"200", 2000}, {"201", 3982}, {"503", 15}}));
  EXPECT_EQ(json["load"][0]["latency"]["count"], 6000);
  EXPECT_EQ(json["load"][0]["by_request"]["checkout/get_order"]["requests"], 2010);
  EXPECT_EQ(json["comparison"]["regressed"], true);
  EXPECT_EQ(json["logs"][0]["passed"], false);
}

TEST(ServiceLevelsJson, ARunWithoutServiceLevelsWritesNoneOfTheirSections) {
  const Value json = to_json(testing::fake_results());
  for (const char* key : {"load", "golden_signals", "slos", "error_budgets", "comparison", "logs"})
    EXPECT_FALSE(json.contains(key)) << key;
  EXPECT_FALSE(json["cases"][0].contains("log_lines"));
}

TEST(ServiceLevelsJson, AFileWithoutServiceLevelsStillLoads) {
  const Value json = {{"schema_version", 1},
                      {"run", {{"suites", {"s"}}}},
                      {"cases", {{{"id", "r/partitions/x"}, {"outcome", "passed"}}}}};
  const Expected<RunResults> read = results_from_json(json);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_TRUE(read->load.empty());
  EXPECT_TRUE(read->slos.empty());
  EXPECT_FALSE(read->comparison.has_value());
  EXPECT_TRUE(read->cases[0].log_lines.empty());
}

TEST(ServiceLevelsJson, TheFixtureFileIsTheFixtureRun) {
  const std::string expected = to_json(service_level_run()).dump(2, ' ', false, Value::error_handler_t::replace) + "\n";
  const char* accept = std::getenv("GLASSBOX_ACCEPT_GOLDEN");
  if (accept && std::string_view(accept) == "1") {
    std::filesystem::create_directories(kFixture.parent_path());
    testing::write_file(kFixture, expected);
  }
  const Expected<RunResults> read = read_results_file(kFixture);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(to_json(*read), to_json(service_level_run()))
      << kFixture << " differs from service_level_run(); GLASSBOX_ACCEPT_GOLDEN=1 rewrites it";
}

TEST(ServiceLevelsJson, RejectsAnUnknownVerdictNamingItsPath) {
  Value json = to_json(service_level_run());
  json["slos"][1]["verdict"] = "ok";
  EXPECT_EQ(error_of(json), "results.json: slos[1].verdict: expected one of pass, warn, fail, not_measured, got \"ok\"");
}

TEST(ServiceLevelsJson, RejectsABurnWindowVerdictOfTheWrongType) {
  Value json = to_json(service_level_run());
  json["error_budgets"][0]["windows"][2]["verdict"] = true;
  EXPECT_EQ(error_of(json),
            "results.json: error_budgets[0].windows[2].verdict: expected one of pass, warn, fail, not_measured, got true");
}

TEST(ServiceLevelsJson, RejectsARatioAboveOne) {
  Value json = to_json(service_level_run());
  json["error_budgets"][0]["availability"] = 99.5;
  EXPECT_EQ(error_of(json), "results.json: error_budgets[0].availability: expected a ratio from 0 to 1, got 99.5");
}

TEST(ServiceLevelsJson, RejectsAPercentObjectiveWrittenAsPercentInsteadOfARatio) {
  Value json = to_json(service_level_run());
  json["slos"][3]["measured"] = 99.7;
  EXPECT_EQ(error_of(json), "results.json: slos[3].measured: expected a ratio from 0 to 1, got 99.7");
}

TEST(ServiceLevelsJson, RejectsAMeasuredValueThatIsNeitherANumberNorNull) {
  Value json = to_json(service_level_run());
  json["slos"][0]["measured"] = "310 ms";
  EXPECT_EQ(error_of(json), "results.json: slos[0].measured: expected a number or null, got \"310 ms\"");
}

TEST(ServiceLevelsJson, RejectsAnUnknownComparison) {
  Value json = to_json(service_level_run());
  json["slos"][0]["comparison"] = "<";
  EXPECT_EQ(error_of(json), "results.json: slos[0].comparison: expected \"<=\" or \">=\", got \"<\"");
}

TEST(ServiceLevelsJson, RejectsAStatusKeyThatIsNotAnHttpStatus) {
  Value json = to_json(service_level_run());
  json["load"][0]["statuses"]["OK"] = 1;
  EXPECT_EQ(error_of(json), "results.json: load[0].statuses[\"OK\"]: expected an HTTP status from 0 to 999 as the key");
}

TEST(ServiceLevelsJson, NamesATimelineHistogramWhoseCountDisagreesWithItsBuckets) {
  Value json = to_json(service_level_run());
  json["load"][0]["timeline"][4]["latency"]["count"] = 7;
  EXPECT_EQ(error_of(json), "results.json: load[0].timeline[4].latency.count: 7 does not match the buckets' total 200");
}

TEST(ServiceLevelsJson, NamesABadPerRequestHistogram) {
  Value json = to_json(service_level_run());
  json["load"][0]["by_request"]["checkout/get_order"]["latency"]["sub_bucket_bits"] = 0;
  EXPECT_EQ(error_of(json),
            "results.json: load[0].by_request[\"checkout/get_order\"].latency.sub_bucket_bits: expected an integer from 1 "
            "to 20, got 0");
}

TEST(ServiceLevelsJson, RejectsANegativeLogLineNumber) {
  Value json = to_json(service_level_run());
  json["cases"][1]["log_lines"][0]["line"] = -3;
  EXPECT_EQ(error_of(json), "results.json: cases[1].log_lines[0].line: expected an integer from 0 to 2147483647, got -3");
}

TEST(ServiceLevelsJson, RejectsAComparisonThatIsNotAnObject) {
  Value json = to_json(service_level_run());
  json["comparison"] = Value::array();
  EXPECT_EQ(error_of(json), "results.json: comparison: expected an object, got []");
}

TEST(ServiceLevelsJson, RejectsALogFindingThatIsNotAString) {
  Value json = to_json(service_level_run());
  json["logs"][0]["findings"][1] = 42;
  EXPECT_EQ(error_of(json), "results.json: logs[0].findings[1]: expected a string, got 42");
}

// ---- random round trips -------------------------------------------------------------------

rc::Gen<std::string> text() { return rc::gen::container<std::string>(rc::gen::inRange<char>(0x20, 0x7F)); }
rc::Gen<double> ratio() { return rc::gen::map(rc::gen::inRange(0, 1'000'001), [](int n) { return n / 1e6; }); }
rc::Gen<double> amount() { return rc::gen::map(rc::gen::inRange(-1'000'000, 1'000'000), [](int n) { return n / 64.0; }); }
rc::Gen<Verdict> verdict() {
  return rc::gen::element(Verdict::Pass, Verdict::Warn, Verdict::Fail, Verdict::NotMeasured);
}
template <typename T>
rc::Gen<std::optional<T>> maybe(rc::Gen<T> g) {
  return rc::gen::oneOf(rc::gen::just(std::optional<T>()), rc::gen::map(g, [](T v) { return std::optional<T>(v); }));
}

Histogram histogram(int bits) {
  Histogram h(bits);
  for (std::uint64_t v : *rc::gen::container<std::vector<std::uint64_t>>(rc::gen::inRange<std::uint64_t>(0, 5'000'000)))
    h.record(v);
  return h;
}

LoadResult load(int bits) {
  LoadResult l;
  l.suite = *text();
  l.profile = *text();
  l.model = *rc::gen::element<std::string>("open", "closed");
  l.planned_rate = *amount();
  l.duration_s = *amount();
  l.sent = *rc::gen::arbitrary<std::uint64_t>();
  l.completed = *rc::gen::arbitrary<std::uint64_t>();
  l.errors = *rc::gen::arbitrary<std::uint64_t>();
  l.late = *rc::gen::arbitrary<std::uint64_t>();
  l.statuses = *rc::gen::container<std::map<int, std::uint64_t>>(rc::gen::inRange(0, 1000), rc::gen::arbitrary<std::uint64_t>());
  l.error_kinds = *rc::gen::container<std::map<std::string, std::uint64_t>>(text(), rc::gen::arbitrary<std::uint64_t>());
  l.latency = histogram(bits);
  l.service_time = histogram(bits);
  for (const std::string& key : *rc::gen::container<std::vector<std::string>>(text())) {
    if (*rc::gen::arbitrary<bool>()) l.latency_by_request[key] = histogram(bits);
    if (*rc::gen::arbitrary<bool>()) l.requests_by_request[key] = *rc::gen::arbitrary<std::uint64_t>();
    if (*rc::gen::arbitrary<bool>()) l.errors_by_request[key] = *rc::gen::arbitrary<std::uint64_t>();
  }
  const int intervals = *rc::gen::inRange(0, 4);
  for (int i = 0; i < intervals; ++i)
    l.timeline.push_back({static_cast<double>(i), *rc::gen::arbitrary<std::uint64_t>(), *rc::gen::arbitrary<std::uint64_t>(),
                          histogram(bits)});
  l.interrupted = *rc::gen::arbitrary<bool>();
  return l;
}

SloResult slo() {
  SloResult s;
  s.suite = *text();
  s.slo = *text();
  s.objective = *text();
  s.source = *text();
  s.scope = *text();
  s.verdict = *verdict();
  s.unit = *rc::gen::element<std::string>("ms", "%", "/s", "");
  s.measured = *maybe(s.unit == "%" ? ratio() : amount());
  s.threshold = s.unit == "%" ? *ratio() : *amount();
  s.comparison = *rc::gen::element<std::string>("<=", ">=", "");
  s.margin = *maybe(amount());
  s.samples = *rc::gen::arbitrary<std::uint64_t>();
  s.message = *text();
  return s;
}

ErrorBudgetResult budget() {
  ErrorBudgetResult b;
  b.suite = *text();
  b.availability = *ratio();
  b.budget = *ratio();
  b.period = *text();
  b.requests = *rc::gen::arbitrary<std::uint64_t>();
  b.errors = *rc::gen::arbitrary<std::uint64_t>();
  b.error_rate = *ratio();
  b.burn_rate = *amount();
  b.consumed = *amount();
  const int windows = *rc::gen::inRange(0, 4);
  for (int i = 0; i < windows; ++i)
    b.windows.push_back({*text(), *text(), *amount(), *maybe(amount()), *maybe(amount()), *text(), *verdict(), *text()});
  b.verdict = *verdict();
  b.message = *text();
  return b;
}

RunResults random_service_levels() {
  RunResults r;
  const int bits = *rc::gen::inRange(1, 9);
  const int loads = *rc::gen::inRange(0, 3);
  for (int i = 0; i < loads; ++i) r.load.push_back(load(bits));
  const int golden = *rc::gen::inRange(0, 3);
  for (int i = 0; i < golden; ++i)
    r.golden_signals.push_back({*text(), *text(), *rc::gen::arbitrary<std::uint64_t>(), *amount(), *amount(), *amount(),
                                *amount(), *ratio(), *amount(), *maybe(amount()), *text()});
  const int slos = *rc::gen::inRange(0, 5);
  for (int i = 0; i < slos; ++i) r.slos.push_back(slo());
  const int budgets = *rc::gen::inRange(0, 3);
  for (int i = 0; i < budgets; ++i) r.error_budgets.push_back(budget());
  if (*rc::gen::arbitrary<bool>()) {
    Comparison c{*text(), *text(), *text(), {}};
    const int items = *rc::gen::inRange(0, 4);
    for (int i = 0; i < items; ++i)
      c.items.push_back({*text(), *text(), *text(), *text(), *text(), *text(), *rc::gen::arbitrary<bool>()});
    r.comparison = c;
  }
  const int logs = *rc::gen::inRange(0, 3);
  for (int i = 0; i < logs; ++i) {
    LogResult l;
    l.suite = *text();
    l.name = *text();
    l.origin = *text();
    l.required = *rc::gen::arbitrary<bool>();
    l.lines = *rc::gen::inRange(0, 1000);
    l.valid = *rc::gen::inRange(0, 1000);
    l.invalid = *rc::gen::inRange(0, 1000);
    l.correlated = *rc::gen::inRange(0, 1000);
    l.uncorrelated = *rc::gen::inRange(0, 1000);
    l.findings = *rc::gen::container<std::vector<std::string>>(text());
    l.error = *text();
    r.logs.push_back(std::move(l));
  }
  CaseResult c;
  c.id = "r/partitions/x";
  c.outcome = Outcome::Passed;
  const int lines = *rc::gen::inRange(0, 3);
  for (int i = 0; i < lines; ++i) c.log_lines.push_back({*rc::gen::inRange(0, 100000), *text(), *text()});
  r.cases.push_back(std::move(c));
  return r;
}

RC_GTEST_PROP(ServiceLevelsJsonProperty, EveryServiceLevelFieldSurvivesTheTextRoundTrip, ()) {
  const RunResults original = random_service_levels();
  const Value json = to_json(original);
  const Expected<RunResults> read = results_from_json(Value::parse(json.dump()));
  RC_ASSERT(read.ok());
  RC_ASSERT(to_json(*read) == json);
  RC_ASSERT(read->load.size() == original.load.size());
  for (std::size_t i = 0; i < original.load.size(); ++i) {
    RC_ASSERT(read->load[i].latency == original.load[i].latency);
    RC_ASSERT(read->load[i].latency_by_request == original.load[i].latency_by_request);
    RC_ASSERT(read->load[i].requests_by_request == original.load[i].requests_by_request);
    RC_ASSERT(read->load[i].errors_by_request == original.load[i].errors_by_request);
  }
  RC_ASSERT(read->passed() == original.passed());
}

RC_GTEST_PROP(ServiceLevelsJsonProperty, MergingOnePartKeepsItsServiceLevels, ()) {
  const RunResults original = random_service_levels();
  const Expected<RunResults> merged = merge_results({original});
  RC_ASSERT(merged.ok());
  RC_ASSERT(to_json(*merged) == to_json(original));
}

}  // namespace
}  // namespace glassbox::reports

// OpenSLO v1 files as SLO definitions: what maps onto glassbox's SLOs, and the errors, with
// the OpenSLO file's line and column, for what does not.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "tests/loader/loader_test_support.hpp"

namespace glassbox::loader {
namespace {

using suite::ObjectiveKind;
using suite::SliSource;
using testing::with_env;

const std::string kData = std::string(GLASSBOX_TEST_DATA) + "/openslo";

std::string suite_with(const std::string& slos) {
  return "suite: s\ntargets: {demo: builtin:demo}\nrequests: {health: {path: /healthz}}\n" + slos;
}

// A suite in tests/data/openslo, so its `openslo:` paths are relative to that folder.
Expected<suite::Suite> load_in_data(const std::string& slos) {
  return load_suite_text(suite_with(slos), kData + "/suite.yaml", with_env());
}

// A folder of its own for OpenSLO files written by one test.
class OpensloFiles final {
 public:
  OpensloFiles() {
    std::string pattern = (std::filesystem::temp_directory_path() / "glassbox-openslo-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
  }
  ~OpensloFiles() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  OpensloFiles(const OpensloFiles&) = delete;
  OpensloFiles& operator=(const OpensloFiles&) = delete;

  // The error of a suite beside `text` (as slo.yaml) that reads it, with the folder shown as
  // DIR; "loaded" when it loads.
  std::string error_of(const std::string& text, const std::string& item = "{openslo: slo.yaml}") {
    std::ofstream(dir_ + "/slo.yaml") << text;
    auto loaded = load_suite_text(suite_with("slos: [" + item + "]\n"), dir_ + "/suite.yaml", with_env());
    if (loaded) return "loaded";
    std::string shown = loaded.error().to_string();
    for (std::size_t at = shown.find(dir_); at != std::string::npos; at = shown.find(dir_))
      shown.replace(at, dir_.size(), "DIR");
    return shown;
  }

 private:
  std::string dir_;
};

TEST(LoaderOpenslo, RatioMetricsBecomeAvailabilityOnAnErrorRateQuery) {
  auto loaded = load_in_data("slos: [{openslo: availability.yaml}]\n");
  ASSERT_TRUE(loaded) << loaded.error().to_string();
  ASSERT_EQ(loaded->slos.size(), 2u);

  const suite::Slo& orders = loaded->slos[0];
  EXPECT_EQ(orders.name, "orders-availability");
  EXPECT_EQ(orders.description, "Orders are accepted") << "displayName stands in for a missing description";
  EXPECT_EQ(orders.source, SliSource::Metrics);
  EXPECT_EQ(orders.origin, kData + "/availability.yaml");
  EXPECT_EQ(orders.where.file, kData + "/availability.yaml");
  EXPECT_EQ(orders.where.line, 11);
  EXPECT_EQ(orders.metric.query_url, "http://prometheus:9090");
  EXPECT_EQ(orders.metric.error_rate_query,
            "1 - (sum(increase(http_requests_total{route=\"/orders\",code!~\"5..\"}[{{window}}])) or vector(0)) / "
            "(sum(increase((sum(http_requests_total{route=\"/orders\"}))[{{window}}:])))")
      << "counters are taken as their increase over the run";
  ASSERT_EQ(orders.objectives.size(), 1u);
  EXPECT_EQ(orders.objectives[0].kind, ObjectiveKind::Availability);
  EXPECT_DOUBLE_EQ(orders.objectives[0].threshold, 0.995);
  EXPECT_EQ(orders.objectives[0].where.line, 40);

  const suite::Slo& triangle = loaded->slos[1];
  EXPECT_EQ(triangle.name, "triangle-availability");
  EXPECT_EQ(triangle.description, "Triangles are classified");
  EXPECT_EQ(triangle.metric.query_url, "http://prometheus.monitoring:9090") << "from the DataSource";
  EXPECT_EQ(triangle.metric.error_rate_query,
            "(sum(rate(http_requests_total{route=\"/triangle\",code=~\"5..\"}[{{window}}]))) / "
            "(sum(rate(http_requests_total{route=\"/triangle\"}[{{window}}])))");
  ASSERT_EQ(triangle.objectives.size(), 1u);
  EXPECT_DOUBLE_EQ(triangle.objectives[0].threshold, 0.999);
}

TEST(LoaderOpenslo, ThresholdMetricsBecomeLatencyPercentiles) {
  auto loaded = load_in_data("slos: [{openslo: latency.yaml}]\n");
  ASSERT_TRUE(loaded) << loaded.error().to_string();
  ASSERT_EQ(loaded->slos.size(), 2u);

  const suite::Slo& triangle = loaded->slos[0];
  EXPECT_EQ(triangle.metric.query_url, "http://prometheus:9090") << "from the annotation";
  EXPECT_EQ(triangle.metric.histogram, "http_server_duration_seconds");
  EXPECT_EQ(triangle.metric.selector, "route=\"/triangle\"");
  EXPECT_TRUE(triangle.metric.latency_query.empty());
  EXPECT_DOUBLE_EQ(triangle.metric.unit_to_ms, 1000);
  ASSERT_EQ(triangle.objectives.size(), 2u);
  EXPECT_EQ(triangle.objectives[0].kind, ObjectiveKind::Latency);
  EXPECT_DOUBLE_EQ(triangle.objectives[0].quantile, 0.99);
  EXPECT_DOUBLE_EQ(triangle.objectives[0].threshold, 300);
  EXPECT_EQ(triangle.objectives[0].name(), "p99 latency");
  EXPECT_DOUBLE_EQ(triangle.objectives[1].quantile, 0.5);
  EXPECT_DOUBLE_EQ(triangle.objectives[1].threshold, 50);

  const suite::Slo& orders = loaded->slos[1];
  EXPECT_EQ(orders.metric.latency_query,
            "histogram_quantile(0.95, sum by (le) (rate(orders_latency_milliseconds_bucket[{{window}}])))");
  EXPECT_DOUBLE_EQ(orders.metric.unit_to_ms, 1) << "the unit of the metric the query names";
  EXPECT_DOUBLE_EQ(orders.objectives[0].threshold, 250);
}

TEST(LoaderOpenslo, TheSuitesItemOverridesTheUrlAndTheUnit) {
  auto loaded =
      load_in_data("slos: [{openslo: latency.yaml, query: \"http://${env:PROM:-localhost:9090}\", unit: ms}]\n");
  ASSERT_TRUE(loaded) << loaded.error().to_string();
  EXPECT_EQ(loaded->slos[0].metric.query_url, "http://localhost:9090");
  EXPECT_DOUBLE_EQ(loaded->slos[0].objectives[0].threshold, 0.3) << "value 0.3 in milliseconds";
}

TEST(LoaderOpenslo, OpensloSlosMixWithSuiteSlosAndNamesStayUnique) {
  auto mixed = load_in_data("slos:\n  - {name: fast, objectives: {latency: {p99: 1s}}}\n  - {openslo: latency.yaml}\n");
  ASSERT_TRUE(mixed) << mixed.error().to_string();
  EXPECT_EQ(mixed->slos.size(), 3u);

  auto twice = load_in_data("slos:\n  - {openslo: latency.yaml}\n  - {openslo: latency.yaml}\n");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().to_string(), kData +
                                           "/latency.yaml:3:1: SLO 'triangle-latency' is defined twice in 'slos' "
                                           "(first at line 3)");

  auto clash =
      load_in_data("slos:\n  - {name: orders-p95, objectives: {latency: {p99: 1s}}}\n  - {openslo: latency.yaml}\n");
  ASSERT_FALSE(clash);
  EXPECT_EQ(clash.error().to_string(), kData +
                                           "/latency.yaml:31:1: SLO 'orders-p95' is defined twice in 'slos' "
                                           "(first at " +
                                           kData + "/suite.yaml:5:5)");
}

// The OpenSLO file shown in docs/suite-format.md is not a suite, so the docs test skips it.
TEST(LoaderOpenslo, TheReferencesExampleFileLoads) {
  std::ifstream in(std::string(GLASSBOX_SOURCE_DIR) + "/docs/suite-format.md");
  std::string line, block;
  while (std::getline(in, line) && !line.starts_with("An OpenSLO file (")) {
  }
  while (std::getline(in, line) && line != "```") {
  }
  while (std::getline(in, line) && line != "```") block += line + "\n";
  ASSERT_NE(block.find("kind: SLO"), std::string::npos) << "the example was not found";
  OpensloFiles files;
  EXPECT_EQ(files.error_of(block), "loaded");
}

TEST(LoaderOpenslo, FileErrorsPointAtTheSuite) {
  auto missing = load_in_data("slos: [{openslo: nowhere.yaml}]\n");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().to_string(), kData + "/suite.yaml:4:18: cannot read OpenSLO file '" + kData +
                                             "/nowhere.yaml': No such file or directory");
  OpensloFiles files;
  EXPECT_EQ(files.error_of("apiVersion: openslo/v1\nkind: Service\nmetadata: {name: a}\n"),
            "DIR/suite.yaml:4:18: OpenSLO file 'DIR/slo.yaml' holds no 'kind: SLO' document");
  EXPECT_EQ(files.error_of("kind: SLO\n", "{openslo: slo.yaml, unit: h}"),
            "DIR/suite.yaml:4:34: 'unit' must be s or ms, got 'h'");
  EXPECT_EQ(files.error_of("kind: SLO\n", "{openslo: slo.yaml, url: x}"),
            "DIR/suite.yaml:4:28: unknown key 'url' in an openslo item (allowed keys: openslo, query, unit)");
}

// A valid SLO whose parts a test replaces: `{indicator}` and `{objectives}` are substituted.
std::string slo_document(const std::string& indicator, const std::string& objectives) {
  std::string text = R"(apiVersion: openslo/v1
kind: SLO
metadata: {name: s}
spec:
  indicator:
INDICATOR
  objectives:
OBJECTIVES
)";
  text.replace(text.find("INDICATOR"), 9, indicator);
  text.replace(text.find("OBJECTIVES"), 10, objectives);
  return text;
}

const std::string kRatio = R"(    metadata: {name: r}
    spec:
      ratioMetric:
        bad: {metricSource: {type: Prometheus, spec: {url: "http://p:9090", query: errors}}}
        total: {metricSource: {type: Prometheus, spec: {query: total}}})";
const std::string kThreshold = R"(    metadata: {name: t}
    spec:
      thresholdMetric: {metricSource: {type: Prometheus, spec: {url: "http://p:9090", query: latency_seconds}}})";

TEST(LoaderOpenslo, WhatDoesNotMapIsAnErrorNamingTheOpensloField) {
  OpensloFiles files;
  struct Case {
    std::string text;
    std::string error;
  };
  const Case cases[] = {
      {"apiVersion: openslo/v1alpha\nkind: SLO\n",
       "DIR/slo.yaml:1:13: 'apiVersion' 'openslo/v1alpha' is not supported: glassbox reads openslo/v1"},
      {"kind: SLO\n", "DIR/slo.yaml:1:1: an OpenSLO document needs 'apiVersion: openslo/v1'"},
      {"apiVersion: openslo/v1\nkind: Slo\n", "DIR/slo.yaml:2:7: unknown OpenSLO kind 'Slo' (did you mean 'SLO'?)"},
      {"apiVersion: openslo/v1\nkind: SLO\nspec: {}\n", "DIR/slo.yaml:1:1: an OpenSLO SLO needs 'metadata.name'"},
      {"apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: s}\nspc: {}\n",
       "DIR/slo.yaml:4:1: unknown key 'spc' in an OpenSLO document (did you mean 'spec'?)"},
      {"apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: s}\nspec:\n  budgetingMethod: Slices\n",
       "DIR/slo.yaml:5:20: unknown 'budgetingMethod' 'Slices' (methods: Occurrences, Timeslices, RatioTimeslices)"},
      {"apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: s}\nspec:\n  objectives: []\n",
       "DIR/slo.yaml:5:3: OpenSLO SLO 's' needs one of 'spec.indicator' or 'spec.indicatorRef'"},
      {"apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: s}\nspec: {indicatorRef: nope}\n",
       "DIR/slo.yaml:4:22: unknown SLI 'nope' in 'indicatorRef' (this file has none)"},
      {slo_document(kRatio, "    - {target: 0.99, op: lte}"),
       "DIR/slo.yaml:12:22: 'op' and 'value' apply to thresholdMetric indicators"},
      {slo_document(kRatio, "    - {target: 1}"),
       "DIR/slo.yaml:12:7: 'target' of a ratioMetric objective must be below 1 (1 allows no error at all)"},
      {slo_document(kRatio, "    - {target: 99.9}"),
       "DIR/slo.yaml:12:16: 'target' must be a ratio above 0 and at most 1, got '99.9'"},
      {slo_document(kRatio, "    - {targetPercent: 99%}"),
       "DIR/slo.yaml:12:23: 'targetPercent' must be above 0 and at most 100, got '99%'"},
      {slo_document(kRatio, "    - {displayName: x}"),
       "DIR/slo.yaml:12:7: an objective of OpenSLO SLO 's' needs 'target' (e.g. 0.999)"},
      {slo_document(kRatio, "    - {target: 0.9, indicatorRef: other}"),
       "DIR/slo.yaml:12:21: 'objectives[].indicatorRef' (a composite SLO) is not supported"},
      {slo_document(kThreshold, "    - {target: 0.99, op: gte, value: 1}"),
       "DIR/slo.yaml:10:26: 'op' 'gte' is not supported: glassbox reads thresholdMetric objectives as latency upper "
       "bounds (lte, lt)"},
      {slo_document(kThreshold, "    - {target: 0.99}"),
       "DIR/slo.yaml:10:7: a thresholdMetric objective needs 'op' (lte or lt) and 'value'"},
      {slo_document(kThreshold, "    - {target: 0.99, op: lte, value: 0}"),
       "DIR/slo.yaml:10:38: 'value' must be a number above 0, got '0'"},
      {slo_document(R"(    metadata: {name: t}
    spec:
      thresholdMetric: {metricSource: {type: Prometheus, spec: {url: "http://p:9090", query: latency}}})",
                    "    - {target: 0.99, op: lte, value: 1}"),
       "DIR/slo.yaml:8:24: cannot tell the unit of the 'thresholdMetric' query (no metric in it ends in _seconds or "
       "_milliseconds): add unit: s or unit: ms to the openslo item of the suite"},
      {slo_document(R"(    metadata: {name: t}
    spec:
      thresholdMetric: {metricSource: {type: Datadog, spec: {query: latency_seconds}}})",
                    "    - {target: 0.99, op: lte, value: 1}"),
       "DIR/slo.yaml:8:46: 'thresholdMetric.metricSource.type' 'Datadog' is not supported: glassbox reads Prometheus "
       "metric sources"},
      {slo_document(R"(    metadata: {name: t}
    spec:
      thresholdMetric: {metricSource: {type: Prometheus, spec: {query: latency_seconds}}})",
                    "    - {target: 0.99, op: lte, value: 1}"),
       "DIR/slo.yaml:1:1: OpenSLO SLO 's' names no Prometheus URL: add query: URL to the openslo item of the suite, "
       "'url' to the metricSource spec, or the annotation glassbox/prometheus-url"},
      {slo_document(R"(    metadata: {name: r}
    spec:
      ratioMetric:
        rawType: success
        raw: {metricSource: {type: Prometheus, spec: {query: ratio}}})",
                    "    - {target: 0.99}"),
       "DIR/slo.yaml:10:9: 'ratioMetric.raw' is not supported: give 'good' or 'bad', and 'total', as Prometheus "
       "queries"},
      {slo_document(R"(    metadata: {name: r}
    spec:
      ratioMetric:
        good: {metricSource: {type: Prometheus, spec: {query: good}}}
        bad: {metricSource: {type: Prometheus, spec: {query: bad}}}
        total: {metricSource: {type: Prometheus, spec: {query: total}}})",
                    "    - {target: 0.99}"),
       "DIR/slo.yaml:9:9: 'ratioMetric' needs one of 'good' or 'bad'"},
      {slo_document(R"(    metadata: {name: r}
    spec:
      ratioMetric:
        bad: {metricSource: {metricSourceRef: prom, spec: {query: bad}}}
        total: {metricSource: {metricSourceRef: prom, spec: {query: total}}})",
                    "    - {target: 0.99}"),
       "DIR/slo.yaml:9:47: unknown DataSource 'prom' in 'metricSourceRef' (this file has none)"},
      {"apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: s\n",
       "DIR/slo.yaml:4:1: YAML syntax error: end of map flow not found"},
  };
  for (const Case& c : cases) EXPECT_EQ(files.error_of(c.text), c.error) << c.text;
  EXPECT_EQ(files.error_of(slo_document(kThreshold, "    - {target: 0.99, op: lte, value: 0.25}")), "loaded");
}

}  // namespace
}  // namespace glassbox::loader

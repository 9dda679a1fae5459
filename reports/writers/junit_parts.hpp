// Pieces the JUnit writer's files share (private to reports/writers): number and time
// formats, the run's <properties>, and the service-level testsuites (junit_service_levels.cpp).
//
// Pure functions of their arguments; thread-safe on distinct writers.
#pragma once

#include <string>

#include "reports/model/results.hpp"
#include "reports/writers/xml_writer.hpp"

namespace glassbox::reports::junit {

std::string seconds(double s);                          // "0.125"
std::string junit_timestamp(const std::string& rfc3339);  // "2024-05-06T07:08:09" or ""
void write_properties(XmlWriter& xml, const RunResults& results);

struct Counts {
  int tests = 0, failures = 0, skipped = 0;
};
// What the service-level testsuites add to the <testsuites> totals.
Counts service_level_counts(const RunResults& results);
// <testsuite name="slos"> (one testcase per SLO objective, per error budget and per burn
// window), <testsuite name="regressions"> (one per compared item) and <testsuite name="logs">
// (one per log); each only when the run has such results.
void write_service_level_suites(XmlWriter& xml, const RunResults& results);

}  // namespace glassbox::reports::junit

// A fixed, fake beta run with every service-level part filled in: a load phase with a stall
// (timeline, histograms, statuses), golden signals, SLO verdicts of every kind, an error
// budget with burn windows, a comparison with regressions, log checks and cases with log
// lines. Text a service or a log controls carries markup, so writers' escaping is tested on
// it. tests/data/results/service_levels.json is this run as results JSON
// (GLASSBOX_ACCEPT_GOLDEN=1 rewrites it).
#pragma once

#include "reports/model/results.hpp"

namespace glassbox::reports::testing {

inline constexpr const char* kHostileLogText = "<script>alert('log')</script> & \"quoted\"";
inline constexpr const char* kHostileFinding = "line 42: <img src=x onerror=alert(1)>";
inline constexpr const char* kHostileSloMessage = "no samples for <b>throughput</b> & \"scope\"";

RunResults service_level_run();

}  // namespace glassbox::reports::testing

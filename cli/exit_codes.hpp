// The exit codes of DESIGN.md's CLI contract, in one place.
#pragma once

namespace glassbox::cli {

enum ExitCode : int {
  kPassed = 0,          // every case, coverage goal and SLO passed
  kFailed = 1,          // a case, coverage goal or SLO failed (or errored mid-run)
  kUsage = 2,           // bad command line or a broken suite
  kInfrastructure = 3,  // cannot bind, or a target refuses connections before any case is sent
  kInterrupted = 130,   // SIGINT; the partial report is still written
};

}  // namespace glassbox::cli

#!/usr/bin/env bash
# Covering-array sizes against the best known (bench/covering/README.md).
#   bench/covering/run.sh [--seed N] [--effort UNITS] [--only MODEL]
# Builds the benchmark (Release, in build-bench/ unless COVERING_BUILD_DIR is set; with
# COVERING_JOBS parallel jobs, ninja's default otherwise) and prints the table. Exits 1
# when an array fails the independent coverage check.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${COVERING_BUILD_DIR:-build-bench}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGLASSBOX_BENCH=ON -DGLASSBOX_TEST_DIRS="" >/dev/null
ninja -C "$build" ${COVERING_JOBS:+-j "$COVERING_JOBS"} glassbox_covering_bench >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/bench/covering/glassbox_covering_bench" "$@"

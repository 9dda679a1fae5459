#!/bin/sh
# Accepts the current output of the report writers as the approved golden files
# (tests/data/golden/). Review the diff afterwards: `git diff tests/data/golden`.
#
# Usage: scripts/accept-golden.sh [BUILD_DIR]   (default: build)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}

cmake --build "$build" --target reports_test
GLASSBOX_ACCEPT_GOLDEN=1 "$build/tests/reports/reports_test" --gtest_filter='Golden.*'
# Run once more without accepting, to show the approved files now match.
"$build/tests/reports/reports_test" --gtest_filter='Golden.*'
git -C "$root" --no-pager diff --stat -- tests/data/golden || true

#!/usr/bin/env bash
# Builds and tests glassbox under a sanitizer: scripts/sanitize.sh asan|tsan [--unit] [ctest args...]
#
#   asan  AddressSanitizer + UndefinedBehaviorSanitizer (+ LeakSanitizer), in build-asan/: every
#         test, the end-to-end scripts included (they then run the sanitized glassbox binary);
#         with --unit, every unit and property test but no end-to-end script (what CI runs).
#   tsan  ThreadSanitizer, only the tests that run threads (HTTP probe, OTLP/HTTP receiver,
#         runner, load engine), in build-tsan/; the rest is single-threaded and would only cost
#         time. The gRPC receiver is not among them: Debian's gRPC is not built with TSan, which
#         then reports false races all through it (tests/tsan.supp says more).
#
# The build types and flags are the presets of CMakePresets.json: -O0 with line tables only
# (-g1), which compiles faster than a release build and still names file and line in every
# report. JOBS (default 2) sets the build and test parallelism; GLASSBOX_TEST_DIRS
# (";"-separated tests/ folders) narrows the tests that are built. Any finding fails the test
# that made it: ASan and TSan halt on the first error, and UBSan is built without recovery.
set -euo pipefail
cd "$(dirname "$0")/.."

kind=${1:-}
case $kind in
  asan|tsan) shift ;;
  *) echo "usage: $0 asan|tsan [--unit] [ctest args...]" >&2; exit 2 ;;
esac
unit_only=""
if [[ ${1:-} == --unit ]]; then unit_only=1; shift; fi
jobs=${JOBS:-2}
root=$PWD
started=$SECONDS

# The concurrent tests, by their CTest names (ctest -N in build-tsan lists them).
tsan_tests='^(probes_http_test|receiver_test|runner_test|load_test)$'
tsan_dirs='probes;receiver;runner;load'
# Every test folder of tests/CMakeLists.txt's default list but the end-to-end ones.
unit_dirs=$(sed -nE 's/^set\(GLASSBOX_TEST_DIRS "([^"]*)".*/\1/p' tests/CMakeLists.txt | tr ';' '\n' |
  grep -vxE 'e2e|cli' | paste -sd';')
[[ -n $unit_dirs ]] || { echo "$0: cannot read the test folders from tests/CMakeLists.txt" >&2; exit 2; }

configure_args=()
ctest_args=()
if [[ $kind == tsan ]]; then
  configure_args+=(-DGLASSBOX_TEST_DIRS="${GLASSBOX_TEST_DIRS:-$tsan_dirs}")
  ctest_args+=(-R "$tsan_tests")
elif [[ -n ${GLASSBOX_TEST_DIRS:-} ]]; then
  configure_args+=(-DGLASSBOX_TEST_DIRS="$GLASSBOX_TEST_DIRS")   # a subset, e.g. "model;loader"
elif [[ -n $unit_only ]]; then
  configure_args+=(-DGLASSBOX_TEST_DIRS="$unit_dirs")
else
  configure_args+=(-UGLASSBOX_TEST_DIRS)   # back to every folder if an earlier run chose some
fi

cmake --preset "$kind" "${configure_args[@]}" >/dev/null
cmake --build --preset "$kind" --parallel "$jobs"
echo "sanitize.sh $kind: built in $((SECONDS - started)) s"

export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export LSAN_OPTIONS="print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:history_size=4:suppressions=$root/tests/tsan.supp${TSAN_OPTIONS:+:$TSAN_OPTIONS}"

# Sanitized code runs 2-15 times slower: tests/CMakeLists.txt gives its tests three times as long.
status=0
ctest --preset "$kind" -j "$jobs" "${ctest_args[@]}" "$@" || status=$?
echo "sanitize.sh $kind: built and tested in $((SECONDS - started)) s"
exit $status

#!/usr/bin/env bash
# Builds the libFuzzer targets with clang into build-fuzz/ and runs each for a while:
#   fuzz/run.sh [SECONDS] [TARGET...]     (default 600 s each; every target when none named)
# Targets are the file names in fuzz/ (suite_loader, otlp_json, ...). Each run starts from
# the seeds in fuzz/corpus/<target>/ and the working corpus build-fuzz/corpus/<target>/,
# where it adds what it finds; crashing inputs go to fuzz/crashes/<target>/ (not versioned). One line per target at the end: executions,
# coverage, corpus size and crashes. Exits 1 if any target crashed.
#   JOBS        build parallelism (default 2)
#   SKIP_BUILD  set to 1 to run the binaries already in build-fuzz/
# Needs clang and its runtimes (Debian: clang, libclang-rt-14-dev).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=$root/build-fuzz

seconds=600
if [[ ${1:-} =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=(suite_loader otlp_protobuf otlp_json zipkin_json prometheus traceparent assertions results_json log_lines)
fi
command -v clang++ >/dev/null || { echo "fuzz/run.sh: clang++ not found (apt-get install clang)" >&2; exit 2; }

if [[ -z ${SKIP_BUILD:-} ]]; then
  generator=(); command -v ninja >/dev/null && generator=(-G Ninja)
  # -O1 with line tables only: stack traces still name the line, and the build is several
  # times quicker than -O2 -g. Assertions stay on: a failed assert is a finding.
  cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
    -DGLASSBOX_SANITIZE=address,undefined -DGLASSBOX_FUZZ=ON -DGLASSBOX_TESTS=OFF >/dev/null
  cmake --build "$build" --parallel "${JOBS:-2}" --target "${targets[@]/#/fuzz_}"
fi

export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

summary=()
status=0
for target in "${targets[@]}"; do
  # The seeds under fuzz/corpus/ stay as they are (small, versioned); what the fuzzer
  # finds goes to a working corpus in build-fuzz/, which the next run starts from.
  seeds=$here/corpus/$target
  corpus=$build/corpus/$target
  crashes=$here/crashes/$target
  log=$build/fuzz-$target.log
  mkdir -p "$corpus" "$crashes"
  echo "== $target: $seconds s (log: $log)"
  # -fork=1 keeps fuzzing after a crash, so one run can find more than one; the crash
  # inputs land in the crash folder either way.
  "$build/fuzz/fuzz_$target" "$corpus" "$seeds" -max_total_time="$seconds" -rss_limit_mb=2048 \
    -timeout=25 -fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1 \
    -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1 || true
  # Fork mode reports "#N ... cov: C ft: F corp: K/S"; the last such line is the final state.
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  runs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$last")
  cov=$(sed -nE 's/.*cov: ([0-9]+).*/\1/p' <<<"$last")
  corp=$(sed -nE 's/.*corp: ([0-9]+).*/\1/p' <<<"$last")
  found=$(find "$crashes" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'oom-*' -o -name 'timeout-*' \) | wc -l)
  ((found == 0)) || status=1
  summary+=("$(printf '%-14s %5ss  runs %-10s cov %-6s corpus %-6s crashes %s' \
    "$target" "$seconds" "${runs:-?}" "${cov:-?}" "${corp:-?}" "$found")")
done
printf '%s\n' "${summary[@]}"
exit $status

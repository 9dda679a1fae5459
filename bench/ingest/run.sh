#!/usr/bin/env bash
# Span receiver ingest benchmark, several runs and their medians (bench/README.md).
#   bench/ingest/run.sh [RUNS] [BENCH OPTIONS...]     e.g. bench/ingest/run.sh 3 --stages
# RUNS defaults to 3; the options go to glassbox_ingest_bench (--spans N, --batch N,
# --connections N, --receiver-cpu N, --stages, --seed N). The bench pins the receiver's
# thread to one CPU itself. Exits 1 when any run lost a span or saw a failed request.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=3
if [[ ${1:-} =~ ^[0-9]+$ ]]; then runs=$1; shift; fi
bench=${INGEST_BENCH:-build/bench/ingest/glassbox_ingest_bench}
if [[ ! -x $bench ]]; then
  echo "build the benchmark first (Release), or point INGEST_BENCH= at it:" >&2
  echo "  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DGLASSBOX_BENCH=ON && cmake --build build --target glassbox_ingest_bench" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
for run in $(seq 1 "$runs"); do
  echo "== run $run of $runs (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  if ! "$bench" "$@" | tee "$work/run-$run.out"; then failed=1; fi
done

# The medians of the two throughput figures over the runs.
python3 - "$work" "$runs" <<'PY'
import re, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
wall, cpu = [], []
for run in range(1, runs + 1):
    text = open(f"{work}/run-{run}.out").read()
    if m := re.search(r"wall [0-9.]+ s: ([0-9,]+) spans/s", text):
        wall.append(int(m.group(1).replace(",", "")))
    if m := re.search(r"([0-9,]+) spans per CPU-second", text):
        cpu.append(int(m.group(1).replace(",", "")))
if wall and cpu:
    print(f"== median of {len(wall)} run(s): {statistics.median(wall):,.0f} spans/s (wall), "
          f"{statistics.median(cpu):,.0f} spans per receiver CPU-second")
PY
exit $failed

#!/usr/bin/env bash
# The load engine next to wrk, against the same nginx (Debian, one worker) serving a small
# JSON file on loopback, with the same connections, in the same run.
#   bench/load/run.sh [REQUESTS] [CONNECTIONS]
# wrk -t1 -cCONNECTIONS runs for 10 s; glassbox_load_bench runs a closed profile of
# REQUESTS requests (1,000,000) over CONNECTIONS workers (32) with run_load, under
# /usr/bin/time -v for its peak RSS. Prints both throughputs, the ratio and the targets
# (peak RSS < 64 MiB, throughput >= 0.8x wrk). LOAD_BENCH= points at another build.
set -euo pipefail
cd "$(dirname "$0")/../.."
requests=${1:-1000000}
connections=${2:-32}
bench=${LOAD_BENCH:-./build-load-release/bench/load/glassbox_load_bench}
[[ -x $bench ]] || { echo "build it first: cmake -S . -B build-load-release -DCMAKE_BUILD_TYPE=Release -DGLASSBOX_BENCH=ON && ninja -C build-load-release glassbox_load_bench"; exit 2; }
source bench/lib.sh
bench_start_nginx
url="$bench_base_url/data.json"

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk_out=$(bench_wrk "$url" "$connections")
read -r wrk_rps wrk_cpu_us <<<"$wrk_out"
echo "wrk -t1 -c$connections -d10s: $wrk_rps requests/s, $wrk_cpu_us CPU µs/request"

if [[ -x /usr/bin/time ]]; then
  /usr/bin/time -v "$bench" "$url" "$requests" "$connections" >"$bench_work/bench.out" 2>"$bench_work/time.out"
  rss_kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$bench_work/time.out")
else
  "$bench" "$url" "$requests" "$connections" >"$bench_work/bench.out"
  rss_kib=$(awk '/^peak_rss_kib/ {print $2}' "$bench_work/bench.out")
fi
cat "$bench_work/bench.out"
gb_rps=$(awk '/^requests_per_s/ {print $2}' "$bench_work/bench.out")
gb_cpu_us=$(awk '/^cpu_us_per_request/ {print $2}' "$bench_work/bench.out")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "| client | requests/s | client CPU µs/request | peak RSS |"
echo "| --- | ---: | ---: | ---: |"
echo "| wrk -t1 -c$connections (10 s) | $wrk_rps | $wrk_cpu_us | |"
echo "| glassbox_load_bench $requests requests, $connections workers | $gb_rps | $gb_cpu_us | $((rss_kib / 1024)) MiB |"
python3 - "$gb_rps" "$wrk_rps" "$rss_kib" "$gb_cpu_us" "$wrk_cpu_us" <<'PY'
import sys
ratio = float(sys.argv[1]) / float(sys.argv[2])
rss_mib = int(sys.argv[3]) / 1024
print(f"| ratio glassbox/wrk | {ratio:.2f}x | {float(sys.argv[4]) / float(sys.argv[5]):.2f}x | |")
print(f"throughput target >= 0.8x wrk: {'met' if ratio >= 0.8 else 'NOT met'}; "
      f"peak RSS target < 64 MiB: {'met' if rss_mib < 64 else 'NOT met'}")
PY

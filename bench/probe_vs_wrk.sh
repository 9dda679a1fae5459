#!/usr/bin/env bash
# Probe throughput next to wrk, against the same nginx (Debian) serving a small JSON file
# on loopback, with the same number of connections, in the same run.
#   bench/probe_vs_wrk.sh [REQUESTS] [CONNECTIONS]
# Prints requests/s and client CPU seconds per request for both, and the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-200000}
connections=${2:-32}
glassbox=${GLASSBOX:-./build/cli/glassbox}
[[ -x $glassbox ]] || { echo "build glassbox first (scripts/build.sh)"; exit 2; }
source bench/lib.sh
bench_start_nginx

# measure NAME CMD...: wall seconds and client CPU seconds (user+sys of the child) as "wall cpu".
measure() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
t = time.monotonic()
subprocess.run(sys.argv[1:], check=False, stdout=open("/dev/null", "w") if "glassbox" in sys.argv[1] else None)
wall = time.monotonic() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{wall:.3f} {ru.ru_utime + ru.ru_stime:.3f}")
PY
}

url=$bench_base_url
wrk_out=$(bench_wrk "$url/data.json" "$connections")
read -r wrk_rps wrk_cpu_us <<<"$wrk_out"

read -r gb_wall gb_cpu <<<"$(BENCH_URL=$url measure "$glassbox" run bench/probe-suite.yaml --repeat "$requests" --concurrency "$connections" -q --no-color)"
gb_rps=$(python3 -c "print(f'{$requests / $gb_wall:.0f}')")
gb_cpu_us=$(python3 -c "print(f'{$gb_cpu / $requests * 1e6:.2f}')")

echo "| client | requests/s | client CPU µs/request |"
echo "| --- | ---: | ---: |"
echo "| wrk -t1 -c$connections (10 s) | $wrk_rps | $wrk_cpu_us |"
echo "| glassbox run --repeat $requests --concurrency $connections | $gb_rps | $gb_cpu_us |"
python3 -c "print(f'| ratio glassbox/wrk | {$gb_rps / $wrk_rps:.2f}x | {$gb_cpu_us / $wrk_cpu_us:.2f}x |')"

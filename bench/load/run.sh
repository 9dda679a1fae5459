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
command -v nginx >/dev/null || PATH=$PATH:/usr/sbin
command -v wrk >/dev/null || { echo "wrk is not installed"; exit 2; }

work=$(mktemp -d)
trap 'kill $(cat "$work/nginx.pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/www" "$work/tmp"
echo '{"status":"ok","items":[1,2,3],"name":"glassbox"}' >"$work/www/data.json"
user_line=""; [[ $(id -u) -eq 0 ]] && user_line="user root;"
cat >"$work/nginx.conf" <<CONF
$user_line
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 10000000;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  types { application/json json; }
  server { listen 127.0.0.1:$port backlog=1024; root $work/www; }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"
for _ in $(seq 50); do [[ -s $work/nginx.pid ]] && break; sleep 0.1; done
url="http://127.0.0.1:$port/data.json"

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# wrk with one thread: run_load drives all connections from one thread too.
# Also wrk's CPU time (user + system, getrusage) per request: on a shared machine the
# wall-clock rates move with the load, the CPU cost per request much less.
read -r wrk_rps wrk_cpu_us < <(python3 - "$url" "$connections" <<'PY'
import resource, subprocess, sys
out = subprocess.run(["wrk", "-t1", f"-c{sys.argv[2]}", "-d10s", sys.argv[1]], capture_output=True, text=True).stdout
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
total = next(int(l.split()[0]) for l in out.splitlines() if "requests in" in l)
rps = next(float(l.split()[1]) for l in out.splitlines() if l.startswith("Requests/sec"))
print(f"{rps:.0f} {(ru.ru_utime + ru.ru_stime) / total * 1e6:.2f}")
PY
)
echo "wrk -t1 -c$connections -d10s: $wrk_rps requests/s, $wrk_cpu_us CPU µs/request"

if [[ -x /usr/bin/time ]]; then
  /usr/bin/time -v "$bench" "$url" "$requests" "$connections" >"$work/bench.out" 2>"$work/time.out"
  rss_kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.out")
else
  "$bench" "$url" "$requests" "$connections" >"$work/bench.out"
  rss_kib=$(awk '/^peak_rss_kib/ {print $2}' "$work/bench.out")
fi
cat "$work/bench.out"
gb_rps=$(awk '/^requests_per_s/ {print $2}' "$work/bench.out")
gb_cpu_us=$(awk '/^cpu_us_per_request/ {print $2}' "$work/bench.out")
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

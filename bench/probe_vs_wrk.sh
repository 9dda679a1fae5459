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
command -v nginx >/dev/null || PATH=$PATH:/usr/sbin

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
  keepalive_requests 1000000;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  types { application/json json; }
  server { listen 127.0.0.1:$port backlog=1024; root $work/www; }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"
sleep 0.3

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

url="http://127.0.0.1:$port"
# wrk with one thread: the glassbox probe drives all connections from one thread too.
wrk_out=$(python3 - "$url/data.json" "$connections" <<'PY'
import resource, subprocess, sys, time
t = time.monotonic()
out = subprocess.run(["wrk", "-t1", f"-c{sys.argv[2]}", "-d10s", sys.argv[1]], capture_output=True, text=True).stdout
wall = time.monotonic() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
total = next(int(l.split()[0]) for l in out.splitlines() if "requests in" in l)
rps = next(float(l.split()[1]) for l in out.splitlines() if l.startswith("Requests/sec"))
print(f"{rps:.0f} {(ru.ru_utime + ru.ru_stime) / total * 1e6:.2f}")
PY
)
read -r wrk_rps wrk_cpu_us <<<"$wrk_out"

read -r gb_wall gb_cpu <<<"$(BENCH_URL=$url measure "$glassbox" run bench/probe-suite.yaml --repeat "$requests" --concurrency "$connections" -q --no-color)"
gb_rps=$(python3 -c "print(f'{$requests / $gb_wall:.0f}')")
gb_cpu_us=$(python3 -c "print(f'{$gb_cpu / $requests * 1e6:.2f}')")

echo "| client | requests/s | client CPU µs/request |"
echo "| --- | ---: | ---: |"
echo "| wrk -t1 -c$connections (10 s) | $wrk_rps | $wrk_cpu_us |"
echo "| glassbox run --repeat $requests --concurrency $connections | $gb_rps | $gb_cpu_us |"
python3 -c "print(f'| ratio glassbox/wrk | {$gb_rps / $wrk_rps:.2f}x | {$gb_cpu_us / $wrk_cpu_us:.2f}x |')"

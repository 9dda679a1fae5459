# Shared by the benchmark scripts that measure a client against nginx (source it):
#   bench_start_nginx         starts nginx (Debian, one worker, keep-alive without limit)
#                             serving /data.json (a small JSON file) on a free loopback port;
#                             sets $bench_work (a temporary folder, removed with nginx on exit)
#                             and $bench_base_url (http://127.0.0.1:PORT)
#   bench_wrk URL CONNECTIONS wrk -t1 -cCONNECTIONS for 10 s; prints "requests/s CPU-µs/request"
# One wrk thread, since glassbox drives all its connections from one thread too. The CPU time
# per request (user + system, getrusage) moves much less with a shared machine's load than
# the rate does.

bench_start_nginx() {
  command -v nginx >/dev/null || PATH=$PATH:/usr/sbin
  command -v nginx >/dev/null || { echo "nginx is not installed (apt-get install nginx)" >&2; exit 2; }
  bench_work=$(mktemp -d)
  trap 'kill $(cat "$bench_work/nginx.pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$bench_work"' EXIT
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  mkdir -p "$bench_work/www" "$bench_work/tmp"
  echo '{"status":"ok","items":[1,2,3],"name":"glassbox"}' >"$bench_work/www/data.json"
  local user_line=""
  [[ $(id -u) -eq 0 ]] && user_line="user root;"
  cat >"$bench_work/nginx.conf" <<CONF
$user_line
worker_processes 1;
pid $bench_work/nginx.pid;
error_log $bench_work/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 10000000;
  client_body_temp_path $bench_work/tmp; proxy_temp_path $bench_work/tmp; fastcgi_temp_path $bench_work/tmp;
  uwsgi_temp_path $bench_work/tmp; scgi_temp_path $bench_work/tmp;
  types { application/json json; }
  server { listen 127.0.0.1:$port backlog=1024; root $bench_work/www; }
}
CONF
  nginx -c "$bench_work/nginx.conf" -p "$bench_work"
  for _ in $(seq 50); do [[ -s $bench_work/nginx.pid ]] && break; sleep 0.1; done
  bench_base_url="http://127.0.0.1:$port"
}

bench_wrk() {
  command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
  python3 - "$1" "$2" <<'PY'
import resource, subprocess, sys
out = subprocess.run(["wrk", "-t1", f"-c{sys.argv[2]}", "-d10s", sys.argv[1]], capture_output=True, text=True).stdout
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
total = next(int(l.split()[0]) for l in out.splitlines() if "requests in" in l)
rps = next(float(l.split()[1]) for l in out.splitlines() if l.startswith("Requests/sec"))
print(f"{rps:.0f} {(ru.ru_utime + ru.ru_stime) / total * 1e6:.2f}")
PY
}

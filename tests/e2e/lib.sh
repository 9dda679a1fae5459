# Shared helpers for the end-to-end tests. Each test sources this file, gets a scratch
# folder in $WORK (removed on exit, with every server it started), and calls `fail` with
# a message on the first broken expectation.
set -euo pipefail

: "${GLASSBOX:?GLASSBOX must point at the built binary}"
: "${GLASSBOX_SOURCE_DIR:?GLASSBOX_SOURCE_DIR must point at the source tree}"
SRC=$GLASSBOX_SOURCE_DIR
SCHEMA="$SRC/../shared/schemas/jenkins-junit.xsd"
WORK=$(mktemp -d)
PIDS=()
export NO_COLOR=1

cleanup() {
  for pid in "${PIDS[@]+"${PIDS[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]+"${PIDS[@]}"}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  for f in "$WORK"/*.out "$WORK"/*.err; do
    [[ -f $f ]] && { echo "--- $f" >&2; tail -n 40 "$f" >&2; }
  done
  exit 1
}

# run_glassbox NAME ARGS...: runs the binary, stdout/stderr to $WORK/NAME.out/.err, sets $status.
run_glassbox() {
  local name=$1; shift
  set +e
  "$GLASSBOX" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
  status=$?
  set -e
}

expect_status() {  # expect_status WANT WHAT
  [[ $status -eq $1 ]] || fail "$2: exit status $status, expected $1"
}

expect_contains() {  # expect_contains FILE TEXT
  grep -qF -- "$2" "$1" || fail "$1 does not contain: $2"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# wait_for_port PORT: until something accepts on 127.0.0.1:PORT (10 s at most).
wait_for_port() {
  for _ in $(seq 1 200); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.05
  done
  fail "nothing listens on 127.0.0.1:$1"
}

# validate_junit FILE: against Jenkins' JUnit schema when it is beside the clone.
validate_junit() {
  if [[ -f $SCHEMA ]]; then
    xmllint --noout --schema "$SCHEMA" "$1" 2>"$WORK/xmllint.err" || fail "$1 is not valid JUnit: $(cat "$WORK/xmllint.err")"
  else
    xmllint --noout "$1" || fail "$1 is not well-formed XML"
  fi
}

# json_get FILE EXPR: a value from a JSON file (python3 is the JSON tool every machine has).
json_get() {
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

# start_nginx SERVER_DIRECTIVES: nginx from Debian in the foreground (stopped on exit),
# serving $WORK/www on a free loopback port, set in $NGINX_PORT. Not in $(...): the server
# must be a child of the test's shell for the cleanup to stop it. SERVER_DIRECTIVES go inside
# the server block; "%PORT%" in them is replaced, e.g. "listen 127.0.0.1:%PORT% ssl; ...".
start_nginx() {
  command -v nginx >/dev/null || PATH=$PATH:/usr/sbin
  command -v nginx >/dev/null || fail "nginx is not installed (scripts/install-deps.sh installs it)"
  local port directives user_line=""
  port=$(free_port)
  directives=${1:-"listen 127.0.0.1:%PORT%;"}
  directives=${directives//%PORT%/$port}
  mkdir -p "$WORK/www" "$WORK/nginx-tmp"
  [[ $(id -u) -eq 0 ]] && user_line="user root;"   # workers must read the scratch folder
  cat >"$WORK/nginx.conf" <<CONF
$user_line
worker_processes 1;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx-tmp; proxy_temp_path $WORK/nginx-tmp; fastcgi_temp_path $WORK/nginx-tmp;
  uwsgi_temp_path $WORK/nginx-tmp; scgi_temp_path $WORK/nginx-tmp;
  types { application/json json; }
  server { $directives root $WORK/www; }
}
CONF
  nginx -c "$WORK/nginx.conf" -p "$WORK" >"$WORK/nginx.out" 2>&1 &
  PIDS+=($!)
  wait_for_port "$port"
  NGINX_PORT=$port
}

# start_otel_service PROTOCOL ENDPOINT NAME: the test service on the real OpenTelemetry JS SDK
# (tests/e2e/otel-service, installed by scripts/install-deps.sh) on a free port, exported as
# $OTEL_APP_PORT, sending its spans with PROTOCOL (http/protobuf, http/json, grpc) to ENDPOINT;
# its output goes to $WORK/service-NAME.out. The SDK's exporter retries a refused connection,
# so the service may start before the run's receiver listens on the port agreed in ENDPOINT.
start_otel_service() {
  local protocol=$1 endpoint=$2 name=$3
  local service="$SRC/tests/e2e/otel-service"
  [[ -d $service/node_modules/@opentelemetry/sdk-trace-node ]] \
    || fail "run scripts/install-deps.sh first: the OpenTelemetry SDK is not installed"
  OTEL_APP_PORT=$(free_port)
  PORT=$OTEL_APP_PORT OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=$protocol OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=$endpoint \
    node "$service/server.js" >"$WORK/service-$name.out" 2>&1 &
  PIDS+=($!)
  wait_for_port "$OTEL_APP_PORT"
  # The port opens before the service prints its start-up line: give the line a moment.
  for _ in $(seq 50); do grep -qF "spans over $protocol to" "$WORK/service-$name.out" && break; sleep 0.1; done
  expect_contains "$WORK/service-$name.out" "spans over $protocol to"
}

# triangle_suite NAME PORT: a suite (on stdout) of robust boundary cases against the test
# service's POST /triangle on PORT; callers may append requests and sections.
triangle_suite() {
  cat <<YAML
suite: $1
targets:
  api: http://127.0.0.1:$2
inputs:
  a: {type: int, min: 1, max: 200}
  b: {type: int, min: 1, max: 200}
  c: {type: int, min: 1, max: 200}
requests:
  classify:
    method: POST
    path: /triangle
    body: {a: "{{a}}", b: "{{b}}", c: "{{c}}"}
    expect: {status: 200, json: {/kind: {exists: true}}}
    expect_invalid: {status: 400}
    techniques: [{technique: boundaries, form: robust}]
YAML
}

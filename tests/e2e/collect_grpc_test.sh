# glassbox collect --listen-grpc: a real gRPC client (grpc-js, installed with the otel-service's
# npm packages) exports OTLP protobuf over gRPC, plain and gzip'd, beside an OTLP/HTTP export;
# both receivers write to the one JSON lines file. Malformed bytes get INVALID_ARGUMENT; a
# busy gRPC port is an infrastructure error (exit 3).
source "$(dirname "$0")/lib.sh"

FIXTURES="$SRC/tests/data/fixtures"
[[ -f $FIXTURES/manifest.json ]] || FIXTURES="$SRC/../shared/fixtures"
grpc_js="$SRC/tests/e2e/otel-service/node_modules/@grpc/grpc-js"
[[ -d $grpc_js ]] || fail "run scripts/install-deps.sh first: @grpc/grpc-js (with the OpenTelemetry SDK) is not installed"
command -v curl >/dev/null || fail "curl is not installed"

spans_in() {  # spans_in FILE: the span count the manifest gives for a fixture
  json_get "$FIXTURES/manifest.json" "[p['spans'] for p in d['payloads'] if p['file'] == '$1'][0]"
}

# export.js PORT FILE [gzip]: one TraceService/Export call with FILE's bytes as the request;
# prints "code=N message=..." (N = the gRPC status code).
cat >"$WORK/export.js" <<'JS'
const grpc = require(process.env.GRPC_JS);
const fs = require('fs');
const [port, file, compression] = process.argv.slice(2);
const options = compression === 'gzip' ? { 'grpc.default_compression_algorithm': 2 } : {};
const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), options);
client.makeUnaryRequest('/opentelemetry.proto.collector.trace.v1.TraceService/Export', (b) => b, (b) => b,
  fs.readFileSync(file), { deadline: Date.now() + 10000 }, (error) => {
    console.log(error ? `code=${error.code} message=${error.details}` : 'code=0 message=');
    client.close();
  });
JS
grpc_export() {  # grpc_export WANT_CODE FILE [gzip]
  local got
  got=$(GRPC_JS=$grpc_js node "$WORK/export.js" "$grpc_port" "$2" "${3:-}")
  [[ $got == "code=$1 "* ]] || fail "gRPC export of $(basename "$2") ${3:-}: $got, expected code $1"
  reply=$got
}

grpc_port=$(free_port)
out="$WORK/spans.jsonl"
"$GLASSBOX" collect --listen 127.0.0.1:0 --listen-grpc "127.0.0.1:$grpc_port" --out "$out" \
  >"$WORK/collect.out" 2>"$WORK/collect.err" &
collect_pid=$!
PIDS+=("$collect_pid")
wait_for_port "$grpc_port"
expect_contains "$WORK/collect.out" "glassbox collect listening on http://127.0.0.1:$grpc_port (OTLP/gRPC)"
http_port=$(sed -n 's|^glassbox collect listening on http://127.0.0.1:\([0-9]*\) (OTLP/HTTP.*|\1|p' "$WORK/collect.out")
[[ -n $http_port ]] || fail "collect did not print the OTLP/HTTP port"

grpc_export 0 "$FIXTURES/triangle.otlp.pb"
grpc_export 0 "$FIXTURES/nextdate.otlp.pb" gzip
printf '\x0a\xff\xff\xff\x0f not protobuf' >"$WORK/malformed.pb"
grpc_export 3 "$WORK/malformed.pb"
[[ $reply == "code=3 message=malformed OTLP protobuf body" ]] || fail "malformed export: $reply"
got=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Content-Type: application/x-protobuf" \
  --data-binary "@$FIXTURES/discount.otlp.pb" "http://127.0.0.1:$http_port/v1/traces")
[[ $got == 200 ]] || fail "OTLP/HTTP export beside gRPC: HTTP $got"

kill -INT "$collect_pid"
set +e; wait "$collect_pid"; status=$?; set -e
expect_status 0 "collect after SIGINT"
expected=$(( $(spans_in triangle.otlp.pb) + $(spans_in nextdate.otlp.pb) + $(spans_in discount.otlp.pb) ))
lines=$(wc -l <"$out")
[[ $lines -eq $expected ]] || fail "$out has $lines lines, expected $expected"
expect_contains "$WORK/collect.out" "glassbox collect: 4 requests, $expected spans accepted, 0 rejected"

# A busy gRPC port is an infrastructure error; a bad --listen-grpc a usage error. (Another
# port: the one collect used may still be in TIME_WAIT.)
busy_port=$(free_port)
python3 -c 'import socket,sys,time; s=socket.socket(); s.bind(("127.0.0.1",int(sys.argv[1]))); s.listen(1); time.sleep(30)' \
  "$busy_port" &
PIDS+=($!)
wait_for_port "$busy_port"
run_glassbox busy collect --listen 127.0.0.1:0 --listen-grpc "127.0.0.1:$busy_port" --out "$WORK/busy.jsonl"
expect_status 3 "collect on a busy gRPC port"
expect_contains "$WORK/busy.err" "glassbox: cannot listen on 127.0.0.1:$busy_port: address already in use"
run_glassbox badlisten collect --listen 127.0.0.1:0 --listen-grpc "localhost:4317" --out "$WORK/bad.jsonl"
expect_status 2 "collect --listen-grpc with a host name"
expect_contains "$WORK/badlisten.err" "--listen-grpc 'localhost:4317' is not IP:PORT (e.g. 127.0.0.1:4317)"
run_glassbox help collect --help
expect_status 0 "collect --help"
expect_contains "$WORK/help.out" "--listen-grpc"
echo "collect_grpc_test: ok"

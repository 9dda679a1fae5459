# glassbox collect: OTLP protobuf, JSON, gzip'd and Zipkin bodies are written to the JSON
# lines file; malformed and unknown bodies are refused; SIGINT stops it with a summary.
source "$(dirname "$0")/lib.sh"

FIXTURES="$SRC/tests/data/fixtures"
[[ -f $FIXTURES/manifest.json ]] || FIXTURES="$SRC/../shared/fixtures"
command -v curl >/dev/null || fail "curl is not installed"

spans_in() {  # spans_in FILE: the span count the manifest gives for a fixture
  json_get "$FIXTURES/manifest.json" "[p['spans'] for p in d['payloads'] if p['file'] == '$1'][0]"
}

port=$(free_port)
out="$WORK/spans.jsonl"
"$GLASSBOX" collect --listen "127.0.0.1:$port" --out "$out" >"$WORK/collect.out" 2>"$WORK/collect.err" &
collect_pid=$!
PIDS+=("$collect_pid")
wait_for_port "$port"
expect_contains "$WORK/collect.out" \
  "glassbox collect listening on http://127.0.0.1:$port (OTLP/HTTP /v1/traces, Zipkin /api/v2/spans)"

# post WANT PATH CONTENT_TYPE FILE [CURL ARGS...]: POSTs the file and checks the status.
post() {
  local want=$1 path=$2 type=$3 file=$4; shift 4
  local got
  got=$(curl -s -o "$WORK/reply.body" -w '%{http_code}' -X POST -H "Content-Type: $type" "$@" \
    --data-binary "@$file" "http://127.0.0.1:$port$path")
  [[ $got == "$want" ]] || fail "POST $path ($type, $(basename "$file")): HTTP $got, expected $want: $(cat "$WORK/reply.body")"
}

post 200 /v1/traces application/x-protobuf "$FIXTURES/triangle.otlp.pb"
post 200 /v1/traces "application/json; charset=utf-8" "$FIXTURES/discount.otlp.json"
[[ $(cat "$WORK/reply.body") == "{}" ]] || fail "OTLP/JSON success body is not {}: $(cat "$WORK/reply.body")"
gzip -c "$FIXTURES/nextdate.otlp.pb" >"$WORK/nextdate.otlp.pb.gz"
post 200 /v1/traces application/x-protobuf "$WORK/nextdate.otlp.pb.gz" -H "Content-Encoding: gzip"

cat >"$WORK/zipkin.json" <<'JSON'
[{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","id":"00f067aa0ba902b7","name":"get /","kind":"SERVER",
  "timestamp":1700000000000000,"duration":1500,"localEndpoint":{"serviceName":"web"}},
 {"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","id":"00f067aa0ba902b8","parentId":"00f067aa0ba902b7",
  "name":"db","timestamp":1700000000000100,"duration":900,"localEndpoint":{"serviceName":"web"}}]
JSON
post 202 /api/v2/spans application/json "$WORK/zipkin.json"

printf '{"resourceSpans": [' >"$WORK/malformed.json"
post 400 /v1/traces application/json "$WORK/malformed.json"
grep -qF '"code":3' "$WORK/reply.body" || fail "400 body is not a Status: $(cat "$WORK/reply.body")"
post 415 /v1/traces text/csv "$WORK/zipkin.json"

kill -INT "$collect_pid"
set +e; wait "$collect_pid"; status=$?; set -e
expect_status 0 "collect after SIGINT"

expected=$(( $(spans_in triangle.otlp.pb) + $(spans_in discount.otlp.json) + $(spans_in nextdate.otlp.pb) + 2 ))
lines=$(wc -l <"$out")
[[ $lines -eq $expected ]] || fail "$out has $lines lines, expected $expected"
python3 -c '
import json, sys
for line in open(sys.argv[1]):
    span = json.loads(line)
    assert len(span["trace_id"]) == 32 and len(span["span_id"]) == 16, line
' "$out" || fail "$out holds a line that is not a span"
expect_contains "$WORK/collect.out" "glassbox collect: 6 requests, $expected spans accepted, 0 rejected"

# A port in use is an infrastructure error; a bad --listen a usage error.
python3 -c 'import socket,sys,time; s=socket.socket(); s.bind(("127.0.0.1",int(sys.argv[1]))); s.listen(1); time.sleep(30)' \
  "$port" &
PIDS+=($!)
wait_for_port "$port"
run_glassbox busy collect --listen "127.0.0.1:$port" --out "$WORK/busy.jsonl"
expect_status 3 "collect on a busy port"
expect_contains "$WORK/busy.err" "cannot listen on 127.0.0.1:$port: address already in use"
run_glassbox badlisten collect --listen "localhost" --out "$WORK/bad.jsonl"
expect_status 2 "collect --listen without a port"
expect_contains "$WORK/badlisten.err" "--listen 'localhost' is not IP:PORT"
run_glassbox help collect --help
expect_status 0 "collect --help"
expect_contains "$WORK/help.out" "glassbox collect --listen 127.0.0.1:4318 --out spans.jsonl"
echo "collect_test: ok"

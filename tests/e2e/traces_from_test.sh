# --traces-from jaeger:URL: after the probes, each case's trace is fetched by its trace id from
# a Jaeger query API (here a stand-in on loopback that also serves the API under test).
source "$(dirname "$0")/lib.sh"

port=$(free_port)
# GET /hello answers the cases; GET /api/traces/<id> answers as Jaeger's query API does, with
# a server span whose parent is the span id the probe sent in traceparent (kept per trace id),
# and 404 for a trace it has not seen, as Jaeger does before the collector wrote it.
python3 - "$port" >"$WORK/backend.out" 2>&1 <<'PY' &
import http.server, json, sys
parents = {}
class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args): pass
    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def do_GET(self):
        if self.path.startswith("/hello"):
            _, trace_id, span_id, _ = self.headers["traceparent"].split("-")
            parents[trace_id] = span_id
            return self.reply(200, {"hello": "world"})
        trace_id = self.path.rsplit("/", 1)[-1]
        if not self.path.startswith("/api/traces/") or trace_id not in parents:
            return self.reply(404, {"data": None, "errors": [{"code": 404, "msg": "trace not found"}]})
        span = {"traceID": trace_id, "spanID": "00000000000000a1", "operationName": "GET /hello",
                "references": [{"refType": "CHILD_OF", "traceID": trace_id, "spanID": parents[trace_id]}],
                "startTime": 1700000000000000, "duration": 1500, "processID": "p1",
                "tags": [{"key": "span.kind", "type": "string", "value": "server"},
                         {"key": "http.response.status_code", "type": "int64", "value": 200}]}
        self.reply(200, {"data": [{"traceID": trace_id, "spans": [span],
                                   "processes": {"p1": {"serviceName": "hello-svc", "tags": []}}}]})
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
PY
PIDS+=($!)
wait_for_port "$port"

cat >"$WORK/hello.yaml" <<YAML
suite: hello
targets:
  api: http://127.0.0.1:$port
inputs:
  n: {type: int, min: 1, max: 100}
requests:
  hello:
    path: /hello?n={{n}}
    expect: {status: 200, json: {/hello: world}}
    techniques: [{technique: boundaries, form: normal}]
YAML
run_glassbox run run "$WORK/hello.yaml" --traces-from "jaeger:http://127.0.0.1:$port" --json "$WORK/results.json"
expect_status 0 "a run with --traces-from"
expect_contains "$WORK/run.err" "traces from jaeger:http://127.0.0.1:$port: 5 of 5 complete"
[[ $(json_get "$WORK/results.json" 'd["telemetry"]["matched"]') -eq 5 ]] || fail "expected one span per case"
good=$(json_get "$WORK/results.json" \
  'sum(1 for c in d["cases"] if len(c["spans"]) == 1 and c["spans"][0]["service"] == "hello-svc" and c["spans"][0]["place"] == "probe_child" and c["spans"][0]["parent_span_id"] == c["attempts"][-1]["span_id"])')
[[ $good -eq 5 ]] || fail "only $good of 5 cases got their trace from the Jaeger API"

run_glassbox bad run "$WORK/hello.yaml" --traces-from "zipkin:http://127.0.0.1:$port"
expect_status 2 "an unknown trace source"
expect_contains "$WORK/bad.err" "--traces-from must be jaeger:URL or tempo:URL, got 'zipkin:http://127.0.0.1:$port'"

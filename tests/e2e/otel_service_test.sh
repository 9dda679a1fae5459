# Spans from a service instrumented with the real OpenTelemetry JS SDK (installed from npm),
# exported as OTLP/HTTP protobuf to the run's receiver, land in the right cases.
source "$(dirname "$0")/lib.sh"

service="$SRC/tests/e2e/otel-service"
[[ -d $service/node_modules/@opentelemetry/sdk-trace-node ]] || fail "run scripts/install-deps.sh first: the OpenTelemetry SDK is not installed"
app_port=$(free_port)
receiver_port=$(free_port)
# The SDK's exporter retries a refused connection, so the service may start before the run's
# receiver listens; the receiver's port is chosen here so both sides agree on it.
PORT=$app_port OTEL_EXPORTER_OTLP_TRACES_ENDPOINT="http://127.0.0.1:$receiver_port/v1/traces" \
  node "$service/server.js" >"$WORK/otel-service.out" 2>&1 &
PIDS+=($!)
wait_for_port "$app_port"

cat >"$WORK/otel.yaml" <<YAML
suite: otel-triangle
targets:
  api: http://127.0.0.1:$app_port
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
run_glassbox run run "$WORK/otel.yaml" --listen "127.0.0.1:$receiver_port" --settle 600 --json "$WORK/results.json"
expect_status 0 "the suite against the OpenTelemetry-instrumented service"
cases=$(json_get "$WORK/results.json" 'len(d["cases"])')
[[ $(json_get "$WORK/results.json" 'd["telemetry"]["unmatched"]') -eq 0 ]] || fail "spans of no case"
# Every case: the SDK's server span continues the probe's traceparent (remote parent = the
# attempt's span id), and a validate span hangs under it.
good=$(json_get "$WORK/results.json" \
  'sum(1 for c in d["cases"] if c["spans"] and c["spans"][0]["kind"] == "server" and c["spans"][0]["service"] == "otel-triangle" and c["spans"][0]["parent_span_id"] in [a["span_id"] for a in c["attempts"]] and any(s["name"] == "validate" and s["depth"] == 1 for s in c["spans"]))')
[[ $good -eq $cases ]] || fail "only $good of $cases cases have the SDK's spans under their probe span"
json_get "$WORK/results.json" 'sorted({s["attributes"].get("branch") for c in d["cases"] for s in c["spans"]} - {None})' \
  | grep -q "out_of_range" || fail "no validate span with branch out_of_range"

# Spans from a service instrumented with the real OpenTelemetry JS SDK, exported with its
# OTLP/gRPC exporter to `glassbox run --listen-grpc`, land in the right cases.
source "$(dirname "$0")/lib.sh"

[[ -d $SRC/tests/e2e/otel-service/node_modules/@opentelemetry/exporter-trace-otlp-grpc ]] \
  || fail "run scripts/install-deps.sh first: the OpenTelemetry SDK's gRPC exporter is not installed"
receiver_port=$(free_port)
start_otel_service grpc "http://127.0.0.1:$receiver_port" grpc
triangle_suite otel-triangle "$OTEL_APP_PORT" >"$WORK/suite.yaml"
results="$WORK/results.json"
run_glassbox run run "$WORK/suite.yaml" --listen-grpc "127.0.0.1:$receiver_port" --settle 600 --json "$results"
expect_contains "$WORK/run.err" "span receiver listening on http://127.0.0.1:$receiver_port (OTLP/gRPC)"
expect_status 0 "the suite against the service exporting over gRPC"
cases=$(json_get "$results" 'len(d["cases"])')
[[ $cases -eq 19 ]] || fail "expected the 19 robust boundary cases, got $cases"
[[ $(json_get "$results" 'd["telemetry"]["received"]') -gt 0 ]] || fail "no span arrived over gRPC"
[[ $(json_get "$results" 'd["telemetry"]["unmatched"]') -eq 0 ]] || fail "spans of no case"
[[ $(json_get "$results" 'd["telemetry"]["orphans"]') -eq 0 ]] || fail "orphan spans"
# Every case: the SDK's server span continues the probe's traceparent and a validate span
# hangs under it, as over OTLP/HTTP.
good=$(json_get "$results" \
  'sum(1 for c in d["cases"] if c["spans"] and c["spans"][0]["kind"] == "server" and c["spans"][0]["name"] == "POST /triangle" and c["spans"][0]["service"] == "otel-triangle" and c["spans"][0]["parent_span_id"] in [a["span_id"] for a in c["attempts"]] and any(s["name"] == "validate" and s["depth"] == 1 for s in c["spans"]))')
[[ $good -eq $cases ]] || fail "only $good of $cases cases have the SDK's spans under their probe span"

# A busy gRPC port is an infrastructure error before any case is sent. (Another port: the
# receiver's may still be in TIME_WAIT.)
busy_port=$(free_port)
python3 -c 'import socket,sys,time; s=socket.socket(); s.bind(("127.0.0.1",int(sys.argv[1]))); s.listen(1); time.sleep(30)' \
  "$busy_port" &
PIDS+=($!)
wait_for_port "$busy_port"
run_glassbox busy run "$WORK/suite.yaml" --listen-grpc "127.0.0.1:$busy_port"
expect_status 3 "run --listen-grpc on a busy port"
expect_contains "$WORK/busy.err" "glassbox: cannot listen on 127.0.0.1:$busy_port: address already in use"
grep -q "running" "$WORK/busy.err" && fail "cases ran although the gRPC receiver could not listen"
echo "otel_grpc_test: ok"

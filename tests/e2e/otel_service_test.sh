# Spans from a service instrumented with the real OpenTelemetry JS SDK (installed from npm),
# exported over OTLP/HTTP to the run's receiver, land in the right cases: once with the
# SDK's protobuf exporter and once with its JSON one, checked the same way.
source "$(dirname "$0")/lib.sh"

# check_protocol PROTOCOL: a run against the service exporting with PROTOCOL
# (OTEL_EXPORTER_OTLP_TRACES_PROTOCOL), and what its results must show.
check_protocol() {
  local protocol=$1 name=${1//\//-} receiver_port
  receiver_port=$(free_port)
  start_otel_service "$protocol" "http://127.0.0.1:$receiver_port/v1/traces" "$name"
  triangle_suite otel-triangle "$OTEL_APP_PORT" >"$WORK/$name.yaml"
  local results="$WORK/results-$name.json"
  run_glassbox "run-$name" run "$WORK/$name.yaml" --listen "127.0.0.1:$receiver_port" --settle 600 --json "$results"
  expect_status 0 "the suite against the service exporting $protocol"
  local cases good
  cases=$(json_get "$results" 'len(d["cases"])')
  [[ $cases -eq 19 ]] || fail "$protocol: expected the 19 robust boundary cases, got $cases"
  [[ $(json_get "$results" 'd["telemetry"]["unmatched"]') -eq 0 ]] || fail "$protocol: spans of no case"
  [[ $(json_get "$results" 'd["telemetry"]["orphans"]') -eq 0 ]] || fail "$protocol: orphan spans"
  # Every case: the SDK's server span, named after its route, continues the probe's
  # traceparent (remote parent = the attempt's span id) and carries the HTTP semantic
  # conventions' status code; a validate span hangs under it.
  good=$(json_get "$results" \
    'sum(1 for c in d["cases"] if c["spans"] and c["spans"][0]["kind"] == "server" and c["spans"][0]["name"] == "POST /triangle" and c["spans"][0]["service"] == "otel-triangle" and c["spans"][0]["parent_span_id"] in [a["span_id"] for a in c["attempts"]] and c["spans"][0]["attributes"].get("http.response.status_code") == c["attempts"][-1]["status"] and c["spans"][0]["attributes"].get("http.route") == "/triangle" and any(s["name"] == "validate" and s["depth"] == 1 for s in c["spans"]))')
  [[ $good -eq $cases ]] || fail "$protocol: only $good of $cases cases have the SDK's spans under their probe span"
  json_get "$results" 'sorted({s["attributes"].get("branch") for c in d["cases"] for s in c["spans"] if s["name"] == "validate"} - {None})' \
    | grep -q "out_of_range" || fail "$protocol: no validate span with branch out_of_range"
  # The nested operation: classify's children are inequality, and angle for two kinds only.
  json_get "$results" 'sorted({s["attributes"].get("triangle.angle") for c in d["cases"] for s in c["spans"] if s["name"] == "angle" and s["depth"] == 2} - {None})' \
    | grep -qF "['acute', 'obtuse']" || fail "$protocol: no angle spans under classify with acute and obtuse"
}

check_protocol http/protobuf
check_protocol http/json

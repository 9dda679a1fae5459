# Service levels from a service we did not write the libraries of: the OpenTelemetry JS test
# service (tests/e2e/otel-service) exposes Prometheus metrics with prom-client, exports its
# spans with the OpenTelemetry SDK, and writes JSON-lines logs. One run judges an SLO from each
# source and checks the log; the figures must equal what the cases themselves show.
source "$(dirname "$0")/lib.sh"

receiver_port=$(free_port)
export LOG_FILE="$WORK/app.log"
start_otel_service http/protobuf "http://127.0.0.1:$receiver_port/v1/traces" levels
unset LOG_FILE

triangle_suite otel-levels "$OTEL_APP_PORT" >"$WORK/suite.yaml"
cat >>"$WORK/suite.yaml" <<YAML
slos:
  - name: service metrics
    source: metrics
    metrics:
      scrape: http://127.0.0.1:$OTEL_APP_PORT/metrics
      histogram: http_server_duration_seconds
      counter: http_requests_total
      selector: 'route="/triangle"'
      errors: 'code=~"4..|5.."'
    objectives:
      latency: {p99: 2s}
      error_rate: 90%
  - name: classify operation
    source: spans
    service: otel-triangle
    operation: classify
    objectives:
      latency: {p99: 1s}
  - name: probe
    request: classify
    objectives:
      latency: {p99: 5s}
      availability: 99%
logs:
  - name: otel-triangle
    file: $WORK/app.log
    untraced: allowed
YAML

results="$WORK/results.json"
run_glassbox run run "$WORK/suite.yaml" --listen "127.0.0.1:$receiver_port" --settle 600 --json "$results" \
  --junit "$WORK/junit.xml" --html "$WORK/report"
expect_status 0 "the SLO suite against the OpenTelemetry service"
validate_junit "$WORK/junit.xml"

python3 - "$results" <<'PY' || fail "the service levels do not match the cases (see above)"
import json, sys
d = json.load(open(sys.argv[1]))
cases = d["cases"]
rejected = sum(1 for c in cases if c["attempts"][-1]["status"] == 400)
accepted = sum(1 for c in cases if c["attempts"][-1]["status"] == 200)
assert rejected + accepted == len(cases) and rejected > 0 and accepted > 0, (rejected, accepted)
slo = {(s["slo"], s["objective"]): s for s in d["slos"]}
def check(key, cond, what):
    assert cond(slo[key]), f"{key}: {what}: {slo[key]}"
# The service's own counter saw exactly the cases' requests, and its errors are the 400s.
check(("service metrics", "error rate"), lambda s: abs(s["measured"] - rejected / len(cases)) < 1e-9, "error rate")
check(("service metrics", "error rate"), lambda s: s["samples"] == len(cases), "requests counted")
check(("service metrics", "p99 latency"), lambda s: s["verdict"] == "pass" and s["samples"] == len(cases), "p99")
assert "metrics (scrape)" in slo[("service metrics", "p99 latency")]["source"]
# One classify span per accepted case (the service classifies valid triangles only).
check(("classify operation", "p99 latency"), lambda s: s["samples"] == accepted and s["verdict"] == "pass", "spans")
# The probe saw every case answered: availability 100%.
check(("probe", "availability"), lambda s: s["measured"] == 1.0 and s["samples"] == len(cases), "availability")
# The log: a start-up line (untraced) and one line per case, every line tied to its case.
log = d["logs"][0]
assert log["lines"] == len(cases) + 1 and log["invalid"] == 0, log
assert log["correlated"] == len(cases) and log["uncorrelated"] == 1, log
for c in cases:
    lines = c["log_lines"]
    assert len(lines) == 1, (c["id"], lines)
    want = "error" if c["attempts"][-1]["status"] == 400 else "info"
    assert lines[0]["level"] == want, (c["id"], lines)
PY
grep -q "service metrics" "$WORK/junit.xml" || fail "the JUnit file has no SLO testcase"
grep -q "rejected: " "$WORK"/report/*.html || fail "the HTML report does not show the cases' error log lines"

# A broken log fails the run: a line without a trace id when untraced lines are not allowed.
sed -i 's/    untraced: allowed/    untraced: rejected/' "$WORK/suite.yaml"
run_glassbox strict run "$WORK/suite.yaml" --listen "127.0.0.1:$receiver_port" --settle 300 --json "$WORK/strict.json"
expect_status 1 "a log line breaking the suite's rules"
expect_contains "$WORK/strict.err" "trace_id is null (untraced lines are not allowed)"
echo "service_levels_otel_test: ok"

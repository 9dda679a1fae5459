# run --otlp-export: the run arrives as a trace at an OTLP/HTTP receiver (here `glassbox collect`):
# one root span for the run, one span per case in the case's own trace (the trace id its probe
# sent) linked to nothing else, and one client span per attempt whose span id is the parent id
# the attempt sent, so the demo's server spans hang under it.
source "$(dirname "$0")/lib.sh"

port=$(free_port)
spans="$WORK/spans.jsonl"
"$GLASSBOX" collect --listen "127.0.0.1:$port" --out "$spans" >"$WORK/collect.out" 2>"$WORK/collect.err" &
collect_pid=$!
PIDS+=("$collect_pid")
wait_for_port "$port"
demo_port=$(free_port)
"$GLASSBOX" demo --port "$demo_port" --otlp-endpoint "http://127.0.0.1:$port" >"$WORK/demo.out" 2>&1 &
PIDS+=($!)
wait_for_port "$demo_port"

cat >"$WORK/suite.yaml" <<YAML
suite: exported
targets:
  demo: http://127.0.0.1:$demo_port
inputs:
  a: {type: int, min: 1, max: 200}
  b: {type: int, min: 1, max: 200}
  c: {type: int, min: 1, max: 200}
requests:
  classify:
    method: POST
    path: /triangle
    body: {a: "{{a}}", b: "{{b}}", c: "{{c}}"}
    expect: {status: 200}
    expect_invalid: {status: 400}
YAML
run_glassbox run run "$WORK/suite.yaml" --otlp-export "http://127.0.0.1:$port" --json "$WORK/results.json"
expect_status 0 "run with --otlp-export"
expect_contains "$WORK/run.err" "spans exported to http://127.0.0.1:$port"

sleep 1   # the demo's exporter flushes every 100 ms
kill -INT "$collect_pid"
set +e; wait "$collect_pid"; set -e

python3 - "$WORK/results.json" "$spans" <<'PY' || fail "the exported run trace does not match the results"
import json, sys
results = json.load(open(sys.argv[1]))
spans = [json.loads(line) for line in open(sys.argv[2])]
ours = [s for s in spans if s["service"] == "glassbox"]
roots = [s for s in ours if s["name"].startswith("glassbox run ")]
assert len(roots) == 1, f"{len(roots)} run spans"
assert roots[0]["name"] == "glassbox run exported", roots[0]["name"]
assert roots[0]["attributes"]["glassbox.cases"] == len(results["cases"]), roots[0]["attributes"]
by_trace = {}
for s in ours:
    by_trace.setdefault(s["trace_id"], []).append(s)
for case in results["cases"]:
    tree = by_trace.get(case["trace_id"], [])
    case_spans = [s for s in tree if s["name"] == "case " + case["id"]]
    assert len(case_spans) == 1, f"case {case['id']}: {len(case_spans)} case spans"
    case_span = case_spans[0]
    assert case_span["attributes"]["glassbox.outcome"] == case["outcome"], case_span
    attempts = [s for s in tree if s["kind"] == "client"]
    assert sorted(a["span_id"] for a in attempts) == sorted(a["span_id"] for a in case["attempts"]), case["id"]
    for a in attempts:
        assert a["parent_span_id"] == case_span["span_id"], a
        assert a["attributes"]["http.request.method"] == "POST", a
    # The demo's server span of this case has one of the attempts as its parent.
    server = [s for s in spans if s["trace_id"] == case["trace_id"] and s["service"] == "glassbox-demo"
              and s["kind"] == "server"]
    assert len(server) == 1, f"case {case['id']}: {len(server)} demo server spans"
    assert server[0]["parent_span_id"] in {a["span_id"] for a in attempts}, server[0]
PY
echo "otlp_export_test: ok"

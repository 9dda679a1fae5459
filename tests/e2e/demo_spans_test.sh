# The built-in demo exports real OTLP/HTTP protobuf spans to the run's receiver: every case
# gets its trace, hung under the span id its probe sent, and no span is left unmatched.
source "$(dirname "$0")/lib.sh"

run_glassbox run run "$SRC/suites/examples/demo.yaml" --listen 127.0.0.1:0 --settle 200 \
  --json "$WORK/results.json" --html "$WORK/report"
expect_status 0 "the example suite with span collection"
expect_contains "$WORK/run.err" "span receiver listening on http://127.0.0.1:"

[[ $(json_get "$WORK/results.json" 'd["telemetry"]["collected"]') == True ]] || fail "telemetry not collected"
matched=$(json_get "$WORK/results.json" 'd["telemetry"]["matched"]')
[[ $matched -gt 100 ]] || fail "expected well over 100 matched spans, got $matched"
[[ $(json_get "$WORK/results.json" 'd["telemetry"]["unmatched"]') -eq 0 ]] || fail "spans of no case"
[[ $(json_get "$WORK/results.json" 'd["telemetry"]["orphans"]') -eq 0 ]] || fail "orphan spans"
# Every case has a trace whose top span is the demo's server span, parented by an attempt's span id.
bad=$(json_get "$WORK/results.json" \
  'sum(1 for c in d["cases"] if not c["spans"] or c["spans"][0]["place"] != "probe_child" or c["spans"][0]["kind"] != "server" or c["spans"][0]["parent_span_id"] not in [a["span_id"] for a in c["attempts"]])')
[[ $bad -eq 0 ]] || fail "$bad cases without a correctly parented trace"
# The branches the demo took are visible: a triangle case classified scalene, an invalid one rejected.
json_get "$WORK/results.json" 'sorted({s["attributes"].get("branch") for c in d["cases"] for s in c["spans"] if s["name"] == "classify"})' \
  | grep -q "scalene" || fail "no classify span with branch scalene"
json_get "$WORK/results.json" 'sorted({s["attributes"].get("branch") for c in d["cases"] for s in c["spans"] if s["name"] == "validate"})' \
  | grep -q "out_of_range" || fail "no validate span with branch out_of_range"
grep -q 'class="waterfall"' "$WORK"/report/*.html || fail "no span waterfall in the HTML report"
grep -q "Spans: " "$WORK/report/index.html" || fail "no span counts in the HTML report"

# Coverage from those spans: the example declares the demo's operations, branches and paths.
for kind in operations branches paths; do
  expect_contains "$WORK/run.err" "coverage glassbox-demo $kind: "
done
[[ $(json_get "$WORK/results.json" '[i["item"] for i in d["coverage"]["items"] if i["declared"] and not i["cases"]]') == "['next_day.branch=month_end']" ]] \
  || fail "the example's cases should miss exactly the month_end branch"

# A goal the cases do not reach fails the run (exit 1) and is a failed JUnit testcase.
sed 's/goals: {operations: 100, branches: 80, paths: 50}/goals: {operations: 100, branches: 100, paths: 50}/' \
  "$SRC/suites/examples/demo.yaml" >"$WORK/strict.yaml"
grep -q 'branches: 100' "$WORK/strict.yaml" || fail "the sed did not raise the goal"
run_glassbox strict run "$WORK/strict.yaml" --listen 127.0.0.1:0 --settle 200 --junit "$WORK/strict.xml"
expect_status 1 "a coverage goal that is not reached"
validate_junit "$WORK/strict.xml"
expect_contains "$WORK/strict.xml" 'branches coverage 94.1% (16 of 17) is below the goal 100%'
expect_contains "$WORK/strict.xml" 'next_day.branch=month_end'
expect_contains "$WORK/strict.err" "coverage glassbox-demo branches: 16/17 (94.1%) goal 100% FAILED"

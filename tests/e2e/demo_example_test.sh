# The example suite passes against the built-in demo and writes every report.
source "$(dirname "$0")/lib.sh"

run_glassbox run run "$SRC/suites/examples/demo.yaml" --env alpha --listen 127.0.0.1:0 --settle 200 \
  --json "$WORK/out/results.json" --junit "$WORK/out/junit.xml" \
  --html "$WORK/out/report" --markdown "$WORK/out/summary.md"
expect_status 0 "example suite against the demo"

for f in results.json junit.xml report/index.html report/report.css summary.md; do
  [[ -s $WORK/out/$f ]] || fail "missing report $f"
done
validate_junit "$WORK/out/junit.xml"

cases=$(json_get "$WORK/out/results.json" 'len(d["cases"])')
passed=$(json_get "$WORK/out/results.json" 'd["totals"]["passed"]')
[[ $cases -gt 40 && $cases -eq $passed ]] || fail "expected every case to pass: $passed of $cases"
# Every case ran under its own trace id, carried by each attempt's traceparent.
unique=$(json_get "$WORK/out/results.json" 'len({c["trace_id"] for c in d["cases"]})')
[[ $unique -eq $cases ]] || fail "trace ids are not unique per case ($unique for $cases cases)"
# Both techniques, with robust (invalid) cases among them.
json_get "$WORK/out/results.json" '{"boundaries", "partitions", "decision_table", "cause_effect"} <= {c["technique"] for c in d["cases"]}' | grep -q True \
  || fail "both techniques should have run"
invalid=$(json_get "$WORK/out/results.json" 'sum(1 for c in d["cases"] if c["expected_outcome"] != "valid")')
[[ $invalid -gt 5 ]] || fail "expected invalid-class cases, got $invalid"
expect_contains "$WORK/run.err" "passed"

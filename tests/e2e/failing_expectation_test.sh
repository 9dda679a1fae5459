# One changed expectation makes the run fail with exit 1 and a readable JUnit failure.
source "$(dirname "$0")/lib.sh"

# Triangles are never "always scalene": the partition and boundary cases will contradict it.
sed 's/\/kind: {matches: "^(equilateral|isosceles|scalene|not_a_triangle)$"}/\/kind: scalene/' \
  "$SRC/suites/examples/demo.yaml" >"$WORK/broken-expectation.yaml"
grep -q '/kind: scalene' "$WORK/broken-expectation.yaml" || fail "the sed did not change the suite"

run_glassbox run run "$WORK/broken-expectation.yaml" --listen 127.0.0.1:0 --settle 200 --junit "$WORK/junit.xml" --json "$WORK/results.json"
expect_status 1 "a failing expectation"
validate_junit "$WORK/junit.xml"
expect_contains "$WORK/junit.xml" '<failure message="json /kind equals: expected &quot;scalene&quot;, got &quot;'
expect_contains "$WORK/junit.xml" "trace_id: "
expect_contains "$WORK/run.err" 'expected "scalene"'
failed=$(json_get "$WORK/results.json" 'd["totals"]["failed"]')
[[ $failed -gt 0 ]] || fail "results JSON shows no failed case"

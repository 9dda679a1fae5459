# Trace assertions against the demo's real spans: the reference's example passes; an
# expectation the spans contradict fails the case (exit 1) with a JUnit message that names
# the closest spans; a span that must not happen is caught; an invalid class's own span
# expectation replaces the request's.
source "$(dirname "$0")/lib.sh"

# The example of docs/suite-format.md, as a user would copy it.
awk '/^suite: trace-assertions-example/,/^```$/' "$SRC/docs/suite-format.md" | grep -v '^```' >"$WORK/doc.yaml"
grep -q 'spans:' "$WORK/doc.yaml" || fail "could not extract the trace assertion example from the reference"
run_glassbox doc run "$WORK/doc.yaml" --listen 127.0.0.1:0 --settle 200 --json "$WORK/doc.json"
expect_status 0 "the reference's trace assertion example"
expect_contains "$WORK/doc.err" "trace assertions: 7 cases judged on their spans, 0 failed only there"
span_checks=$(json_get "$WORK/doc.json" 'sum(1 for c in d["cases"] for k in c["checks"] if k["name"].startswith("spans "))')
[[ $span_checks -ge 14 ]] || fail "expected span checks in every case, got $span_checks"

cat >"$WORK/wrong.yaml" <<'YAML'
suite: wrong-spans
targets: {demo: builtin:demo}
inputs:
  a:
    type: int
    min: 1
    max: 200
    partitions:
      valid:
        small: {min: 1, max: 9}
        large: {min: 10}
      invalid:
        zero_or_less:
          max: 0
          # this class's rejection must not even reach parse_body: contradicted by the demo
          expect: {spans: [{select: {name: parse_body}, count: 0}]}
requests:
  triangle:
    method: POST
    path: /triangle
    body: {a: "{{a}}", b: "{{a}}", c: "{{a}}"}
    expect:
      status: 200
      spans:
        # equilateral is right; isosceles is what this suite wrongly claims
        - select: {name: classify, attributes: {branch: isosceles}}
    expect_invalid:
      status: 400
      spans:
        - select: {name: validate}
          attributes: {branch: out_of_range}
    techniques: [{technique: partitions, form: weak_robust}]
YAML
run_glassbox wrong run "$WORK/wrong.yaml" --listen 127.0.0.1:0 --settle 200 --junit "$WORK/wrong.xml" --json "$WORK/wrong.json"
expect_status 1 "span expectations the demo's spans contradict"
validate_junit "$WORK/wrong.xml"
expect_contains "$WORK/wrong.xml" "spans name=classify attributes{branch=isosceles} count: expected at least 1"
expect_contains "$WORK/wrong.xml" "closest of the trace&apos;s"
expect_contains "$WORK/wrong.xml" "classify [glassbox-demo] branch=equilateral (differs in attributes.branch)"
# Both valid cases failed only on their spans: the HTTP checks passed.
[[ $(json_get "$WORK/wrong.json" 'sum(1 for c in d["cases"] if c["outcome"] == "failed" and all(k["passed"] for k in c["checks"] if not k["name"].startswith("spans ")))') -ge 2 ]] \
  || fail "cases should fail on their spans alone"
# The invalid class replaced nothing of the request's (different selector) and added its own: parse_body
# happens before validation, so count 0 fails; the default invalid expectation (validate out_of_range) holds.
[[ $(json_get "$WORK/wrong.json" '[k["passed"] for c in d["cases"] if "zero_or_less" in c["id"] for k in c["checks"] if k["name"].startswith("spans ")]') == "[True, True, False]" ]] \
  || fail "the invalid class's span expectations were not merged as documented"
expect_contains "$WORK/wrong.xml" "spans name=parse_body count: expected exactly 0, got 1: parse_body [glassbox-demo]"

# Coverage from the spans of a service on the real OpenTelemetry JS SDK: the operations,
# branches and paths the results report are the ones the service took for each case's
# input, with the covering case ids; a declared branch no case reaches fails the run once
# the goal asks for every branch (exit 1 and a failed JUnit testcase naming it).
source "$(dirname "$0")/lib.sh"

receiver_port=$(free_port)
start_otel_service http/protobuf "http://127.0.0.1:$receiver_port/v1/traces" coverage

# write_suite FILE BRANCH_GOAL: robust boundaries of the sides (never scalene: two sides
# stay nominal) plus one fixed right triangle, which is the only scalene case. Declared but
# out of reach: validate's not_integer branch and the malformed-body path.
write_suite() {
  {
    triangle_suite otel-coverage "$OTEL_APP_PORT"
    cat <<YAML
  right-triangle:
    method: POST
    path: /triangle
    body: {a: 3, b: 4, c: 5}
    expect: {status: 200, json: {/kind: scalene, /angle: right}}
coverage:
  goals: {operations: 100, branches: $2, paths: 75}
  services:
    otel-triangle:
      operations: ["POST /triangle", parse_body, validate, classify, inequality, angle]
      branches:
        "POST /triangle": {http.response.status_code: [200, 400]}
        validate: {branch: [ok, out_of_range, not_integer]}
        classify: {triangle.kind: [equilateral, isosceles, scalene, not_a_triangle]}
        inequality: {branch: [holds, fails]}
        angle: {triangle.angle: [acute, right, obtuse]}
      paths:
        "POST /triangle":
          - "POST /triangle(parse_body)"
          - "POST /triangle(parse_body,validate)"
          - "POST /triangle(classify(inequality),parse_body,validate)"
          - "POST /triangle(validate,parse_body,classify(inequality,angle))"
YAML
  } >"$1"
}

write_suite "$WORK/coverage.yaml" 90
run_glassbox run run "$WORK/coverage.yaml" --listen "127.0.0.1:$receiver_port" --settle 600 \
  --json "$WORK/results.json" --junit "$WORK/results.xml"
expect_status 0 "coverage goals the cases reach"
results="$WORK/results.json"
[[ $(json_get "$results" 'len(d["cases"])') -eq 20 ]] || fail "expected 19 boundary cases and the right triangle"
[[ $(json_get "$results" 'd["telemetry"]["unmatched"]') -eq 0 ]] || fail "spans of no case"

# The totals, exactly: every operation; every branch but validate=not_integer; every path but
# the malformed body's.
totals=$(json_get "$results" \
  '" ".join("%s=%d/%d" % (t["kind"], t["covered"], t["declared"]) for t in d["coverage"]["totals"] if t["service"] == "otel-triangle")')
[[ $totals == "operations=6/6 branches=13/14 paths=3/4" ]] || fail "coverage totals: $totals"
[[ $(json_get "$results" '[t["passed"] for t in d["coverage"]["totals"]]') == "[True, True, True]" ]] \
  || fail "every goal should hold"
[[ $(json_get "$results" '[i["item"] for i in d["coverage"]["items"] if i["declared"] and not i["cases"]]') \
  == "['validate.branch=not_integer', 'POST /triangle: POST /triangle(parse_body)']" ]] \
  || fail "uncovered items: $(json_get "$results" '[i["item"] for i in d["coverage"]["items"] if i["declared"] and not i["cases"]]')"
expect_contains "$WORK/run.err" "coverage otel-triangle branches: 13/14"
validate_junit "$WORK/results.xml"

# Which cases cover each declared item, from two independent sides: what the service must
# do with each case's input (a model of server.js), and the spans each case really got.
# Both must equal the item's case ids in the report.
cat >"$WORK/oracle.py" <<'PY'
import json, sys

RIGHT_TRIANGLE = {"a": 3, "b": 4, "c": 5}  # the fixed body of the request without inputs

def expected_items(inputs):
    """The declared coverage items a request with these sides reaches, by server.js's rules."""
    sides = [inputs.get(k, RIGHT_TRIANGLE[k]) for k in "abc"]
    items = {"operations:POST /triangle", "operations:parse_body", "operations:validate"}
    if any(not 1 <= s <= 200 for s in sides):
        return items | {"branches:POST /triangle.http.response.status_code=400",
                        "branches:validate.branch=out_of_range",
                        "paths:POST /triangle: POST /triangle(parse_body,validate)"}
    a, b, c = sides
    items |= {"operations:classify", "operations:inequality", "branches:validate.branch=ok",
              "branches:POST /triangle.http.response.status_code=200"}
    holds = a < b + c and b < a + c and c < a + b
    items.add("branches:inequality.branch=" + ("holds" if holds else "fails"))
    kind = ("not_a_triangle" if not holds else "equilateral" if a == b == c
            else "isosceles" if a == b or b == c or a == c else "scalene")
    items.add("branches:classify.triangle.kind=" + kind)
    if kind in ("isosceles", "scalene"):
        x, y, z = sorted(sides)
        angle = "acute" if x * x + y * y > z * z else "right" if x * x + y * y == z * z else "obtuse"
        items |= {"operations:angle", "branches:angle.triangle.angle=" + angle,
                  "paths:POST /triangle: POST /triangle(classify(angle,inequality),parse_body,validate)"}
    else:
        items.add("paths:POST /triangle: POST /triangle(classify(inequality),parse_body,validate)")
    return items

def seen_items(spans):
    """The same items, read from the spans the case got."""
    items = set()
    for s in spans:
        items.add("operations:" + s["name"])
        for key in ("branch", "triangle.kind", "triangle.angle", "http.response.status_code"):
            if key in s["attributes"]:
                items.add(f"branches:{s['name']}.{key}={s['attributes'][key]}")
    # The path: the entry span's tree, children sorted as text (the suite format's canonical form).
    children = {}
    for s in spans:
        children.setdefault(s["parent_span_id"], []).append(s)
    def shape(s):
        kids = sorted(shape(k) for k in children.get(s["span_id"], []))
        return s["name"] + ("(" + ",".join(kids) + ")" if kids else "")
    for s in spans:
        if s["name"] == "POST /triangle":
            items.add("paths:POST /triangle: " + shape(s))
    return items

d = json.load(open(sys.argv[1]))
declared = {f"{i['kind']}:{i['item']}": set(i["cases"]) for i in d["coverage"]["items"]
            if i["declared"] and i["service"] == "otel-triangle"}
by_model = {key: set() for key in declared}
by_spans = {key: set() for key in declared}
for c in d["cases"]:
    for key in expected_items(c["inputs"]) & declared.keys():
        by_model[key].add(c["id"])
    for key in seen_items(c["spans"]) & declared.keys():
        by_spans[key].add(c["id"])
problems = [f"{key}: report {sorted(declared[key])}, model {sorted(by_model[key])}, spans {sorted(by_spans[key])}"
            for key in declared if not declared[key] == by_model[key] == by_spans[key]]
print("\n".join(problems) if problems else "ok")
PY
oracle=$(python3 "$WORK/oracle.py" "$results")
[[ $oracle == ok ]] || fail "covering cases differ: $oracle"
# And by name, the cases that must be there: the only scalene (and right-angled) one, the
# nominal equilateral one, and the obtuse isosceles one at a=max-.
for pair in "classify.triangle.kind=scalene|right-triangle" "angle.triangle.angle=right|right-triangle" \
            "classify.triangle.kind=equilateral|classify/boundaries/robust/a=nominal,b=nominal,c=nominal" \
            "angle.triangle.angle=obtuse|classify/boundaries/robust/a=max-"; do
  item=${pair%%|*} case_prefix=${pair#*|}
  json_get "$results" "[c for i in d['coverage']['items'] if i['item'] == '$item' for c in i['cases']]" \
    | grep -qF "'$case_prefix" || fail "$item is not covered by a case $case_prefix..."
done

# The same suite asking for every branch: not_integer, declared and never reached, fails it.
write_suite "$WORK/strict.yaml" 100
run_glassbox strict run "$WORK/strict.yaml" --listen "127.0.0.1:$receiver_port" --settle 600 \
  --json "$WORK/strict.json" --junit "$WORK/strict.xml"
expect_status 1 "a declared branch no case reaches, with a goal of 100%"
[[ $(json_get "$WORK/strict.json" 'sorted({c["outcome"] for c in d["cases"]})') == "['passed']" ]] \
  || fail "only the coverage goal should fail, not a case"
validate_junit "$WORK/strict.xml"
python3 - "$WORK/strict.xml" >"$WORK/junit-check.txt" 2>&1 <<'PY' || fail "JUnit coverage testcase: $(cat "$WORK/junit-check.txt")"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
failed = [(tc.get("name"), f) for tc in root.iter("testcase") for f in tc.findall("failure")
          if tc.get("classname") == "otel-coverage.coverage"]
assert len(failed) == 1, f"expected one failed coverage testcase, got {[n for n, _ in failed]}"
name, failure = failed[0]
assert name == "otel-triangle branches >= 100%", name
assert failure.get("message") == "branches coverage 92.9% (13 of 14) is below the goal 100%", failure.get("message")
assert failure.text.split() == ["not", "covered:", "validate.branch=not_integer"], failure.text
print("ok")
PY
expect_contains "$WORK/strict.err" "coverage otel-triangle branches: 13/14 (92.9%) goal 100% FAILED"

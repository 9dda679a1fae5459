# Property-based end to end against the built-in demo, whose triangle endpoint accepts sides
# 1..200: a suite that wrongly declares side `a` valid up to 300 fails, shrunk to the smallest
# failing side (201) and naming the seed that replays it; the same seed replays the same
# result; a correct suite passes every draw; a tiny request bound stops the shrinking and
# says so; a property relating the response's JSON to the drawn request holds.
source "$(dirname "$0")/lib.sh"

write_suite() {  # write_suite FILE MAX_A OPTIONS
  cat >"$1" <<YAML
suite: triangle-property
targets: {demo: builtin:demo}
defaults: {timeout_ms: 5000}
inputs:
  a: {type: int, min: 1, max: $2}
  b: {type: int, min: 1, max: 200}
  c: {type: int, min: 1, max: 200}
requests:
  classify:
    method: POST
    path: /triangle
    body: {a: "{{a}}", b: "{{b}}", c: "{{c}}"}
    expect:
      status: 2xx
      json: {/kind: {exists: true}}
    techniques:
      - {technique: property, inputs: [a], options: $3}
YAML
}
message_of() { json_get "$1" 'd["cases"][0]["message"]'; }

write_suite "$WORK/wrong.yaml" 300 "{runs: 100}"
run_glassbox generate generate "$WORK/wrong.yaml" --format json
expect_status 0 "generate"
[[ $(json_get "$WORK/generate.out" 'len(d)') -eq 1 ]] || fail "a property use should generate one case"

run_glassbox wrong run "$WORK/wrong.yaml" --seed 5 --json "$WORK/wrong.json" --junit "$WORK/wrong-junit.xml"
expect_status 1 "a side declared valid up to 300"
validate_junit "$WORK/wrong-junit.xml"
message=$(message_of "$WORK/wrong.json")
[[ $message == "property failed on draw "*" of 100; smallest failing input a=201 (after "*" shrink step"*"; replay with --seed 5): status: expected 2xx, got 400" ]] \
  || fail "unexpected message: $message"
[[ $(json_get "$WORK/wrong.json" 'd["cases"][0]["inputs"]["a"]') -eq 201 ]] || fail "the case should show the smallest failing input"
[[ $(json_get "$WORK/wrong.json" 'd["cases"][0]["checks"][0]["name"]') == property ]] || fail "the first check should be the property's"
expect_contains "$WORK/wrong.err" "smallest failing input a=201"

# The seed replays the same draws and the same shrinking.
run_glassbox replay run "$WORK/wrong.yaml" --seed 5 --json "$WORK/replay.json"
expect_status 1 "the replay"
[[ $(message_of "$WORK/replay.json") == "$message" ]] || fail "the same seed should replay the same result"

write_suite "$WORK/right.yaml" 200 "{runs: 100}"
run_glassbox right run "$WORK/right.yaml" --json "$WORK/right.json"
expect_status 0 "a side declared valid up to 200"
[[ $(message_of "$WORK/right.json") == "100 of 100 draws passed (100 requests)" ]] \
  || fail "unexpected message of the passing case: $(message_of "$WORK/right.json")"

write_suite "$WORK/tiny.yaml" 300 "{runs: 5, max_requests: 5}"
run_glassbox tiny run "$WORK/tiny.yaml" --json "$WORK/tiny.json"
expect_status 1 "a tiny request bound"
message=$(message_of "$WORK/tiny.json")
[[ $message == *", shrinking stopped by the bound (5 requests); replay with --seed 1): status: expected 2xx, got 400" ]] \
  || fail "the bound should be named: $message"
# JSON relations between request and response: an order echoes the drawn item and quantity.
cat >"$WORK/orders.yaml" <<'YAML'
suite: orders-property
targets: {demo: builtin:demo}
inputs:
  item: {type: string, min_length: 1, max_length: 40, charset: "abcxyz -"}
  quantity: {type: int, min: 1, max: 99}
requests:
  order:
    method: POST
    path: /orders
    body: {item: "{{item}}", quantity: "{{quantity}}"}
    expect:
      status: 201
      json:
        /item: {equals: "{{item}}"}
        /quantity: {equals: "{{quantity}}"}
    techniques:
      - {technique: property, options: {runs: 50}}
YAML
run_glassbox orders run "$WORK/orders.yaml" --json "$WORK/orders.json"
expect_status 0 "orders echo what they were sent"
[[ $(message_of "$WORK/orders.json") == "50 of 50 draws passed (50 requests)" ]] \
  || fail "unexpected message of the orders case: $(message_of "$WORK/orders.json")"
echo "ok"

# State machines as multi-step cases against the demo's order lifecycle: the reference's
# example passes; every step of a case sends the case's trace id, so the demo's spans of all
# steps land in one trace; a wrong expectation for refused events fails the case at that step.
source "$(dirname "$0")/lib.sh"

awk '/^suite: state-machine-example/,/^```$/' "$SRC/docs/suite-format.md" | grep -v '^```' >"$WORK/orders.yaml"
grep -q 'state_machines:' "$WORK/orders.yaml" || fail "could not extract the state machine example from the reference"

run_glassbox orders run "$WORK/orders.yaml" --listen 127.0.0.1:0 --settle 200 --json "$WORK/orders.json" --html "$WORK/report"
expect_status 0 "the reference's state machine example"
[[ $(json_get "$WORK/orders.json" 'len([c for c in d["cases"] if c["technique"] == "state_transitions"])') -eq 23 ]] \
  || fail "expected 2 + 3 + 3 + 15 state-transition cases"
# The longest walk: four steps, all passed, one trace with a transition span per event.
walk='[c for c in d["cases"] if c["id"] == "order/state_transitions/all_transitions/pay,ship,deliver"][0]'
[[ $(json_get "$WORK/orders.json" "[s['outcome'] for s in $walk['steps']]") == "['passed', 'passed', 'passed', 'passed']" ]] \
  || fail "the walk's steps did not all pass"
[[ $(json_get "$WORK/orders.json" "len($walk['attempts'])") -eq 4 ]] || fail "one attempt per step expected"
[[ $(json_get "$WORK/orders.json" "sorted(s['attributes'].get('event') for s in $walk['spans'] if s['name'] == 'transition')") == "['deliver', 'pay', 'ship']" ]] \
  || fail "the trace of the walk should hold the transition spans of its three events"
[[ $(json_get "$WORK/orders.json" "$walk['covers']") == "['transition:created-pay->paid', 'transition:paid-ship->shipped', 'transition:shipped-deliver->delivered']" ]] \
  || fail "the walk should cover its three transitions"
grep -q 'Steps (4)' "$WORK"/report/*.html || fail "the HTML report does not show the steps"

sed 's/invalid: {status: 409, json: {\/error: invalid transition}}/invalid: {status: 400}/' "$WORK/orders.yaml" >"$WORK/wrong.yaml"
grep -q 'invalid: {status: 400}' "$WORK/wrong.yaml" || fail "the sed did not change the expectation"
run_glassbox wrong run "$WORK/wrong.yaml" --junit "$WORK/wrong.xml"
expect_status 1 "refused events answered 409, not the 400 the suite expects"
validate_junit "$WORK/wrong.xml"
expect_contains "$WORK/wrong.xml" "step 2 of 2 (deliver in created (not allowed)): status: expected 400, got 409"
expect_contains "$WORK/wrong.xml" "step 1: setup: create_order - passed"

# `generate` lists a multi-step case's steps and what it covers, before anything is sent.
run_glassbox generate generate "$WORK/orders.yaml" --format json
expect_status 0 "generate"
[[ $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); c=[c for c in d if c["id"] == "order/state_transitions/all_states/cancel"][0]; print([s["label"] for s in c["steps"]], c["covers"])' "$WORK/generate.out") \
   == "['setup: create_order', 'cancel: created -> cancelled'] ['state:created', 'state:cancelled']" ]] \
  || fail "generate --format json should list the steps and covers of a state machine case"

# A target that refuses connections before any case is sent is an infrastructure error.
source "$(dirname "$0")/lib.sh"

port=$(free_port)  # nothing listens there
cat >"$WORK/refused.yaml" <<YAML
suite: refused
targets:
  api: http://127.0.0.1:$port
requests:
  health:
    path: /healthz
    expect: {status: 200}
YAML
run_glassbox run run "$WORK/refused.yaml" --json "$WORK/results.json"
expect_status 3 "a refused target"
expect_contains "$WORK/run.err" "127.0.0.1:$port"
expect_contains "$WORK/run.err" "refused"

# The reports are still written, every planned case an error naming the target: a Jenkins
# junit step shows why nothing ran instead of finding no report.
run_glassbox run run "$WORK/refused.yaml" --json "$WORK/results.json" --junit "$WORK/junit.xml" \
  --markdown "$WORK/summary.md"
expect_status 3 "a refused target, with reports asked for"
[[ -s $WORK/results.json && -s $WORK/junit.xml && -s $WORK/summary.md ]] || fail "reports missing after exit 3"
validate_junit "$WORK/junit.xml"
[[ $(json_get "$WORK/results.json" "len(d['cases'])") -ge 1 ]] || fail "no case in results.json"
[[ $(json_get "$WORK/results.json" "sorted({c['outcome'] for c in d['cases']})") == "['error']" ]] ||
  fail "cases are not all errors: $(json_get "$WORK/results.json" "[c['outcome'] for c in d['cases']]")"
json_get "$WORK/results.json" "d['cases'][0]['message']" >"$WORK/message.txt"
expect_contains "$WORK/message.txt" "not sent: the run stopped before its first case"
expect_contains "$WORK/message.txt" "127.0.0.1:$port"
expect_contains "$WORK/junit.xml" "<error"
expect_contains "$WORK/junit.xml" "127.0.0.1:$port"

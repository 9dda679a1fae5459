# Ctrl-C during a run: exit 130, and the reports still hold what was measured.
source "$(dirname "$0")/lib.sh"

port=$(free_port)
# A server that accepts and never answers, so cases are in flight when the signal comes.
python3 - "$port" "$WORK/accepted" >"$WORK/hang.out" 2>&1 <<'PY' &
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(64)
held = []
deadline = time.time() + 60
s.settimeout(0.2)
while time.time() < deadline:
    try:
        c, _ = s.accept()
        held.append(c)
        open(sys.argv[2], "a").write("x")
    except socket.timeout:
        pass
PY
PIDS+=($!)
wait_for_port "$port"

cat >"$WORK/hang.yaml" <<YAML
suite: hang
targets:
  slow: http://127.0.0.1:$port
defaults: {timeout_ms: 30000, concurrency: 2}
inputs:
  n: {type: int, min: 1, max: 1000}
requests:
  wait:
    path: /wait/{{n}}
    expect: {status: 200}
    techniques: [{technique: boundaries, form: robust}]
YAML
"$GLASSBOX" run "$WORK/hang.yaml" --json "$WORK/results.json" --junit "$WORK/junit.xml" \
  >"$WORK/run.out" 2>"$WORK/run.err" &
run_pid=$!
# Wait until the pre-flight check and both in-flight cases have connected (3 accepts).
for _ in $(seq 1 200); do [[ $(stat -c %s "$WORK/accepted" 2>/dev/null || echo 0) -ge 3 ]] && break; sleep 0.05; done
kill -INT "$run_pid"
set +e; wait "$run_pid"; status=$?; set -e
expect_status 130 "SIGINT during a run"
[[ -s $WORK/results.json ]] || fail "no results JSON after SIGINT"
[[ $(json_get "$WORK/results.json" 'd["run"]["interrupted"]') == True ]] || fail "results do not say interrupted"
[[ $(json_get "$WORK/results.json" 'd["totals"]["skipped"]') -eq 7 ]] || fail "all 7 cases should be skipped"
validate_junit "$WORK/junit.xml"

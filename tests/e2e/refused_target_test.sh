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

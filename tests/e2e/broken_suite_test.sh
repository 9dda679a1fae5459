# A broken suite gives exit 2 and an error with file:line:column that teaches the fix.
source "$(dirname "$0")/lib.sh"

cat >"$WORK/typo.yaml" <<'YAML'
suite: typo
targets:
  demo: builtin:demo
requests:
  health:
    path: /healthz
    timout_ms: 100
YAML
for command in run validate generate; do
  run_glassbox "$command" "$command" "$WORK/typo.yaml"
  expect_status 2 "$command of a suite with a typo"
  expect_contains "$WORK/$command.err" "$WORK/typo.yaml:7:5: unknown key 'timout_ms'"
  expect_contains "$WORK/$command.err" "did you mean 'timeout_ms'?"
done

printf 'suite: x\ntargets: {demo: builtin:demo\n' >"$WORK/syntax.yaml"
run_glassbox syntax validate "$WORK/syntax.yaml"
expect_status 2 "validate of a YAML syntax error"
expect_contains "$WORK/syntax.err" "$WORK/syntax.yaml:"

run_glassbox missing validate "$WORK/nope.yaml"
expect_status 2 "validate of a missing file"
expect_contains "$WORK/missing.err" "cannot read suite '$WORK/nope.yaml'"

run_glassbox usage run
expect_status 2 "run without a suite"

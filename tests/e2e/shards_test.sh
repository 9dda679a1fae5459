# Three shards merged by `glassbox report` hold exactly the cases of one full run.
source "$(dirname "$0")/lib.sh"

suite="$SRC/suites/examples/demo.yaml"
run_glassbox full run "$suite" --listen 127.0.0.1:0 --settle 200 --json "$WORK/full.json"
expect_status 0 "the full run"
for i in 1 2 3; do
  run_glassbox "shard$i" run "$suite" --listen 127.0.0.1:0 --settle 200 --shard "$i/3" --json "$WORK/shard$i.json"
  expect_status 0 "shard $i/3"
done
# A Kubernetes Indexed Job's variables pick the shard when --shard is absent (index 0-based).
export JOB_COMPLETION_INDEX=1 JOB_COMPLETION_COUNT=3
run_glassbox job run "$suite" --listen 127.0.0.1:0 --settle 200 --json "$WORK/job.json"
unset JOB_COMPLETION_INDEX JOB_COMPLETION_COUNT
expect_status 0 "shard from JOB_COMPLETION_INDEX"
[[ $(json_get "$WORK/job.json" '[c["id"] for c in d["cases"]]') == "$(json_get "$WORK/shard2.json" '[c["id"] for c in d["cases"]]')" ]] \
  || fail "JOB_COMPLETION_INDEX=1 should run the same cases as --shard 2/3"

run_glassbox merge report "$WORK/shard1.json" "$WORK/shard2.json" "$WORK/shard3.json" \
  --json "$WORK/merged.json" --junit "$WORK/merged.xml" --html "$WORK/merged-report"
expect_status 0 "merging three shards"
validate_junit "$WORK/merged.xml"
[[ -s $WORK/merged-report/index.html ]] || fail "no merged HTML report"
summary='(sorted((c["id"], c["outcome"]) for c in d["cases"]), d["totals"]["cases"], d["latency"]["overall"]["count"])'
[[ $(json_get "$WORK/merged.json" "$summary") == "$(json_get "$WORK/full.json" "$summary")" ]] \
  || fail "merged shards differ from the full run"
# The example declares coverage goals: each shard reports its partial coverage without
# judging it, and the merged report judges the whole.
expect_contains "$WORK/shard1.err" "(judged when the shards are merged)"
expect_contains "$WORK/merge.err" "coverage glassbox-demo branches: 16/17 (94.1%) goal 80% ok"

# Path coverage learned from a baseline run: the reference's `learn` example run once gives the
# baseline (shapes listed, goal not judged); run again with --paths-from, the baseline's shapes
# are declared and covered; a run whose cases no longer take one of them fails its paths goal.
source "$(dirname "$0")/lib.sh"

awk '/^suite: learned-paths/,/^```$/' "$SRC/docs/suite-format.md" | grep -v '^```' >"$WORK/learn.yaml"
grep -q ': learn' "$WORK/learn.yaml" || fail "could not extract the learned-paths example from the reference"

run_glassbox base run "$WORK/learn.yaml" --listen 127.0.0.1:0 --settle 200 --json "$WORK/base.json"
expect_status 0 "the baseline run"
expect_contains "$WORK/base.err" "coverage glassbox-demo paths: 0/0 (100.0%)"
[[ $(json_get "$WORK/base.json" 'len([i for i in d["coverage"]["items"] if i["kind"] == "paths" and not i["declared"] and i["cases"]])') -eq 2 ]] \
  || fail "the baseline should list the two triangle shapes as seen"

run_glassbox again run "$WORK/learn.yaml" --listen 127.0.0.1:0 --settle 200 --json "$WORK/again.json" \
  --paths-from "$WORK/base.json"
expect_status 0 "the same cases against the learned paths"
expect_contains "$WORK/again.err" "paths: 2 shapes of 1 entries learned from $WORK/base.json"
expect_contains "$WORK/again.err" "coverage glassbox-demo paths: 2/2 (100.0%) goal 100% ok"

# Only invalid cases: the classify path of the baseline is no longer taken.
run_glassbox invalid run "$WORK/learn.yaml" --listen 127.0.0.1:0 --settle 200 --junit "$WORK/invalid.xml" \
  --paths-from "$WORK/base.json" --filter '*_m*'
expect_status 1 "a baseline path no case takes any more"
expect_contains "$WORK/invalid.err" "coverage glassbox-demo paths: 1/2 (50.0%) goal 100% FAILED"
validate_junit "$WORK/invalid.xml"
expect_contains "$WORK/invalid.xml" "POST /triangle: POST /triangle(classify(inequality),parse_body,validate)"

run_glassbox missing run "$WORK/learn.yaml" --listen 127.0.0.1:0 --paths-from "$WORK/nope.json"
expect_status 2 "a baseline file that does not exist"
expect_contains "$WORK/missing.err" "nope.json"

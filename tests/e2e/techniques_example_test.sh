# The second example suite runs the remaining techniques against the demo: pairwise, error
# guessing and property-based cases all pass, and each technique shows in the results.
source "$(dirname "$0")/lib.sh"

run_glassbox run run "$SRC/suites/examples/techniques.yaml" --json "$WORK/results.json" --junit "$WORK/junit.xml"
expect_status 0 "the techniques example against the demo"
validate_junit "$WORK/junit.xml"
[[ $(json_get "$WORK/results.json" 'sorted({c["technique"] for c in d["cases"]})') == "['error_guessing', 'pairwise', 'property']" ]] \
  || fail "the example should run pairwise, error guessing and property-based cases"
[[ $(json_get "$WORK/results.json" '[c["message"] for c in d["cases"] if c["id"].startswith("classify/property/")]') == "['100 of 100 draws passed (100 requests)']" ]] \
  || fail "the property case should report its draws"
[[ $(json_get "$WORK/results.json" 'len([c for c in d["cases"] if c["technique"] == "pairwise" and any(x.startswith("pair:") for x in c.get("covers", []))])') -eq 4 ]] \
  || fail "the four pairwise rows of 2 x 2 x 2 classes should list the pairs they cover"

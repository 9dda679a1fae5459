# The command line: --version, --help with an example for every command, generate formats.
source "$(dirname "$0")/lib.sh"

run_glassbox version --version
expect_status 0 "--version"
grep -qE '^glassbox [0-9]+\.[0-9]+\.[0-9]+' "$WORK/version.out" || fail "--version prints no version"

for command in run generate validate report demo; do
  run_glassbox "help-$command" "$command" --help
  expect_status 0 "$command --help"
  expect_contains "$WORK/help-$command.out" "Example"
done

suite="$SRC/suites/examples/demo.yaml"
run_glassbox table generate "$suite" --format table
expect_status 0 "generate --format table"
expect_contains "$WORK/table.out" "classify"
run_glassbox csv generate "$suite" --format csv
head -n 1 "$WORK/csv.out" | grep -q '^suite,id,request,technique,form,stands_for' || fail "CSV header"
run_glassbox json generate "$suite" --format json --seed 7
run_glassbox json2 generate "$suite" --format json --seed 7
cmp -s "$WORK/json.out" "$WORK/json2.out" || fail "same seed, different cases"
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/json.out")
rows=$(($(wc -l <"$WORK/csv.out") - 1))
[[ $n -eq $rows ]] || fail "JSON lists $n cases, CSV $rows"

run_glassbox validate validate "$suite"
expect_status 0 "validate the example"
expect_contains "$WORK/validate.out" "ok (suite 'demo'"

# glassbox against json-server, an HTTP service installed from npm that we did not write.
source "$(dirname "$0")/lib.sh"

service="$SRC/tests/e2e/npm-service"
[[ -x $service/node_modules/.bin/json-server ]] || fail "run scripts/install-deps.sh first: json-server is not installed"
port=$(free_port)
cp "$service/db.json" "$WORK/db.json"   # json-server writes POSTed records into it
(cd "$WORK" && exec node "$service/node_modules/.bin/json-server" --host 127.0.0.1 --port "$port" --quiet db.json) \
  >"$WORK/json-server.out" 2>&1 &
PIDS+=($!)
wait_for_port "$port"

cat >"$WORK/books.yaml" <<YAML
suite: books-api
targets:
  api: http://127.0.0.1:$port
inputs:
  id:
    type: int
    partitions:
      valid:
        existing: {min: 1, max: 3}
      invalid:
        unknown: {min: 100, max: 100000}
        negative: {max: -1}
  title: {type: string, min_length: 1, max_length: 60}
requests:
  get-book:
    path: /books/{{id}}
    expect:
      status: 200
      json: {/id: {equals: "{{id}}"}, /title: {type: string}}
    expect_invalid: {status: 404}
    techniques: [{technique: partitions, form: weak_robust}]
  create-book:
    method: POST
    path: /books
    body: {title: "{{title}}", year: 2024}
    expect:
      status: 201
      headers: {location: {exists: true}}
      json: {/title: {equals: "{{title}}"}, /id: {type: integer}}
    techniques: [{technique: boundaries, form: normal}]
YAML
run_glassbox run run "$WORK/books.yaml" --junit "$WORK/junit.xml" --json "$WORK/results.json" --concurrency 1
[[ $status -eq 0 ]] || { cat "$WORK/run.err"; fail "suite against json-server: exit $status"; }
validate_junit "$WORK/junit.xml"
# 3 weak-robust partition cases (1 valid + 2 invalid) and 5 boundary cases (4n+1, n=1).
[[ $(json_get "$WORK/results.json" 'd["totals"]["passed"]') -eq 8 ]] || fail "expected 8 passing cases"
created=$(python3 -c 'import json; print(len(json.load(open("'"$WORK"'/db.json"))["books"]))')
[[ $created -eq 8 ]] || fail "json-server should hold 3 + 5 books, holds $created"

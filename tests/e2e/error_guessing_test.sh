# Error guessing end to end: every catalogue entry against every endpoint of the built-in
# demo must get an answer that is not 5xx; then the same catalogue against json-server, a
# service from npm that we did not write.
source "$(dirname "$0")/lib.sh"

cat >"$WORK/demo.yaml" <<'YAML'
suite: demo-guessing
targets: {demo: builtin:demo}
defaults: {timeout_ms: 5000}
inputs:
  a: {type: int, min: 1, max: 200}
  b: {type: int, min: 1, max: 200}
  c: {type: int, min: 1, max: 200}
  date: {type: date, min: "1812-01-01", max: "2212-12-31"}
  member: {type: bool}
  coupon: {type: bool}
  amount: {type: number, min: 0, max: 10000}
  item: {type: string, min_length: 1, max_length: 40}
  quantity: {type: int, min: 1, max: 99}
requests:
  classify:
    method: POST
    path: /triangle
    body: {a: "{{a}}", b: "{{b}}", c: "{{c}}"}
    expect: {latency_ms: 2000}
    techniques: [error_guessing]
  next-date:
    path: /nextdate
    query: {date: "{{date}}"}
    techniques: [error_guessing]
  discount:
    method: POST
    path: /discount
    body: {member: "{{member}}", coupon: "{{coupon}}", amount: "{{amount}}"}
    techniques: [error_guessing]
  order:
    method: POST
    path: /orders
    body: {order: {item: "{{item}}", quantity: "{{quantity}}"}}
    techniques: [error_guessing]
  order-flat:
    method: POST
    path: /orders
    body: {item: "{{item}}", quantity: "{{quantity}}"}
    techniques: [error_guessing]
YAML

# The case list: 3 x 41 (int) + 34 (date in a query: no duplicate key) + 2 x 25 (bool) + 41
# (number) + 2 x (35 (string) + 41 (int)).
run_glassbox generate generate "$WORK/demo.yaml" --format json
expect_status 0 "generate"
generated=$(json_get "$WORK/generate.out" 'len(d)')
[[ $generated -eq 400 ]] || fail "expected 400 generated cases, got $generated"
expect_contains "$WORK/generate.out" '"id": "classify/error_guessing/all/a=number.nan"'

run_glassbox demo run "$WORK/demo.yaml" --json "$WORK/demo.json" --junit "$WORK/demo-junit.xml" --concurrency 4
if [[ $status -ne 0 ]]; then
  json_get "$WORK/demo.json" '"\n".join(c["id"] + ": " + c["message"] for c in d["cases"] if c["outcome"] != "passed")' >&2
  fail "the demo answered an error-guessing case with 5xx or not at all: exit $status"
fi
validate_junit "$WORK/demo-junit.xml"
[[ $(json_get "$WORK/demo.json" 'd["totals"]["passed"]') -eq 400 ]] || fail "expected 400 passing demo cases"
# Each case names its entry, in its id and in what it covers.
json_get "$WORK/demo.json" 'all(c["id"].endswith("=" + c["covers"][0][len("guess:"):]) for c in d["cases"])' | grep -q True \
  || fail "every case should cover guess:<the entry its id names>"
json_get "$WORK/demo.json" '{"guess:json.duplicate_key", "guess:unicode.lone_surrogate", "guess:number.nan", "guess:field.missing", "guess:integer.int64_min_minus_one"} <= {x for c in d["cases"] for x in c["covers"]}' \
  | grep -q True || fail "results should carry the covers ids"
# The request as sent: NaN bare in the body, a missing field left out.
json_get "$WORK/demo.json" '[c["exchange"]["request"]["body"] for c in d["cases"] if c["id"] == "classify/error_guessing/all/a=number.nan"][0]' \
  >"$WORK/nan-body.out"
expect_contains "$WORK/nan-body.out" '{"a":NaN,"b":100,"c":100}'

# json-server: what a service we did not write makes of the same catalogue.
service="$SRC/tests/e2e/npm-service"
[[ -x $service/node_modules/.bin/json-server ]] || fail "run scripts/install-deps.sh first: json-server is not installed"
port=$(free_port)
cp "$service/db.json" "$WORK/db.json"
(cd "$WORK" && exec node "$service/node_modules/.bin/json-server" --host 127.0.0.1 --port "$port" --quiet db.json) \
  >"$WORK/json-server.out" 2>&1 &
PIDS+=($!)
wait_for_port "$port"

cat >"$WORK/books.yaml" <<YAML
suite: books-guessing
targets: {api: "http://127.0.0.1:$port"}
inputs:
  id: {type: int, min: 1, max: 3}
  title: {type: string, min_length: 1, max_length: 60}
  year: {type: int, min: 1900, max: 2100}
requests:
  get-book:
    path: /books/{{id}}
    techniques: [error_guessing]
  find-books:
    path: /books
    query: {title: "{{title}}"}
    techniques: [error_guessing]
  create-book:
    method: POST
    path: /books
    body: {title: "{{title}}", year: "{{year}}"}
    techniques: [error_guessing]
YAML
run_glassbox books run "$WORK/books.yaml" --json "$WORK/books.json" --concurrency 1
expect_status 0 "json-server answered an error-guessing case with 5xx or not at all"
# get-book: 41 int entries but no duplicate key (the id is in the path); find-books: 34 string
# entries in a query; create-book: 35 (title) + 41 (year) in the body.
[[ $(json_get "$WORK/books.json" 'd["totals"]["passed"]') -eq 150 ]] || fail "expected 150 passing json-server cases"
json_get "$WORK/books.json" '{"guess:json.duplicate_key", "guess:number.nan", "guess:sql.quote"} <= {x for c in d["cases"] for x in c["covers"]}' \
  | grep -q True || fail "results should carry the covers ids"
# What it makes of the catalogue: JSON.parse rejects only bodies that are not JSON (400);
# a lone surrogate, bytes that are not UTF-8, a duplicate key or a missing field are stored.
rejected=$(json_get "$WORK/books.json" 'sorted(c["label"] for c in d["cases"] if c["attempts"][-1]["status"] == 400)')
[[ $rejected == "['year=number.infinity', 'year=number.leading_zeros', 'year=number.nan', 'year=number.negative_infinity']" ]] \
  || fail "json-server rejected other bodies than expected: $rejected"
stored=$(json_get "$WORK/books.json" 'sorted(c["label"] for c in d["cases"] if c["request"] == "create-book" and c["label"] in ("title=unicode.lone_surrogate", "title=json.duplicate_key", "year=field.missing") and c["attempts"][-1]["status"] == 201)')
[[ $stored == "['title=json.duplicate_key', 'title=unicode.lone_surrogate', 'year=field.missing']" ]] \
  || fail "json-server should store what it cannot tell is wrong: $stored"

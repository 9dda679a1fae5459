# glassbox against nginx from Debian serving JSON files: a server we did not write.
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/www/books"
for i in $(seq 1 9); do printf '{"id": %d, "title": "book %d"}\n' "$i" "$i" >"$WORK/www/books/$i.json"; done
start_nginx
port=$NGINX_PORT

cat >"$WORK/nginx-suite.yaml" <<YAML
suite: nginx-static
targets:
  web: http://127.0.0.1:$port
inputs:
  book: {type: int, min: 1, max: 9}
requests:
  book:
    path: /books/{{book}}.json
    expect:
      status: 200
      headers: {content-type: {matches: "^application/json"}, server: {matches: "^nginx"}}
      json: {/id: {equals: "{{book}}"}, /title: {type: string}}
    expect_invalid: {status: 404}
    techniques: [{technique: boundaries, form: robust}]
  missing:
    path: /nothing-here.json
    expect: {status: 404}
YAML
run_glassbox run run "$WORK/nginx-suite.yaml" --junit "$WORK/junit.xml" --json "$WORK/results.json"
expect_status 0 "suite against nginx"
validate_junit "$WORK/junit.xml"
[[ $(json_get "$WORK/results.json" 'd["totals"]["passed"]') -eq 8 ]] || fail "expected 7 boundary cases + 1 fixed case to pass"

# The same suite with a wrong expectation fails, and says what nginx actually sent.
sed 's|/title: {type: string}|/title: {equals: "a different title"}|' "$WORK/nginx-suite.yaml" >"$WORK/nginx-wrong.yaml"
run_glassbox wrong run "$WORK/nginx-wrong.yaml" --junit "$WORK/wrong.xml"
expect_status 1 "wrong expectation against nginx"
expect_contains "$WORK/wrong.xml" 'expected &quot;a different title&quot;, got &quot;book '

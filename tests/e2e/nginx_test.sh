# glassbox against nginx from Debian serving JSON files: a server we did not write.
source "$(dirname "$0")/lib.sh"

command -v nginx >/dev/null || PATH=$PATH:/usr/sbin
command -v nginx >/dev/null || fail "nginx is not installed (scripts/install-deps.sh installs it)"
port=$(free_port)
mkdir -p "$WORK/www/books" "$WORK/tmp" "$WORK/logs"
for i in $(seq 1 9); do printf '{"id": %d, "title": "book %d"}\n' "$i" "$i" >"$WORK/www/books/$i.json"; done
user_line=""; [[ $(id -u) -eq 0 ]] && user_line="user root;"
cat >"$WORK/nginx.conf" <<CONF
$user_line
worker_processes 1;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  types { application/json json; }
  server { listen 127.0.0.1:$port; root $WORK/www; }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK" >"$WORK/nginx.out" 2>&1 &
PIDS+=($!)
wait_for_port "$port"

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

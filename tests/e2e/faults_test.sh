# The fault matrix: glassbox against a misbehaving server on loopback (tests/e2e/fault_server.cpp).
# Every fault must give a clear per-case error, leave the other cases running, write complete
# results JSON and JUnit, and end with the right exit code; never a crash or a hang.
# A target that refuses connections before the run starts (exit 3) is refused_target_test.sh;
# SIGINT while no case has finished is interrupt_test.sh.
source "$(dirname "$0")/lib.sh"
: "${GLASSBOX_FAULT_SERVER:?GLASSBOX_FAULT_SERVER must point at the built glassbox_fault_server}"

# start_fault_server NAME MODE [ARG...]: the fault server in MODE (stopped on exit); its port in
# $FAULT_PORT, its request log in $WORK/server-NAME.log. Not in $(...), so cleanup stops it.
start_fault_server() {
  local name=$1; shift
  "$GLASSBOX_FAULT_SERVER" "$@" >"$WORK/server-$name.port" 2>"$WORK/server-$name.log" &
  PIDS+=($!)
  for _ in $(seq 1 200); do [[ -s $WORK/server-$name.port ]] && break; sleep 0.05; done
  FAULT_PORT=$(head -n1 "$WORK/server-$name.port")
  [[ -n $FAULT_PORT ]] || fail "the fault server ($*) did not start"
}

# check_reports NAME CASES PASSED ERRORS: $WORK/NAME.json and $WORK/NAME.xml are complete:
# every case is in both, with these totals, and the JUnit file is valid.
check_reports() {
  local name=$1 cases=$2 passed=$3 errors=$4 json=$WORK/$1.json xml=$WORK/$1.xml
  [[ -s $json ]] || fail "$name: no results JSON"
  [[ -s $xml ]] || fail "$name: no JUnit file"
  local totals
  totals=$(json_get "$json" '"{cases} {passed} {errors} {n}".format(n=len(d["cases"]), **d["totals"])')
  [[ $totals == "$cases $passed $errors $cases" ]] \
    || fail "$name: results JSON has cases/passed/errors/listed '$totals', expected '$cases $passed $errors $cases'"
  validate_junit "$xml"
  local junit
  junit=$(python3 -c 'import sys, xml.etree.ElementTree as T; r=T.parse(sys.argv[1]).getroot()
print(len(r.findall(".//testcase")), len(r.findall(".//error")))' "$xml")
  [[ $junit == "$cases $errors" ]] || fail "$name: JUnit has testcases/errors '$junit', expected '$cases $errors'"
}

# error_of NAME REQUEST: the message of the (first) case of REQUEST in $WORK/NAME.json.
error_of() {
  json_get "$WORK/$1.json" "[c['message'] for c in d['cases'] if c['request'] == '$2'][0]"
}

# expect_case_error NAME REQUEST MESSAGE: the case's message in the results, the console and JUnit.
expect_case_error() {
  local got
  got=$(error_of "$1" "$2")
  [[ $got == "$3" ]] || fail "$1: case '$2' says '$got', expected '$3'"
  cat "$WORK/$1.out" "$WORK/$1.err" >"$WORK/$1.console"
  expect_contains "$WORK/$1.console" "$3"
  expect_contains "$WORK/$1.xml" "$3"
}

# one_fault NAME MODE MESSAGE: a suite of a good request (/ok) and a faulty one against the
# fault server in MODE; the good one passes, the faulty one errors with MESSAGE (in which
# PORT stands for the server's port).
one_fault() {
  local name=$1 mode=$2 message=$3
  start_fault_server "$name" "$mode"
  cat >"$WORK/$name.yaml" <<YAML
suite: $name
targets:
  api: http://127.0.0.1:$FAULT_PORT
defaults: {timeout_ms: 1000}
requests:
  good:
    path: /ok
    expect: {status: 200}
  faulty:
    path: /fault
    expect: {status: 200}
YAML
  run_glassbox "$name" run "$WORK/$name.yaml" --json "$WORK/$name.json" --junit "$WORK/$name.xml"
  expect_status 1 "$name: a per-case error"
  check_reports "$name" 2 1 1
  expect_case_error "$name" faulty "${message//PORT/$FAULT_PORT}"
}

one_fault never_answer never-answer "timeout: 127.0.0.1:PORT: no response within 1000 ms"
one_fault drip drip "timeout: 127.0.0.1:PORT: response not complete within 1000 ms"
one_fault huge_body huge-body "too_large: 127.0.0.1:PORT: response body exceeds the 8388608-byte cap"
one_fault bad_status_line bad-status-line "protocol: 127.0.0.1:PORT: malformed response: bad status"
one_fault bad_headers bad-headers "protocol: 127.0.0.1:PORT: malformed response: bad field"
one_fault bad_chunked bad-chunked "protocol: 127.0.0.1:PORT: malformed response: bad chunk"
one_fault close_mid_body close-mid-body "reset: 127.0.0.1:PORT: connection closed mid-response"

# Connection refused from the middle of the run on: the server answers two requests, then
# closes its listening socket and connections. One case at a time, so the count is exact.
start_fault_server refuse refuse-after 2
cat >"$WORK/refuse.yaml" <<YAML
suite: refuse
targets:
  api: http://127.0.0.1:$FAULT_PORT
defaults: {timeout_ms: 1000, concurrency: 1}
inputs:
  n: {type: int, min: 1, max: 1000}
requests:
  count:
    path: /ok/{{n}}
    expect: {status: 200}
    techniques: [{technique: boundaries, form: normal}]
YAML
run_glassbox refuse run "$WORK/refuse.yaml" --json "$WORK/refuse.json" --junit "$WORK/refuse.xml"
expect_status 1 "refused from the middle of the run on"
check_reports refuse 5 2 3
refused=$(json_get "$WORK/refuse.json" \
  "sorted(set(c['message'] for c in d['cases'] if c['outcome'] == 'error'))")
[[ $refused == "['connect: connect to 127.0.0.1:$FAULT_PORT: connection refused']" ]] \
  || fail "refused cases say $refused"

# A certificate for another host name, from a CA the run trusts (SSL_CERT_FILE is read by
# OpenSSL's default verify paths), so the name is the only problem. A second, plain target
# still answers.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=glassbox-e2e-ca \
  -keyout "$WORK/ca-key.pem" -out "$WORK/ca.pem" >/dev/null 2>&1
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=other.example \
  -keyout "$WORK/key.pem" -out "$WORK/req.pem" >/dev/null 2>&1
printf 'subjectAltName=DNS:other.example\n' >"$WORK/san.cnf"
openssl x509 -req -in "$WORK/req.pem" -CA "$WORK/ca.pem" -CAkey "$WORK/ca-key.pem" -CAcreateserial -days 2 \
  -extfile "$WORK/san.cnf" -out "$WORK/cert.pem" >/dev/null 2>&1 || fail "cannot make the test certificate"
start_fault_server tls tls-wrong-name "$WORK/cert.pem" "$WORK/key.pem"
tls_port=$FAULT_PORT
start_fault_server plain ok
cat >"$WORK/tls.yaml" <<YAML
suite: tls
targets:
  secure: https://127.0.0.1:$tls_port
  plain: http://127.0.0.1:$FAULT_PORT
defaults: {timeout_ms: 1000}
requests:
  wrong_name:
    target: secure
    path: /ok
    expect: {status: 200}
  good:
    target: plain
    path: /ok
    expect: {status: 200}
YAML
set +e
SSL_CERT_FILE=$WORK/ca.pem "$GLASSBOX" run "$WORK/tls.yaml" --json "$WORK/tls.json" --junit "$WORK/tls.xml" \
  >"$WORK/tls.out" 2>"$WORK/tls.err"
status=$?
set -e
expect_status 1 "a certificate for another host name"
check_reports tls 2 1 1
expect_case_error tls wrong_name \
  "tls: TLS handshake with 127.0.0.1:$tls_port failed: certificate verify failed (hostname mismatch)"

# A name that does not resolve: the pre-flight stops the run before any case (exit 3).
cat >"$WORK/nxdomain.yaml" <<YAML
suite: nxdomain
targets:
  api: http://no-such-host.invalid/
defaults: {timeout_ms: 1000}
requests:
  health:
    path: /healthz
    expect: {status: 200}
YAML
run_glassbox nxdomain run "$WORK/nxdomain.yaml" --json "$WORK/nxdomain.json"
expect_status 3 "a name that does not resolve"
expect_contains "$WORK/nxdomain.err" "cannot resolve no-such-host.invalid (http://no-such-host.invalid/healthz): "

# SIGINT after the first cases finished, while a slow one is in flight: exit 130, and the
# reports hold the finished cases as passed and the rest as skipped.
start_fault_server slow slow 10000
cat >"$WORK/sigint.yaml" <<YAML
suite: sigint
targets:
  api: http://127.0.0.1:$FAULT_PORT
defaults: {timeout_ms: 20000, concurrency: 1}
inputs:
  n: {type: int, min: 1, max: 1000}
requests:
  fast:
    path: /ok/{{n}}
    expect: {status: 200}
    techniques: [{technique: boundaries, form: normal}]
  slow:
    path: /slow/{{n}}
    expect: {status: 200}
    techniques: [{technique: boundaries, form: normal}]
YAML
"$GLASSBOX" run "$WORK/sigint.yaml" --json "$WORK/sigint.json" --junit "$WORK/sigint.xml" \
  >"$WORK/sigint.out" 2>"$WORK/sigint.err" &
run_pid=$!
# One case at a time: once a slow request has arrived, every case before it has finished.
for _ in $(seq 1 200); do grep -q "GET /slow" "$WORK/server-slow.log" && break; sleep 0.05; done
grep -q "GET /slow" "$WORK/server-slow.log" || fail "no slow request reached the server"
finished=$(grep -c "GET /ok" "$WORK/server-slow.log" || true)
[[ $finished -ge 1 ]] || fail "no case finished before the slow one"
kill -INT "$run_pid"
set +e; wait "$run_pid"; status=$?; set -e
expect_status 130 "SIGINT during a run"
check_reports sigint 10 "$finished" 0
[[ $(json_get "$WORK/sigint.json" 'd["run"]["interrupted"]') == True ]] || fail "results do not say interrupted"
[[ $(json_get "$WORK/sigint.json" 'd["totals"]["skipped"]') -eq $((10 - finished)) ]] \
  || fail "the $((10 - finished)) unfinished cases should be skipped"

echo "fault matrix: all faults handled"

# `glassbox demo` with injected faults: the flags reach the server (every second request fails
# with the chosen status, health checks are spared), and bad values are usage errors.
source "$(dirname "$0")/lib.sh"

run_glassbox bad_ratio demo --port 0 --error-ratio 1.5
expect_status 2 "an error ratio above 1"
expect_contains "$WORK/bad_ratio.err" "glassbox: demo fault error_ratio=1.5: not a ratio between 0 and 1"

run_glassbox lone_ratio demo --port 0 --latency-ratio 0.5
expect_status 2 "a latency ratio without a latency"
expect_contains "$WORK/lone_ratio.err" "glassbox: demo fault latency_ratio=0.5 needs latency_ms"

"$GLASSBOX" demo --port 0 --error-ratio 0.5 --error-status 503 >"$WORK/demo.out" 2>"$WORK/demo.err" &
PIDS+=($!)
for _ in $(seq 1 200); do grep -q "listening on" "$WORK/demo.out" && break; sleep 0.05; done
url=$(sed -n 's/^glassbox demo listening on \(http[^ ]*\).*/\1/p' "$WORK/demo.out")
[[ -n $url ]] || fail "the demo did not say where it listens"
expect_contains "$WORK/demo.out" "injecting faults: status 503 on 50% of requests (every path but /healthz)"

# status_of PATH: the status of one GET.
status_of() { python3 -c 'import sys, urllib.request, urllib.error
try: print(urllib.request.urlopen(sys.argv[1], timeout=5).status)
except urllib.error.HTTPError as e: print(e.code)' "$url$1"; }

got="$(status_of /nextdate?date=2024-02-28) $(status_of /healthz) $(status_of /nextdate?date=2024-02-28)"
got="$got $(status_of /nextdate?date=2024-02-28) $(status_of /nextdate?date=2024-02-28)"
[[ $got == "200 200 503 200 503" ]] || fail "statuses '$got', expected '200 200 503 200 503'"

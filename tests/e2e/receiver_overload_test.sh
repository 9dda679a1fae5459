# glassbox collect under overload: exporters sending faster than it ingests get either a
# 200 whose spans all reach the file, or an explicit 429/503 with Retry-After; no span is
# lost silently, and the collector's memory stays bounded. (collect writes each batch before
# answering, so a flood is slowed by TCP back-pressure rather than queued in memory; 429
# comes when the sink refuses a batch.)
#   Phase 1: parallel keep-alive connections post OTLP protobuf batches as fast as they are
#            answered; every answer is 200, 429 or 503 (with Retry-After), and the file holds
#            exactly the spans of the 200s (counted from the fixture manifest).
#   Phase 2: a sink that cannot take anything (the file is /dev/full, every write fails):
#            every request is refused with 429 and Retry-After, and nothing is counted.
# OVERLOAD_REQUESTS and OVERLOAD_WORKERS scale phase 1. With a Debug build on 2 cores the
# defaults take about 10 s (200 requests, 8000 spans a second), 35 s while the machine also
# compiles, leaving room under the CTest timeout for sanitizer builds.
source "$(dirname "$0")/lib.sh"

FIXTURES="$SRC/tests/data/fixtures"
[[ -f $FIXTURES/manifest.json ]] || FIXTURES="$SRC/../shared/fixtures"
FLOOD="$SRC/tests/e2e/tools/otlp_flood.py"
REQUESTS=${OVERLOAD_REQUESTS:-2000}
WORKERS=${OVERLOAD_WORKERS:-16}
# Peak resident memory allowed to the collector. Measured at 18 MiB on a Debug build for a
# flood of 6000 requests from 16 connections; the margin is for sanitizer builds (ASan's
# shadow memory) and allocator slack. It catches unbounded queueing or a leak per request,
# not a few MiB of growth.
MAX_RSS_KIB=$((200 * 1024))
PAYLOADS=("$FIXTURES"/{triangle,discount,nextdate,orders,faults}.otlp.pb)

# start_collect OUT: `glassbox collect` on a free port writing to OUT; sets $port, $collect_pid.
start_collect() {
  port=$(free_port)
  "$GLASSBOX" collect --listen "127.0.0.1:$port" --out "$1" >"$WORK/collect.out" 2>"$WORK/collect.err" &
  collect_pid=$!
  PIDS+=("$collect_pid")
  wait_for_port "$port"
}

# stop_collect: SIGINT, then the exit status must be 0.
stop_collect() {
  kill -INT "$collect_pid"
  set +e; wait "$collect_pid"; status=$?; set -e
  expect_status 0 "collect after SIGINT"
}

peak_rss_kib() {  # the collector's high-water mark of resident memory, in KiB
  awk '/^VmHWM:/ {print $2}' "/proc/$collect_pid/status"
}

# ---- phase 1: a flood the collector must either ingest or refuse explicitly
out="$WORK/spans.jsonl"
start_collect "$out"
python3 "$FLOOD" "$port" "$REQUESTS" "$WORKERS" "$FIXTURES/manifest.json" "${PAYLOADS[@]}" >"$WORK/flood.json" \
  || fail "the flood driver failed"
rss=$(peak_rss_kib)
stop_collect
echo "receiver_overload_test: $(cat "$WORK/flood.json"), peak RSS ${rss} KiB"

flood() { json_get "$WORK/flood.json" "$1"; }
[[ $(flood "d['transport_errors']") -eq 0 ]] || fail "requests without an answer: $(cat "$WORK/flood.json")"
[[ $(flood "sum(d['status'].values())") -eq $REQUESTS ]] || fail "not every request was answered: $(cat "$WORK/flood.json")"
[[ $(flood "sorted(set(d['status']) - {'200', '429', '503'})") == "[]" ]] \
  || fail "answers other than 200, 429 and 503: $(cat "$WORK/flood.json")"
[[ $(flood "d['throttled_without_retry_after']") -eq 0 ]] || fail "429/503 without Retry-After: $(cat "$WORK/flood.json")"
accepted=$(flood "d['accepted_spans']")
accepted_requests=$(flood "d['status'].get('200', 0)")
[[ $accepted_requests -gt 0 ]] || fail "the collector accepted nothing"
lines=$(wc -l <"$out")
[[ $lines -eq $accepted ]] || fail "$out has $lines spans, the accepted requests carried $accepted"
expect_contains "$WORK/collect.out" "glassbox collect: $REQUESTS requests, $accepted spans accepted, 0 rejected"
[[ $rss -lt $MAX_RSS_KIB ]] || fail "collect's peak RSS was $rss KiB, above the bound of $MAX_RSS_KIB KiB"

# ---- phase 2: a sink that is always full
start_collect /dev/full
python3 "$FLOOD" "$port" 500 4 "$FIXTURES/manifest.json" "${PAYLOADS[@]}" >"$WORK/full.json" \
  || fail "the flood driver failed"
stop_collect
full() { json_get "$WORK/full.json" "$1"; }
[[ $(full "d['status']") == "{'429': 500}" ]] || fail "a full sink must answer 429 to every request: $(cat "$WORK/full.json")"
[[ $(full "d['throttled_without_retry_after']") -eq 0 ]] || fail "429 without Retry-After: $(cat "$WORK/full.json")"
expect_contains "$WORK/collect.out" "glassbox collect: 500 requests, 0 spans accepted, 0 rejected"
echo "receiver_overload_test: ok"

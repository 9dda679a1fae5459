#!/usr/bin/env python3
"""Floods an OTLP/HTTP receiver from parallel keep-alive connections, as fast as it answers.

usage: otlp_flood.py PORT REQUESTS WORKERS MANIFEST FIXTURE...

Each worker posts the protobuf fixtures in turn until REQUESTS requests have been sent in
all. Prints one JSON object: the count per status, how many 429/503 answers lacked a
Retry-After header, the spans of the accepted (200) requests by the manifest's counts, the
requests that failed at the transport, and the seconds it took.
"""
import http.client
import json
import os
import sys
import threading
import time


def main():
    port, total, workers, manifest = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    spans_of = {p["file"]: p["spans"] for p in json.load(open(manifest))["payloads"]}
    fixtures = []
    for path in sys.argv[5:]:
        with open(path, "rb") as f:
            fixtures.append((f.read(), spans_of[os.path.basename(path)]))

    lock = threading.Lock()
    next_request = [0]
    result = {"status": {}, "throttled_without_retry_after": 0, "accepted_spans": 0, "transport_errors": 0}

    def take():
        with lock:
            if next_request[0] >= total:
                return None
            next_request[0] += 1
            return next_request[0]

    def worker():
        conn = None
        while (n := take()) is not None:
            body, spans = fixtures[n % len(fixtures)]
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("POST", "/v1/traces", body, {"Content-Type": "application/x-protobuf"})
                reply = conn.getresponse()
                reply.read()
                status, retry_after = reply.status, reply.getheader("Retry-After")
                if reply.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException):
                # A refused or reset connection is not an answer: counted, never retried here,
                # so the test sees it.
                with lock:
                    result["transport_errors"] += 1
                if conn is not None:
                    conn.close()
                conn = None
                continue
            with lock:
                result["status"][str(status)] = result["status"].get(str(status), 0) + 1
                if status == 200:
                    result["accepted_spans"] += spans
                elif status in (429, 503) and not (retry_after and retry_after.isdigit()):
                    result["throttled_without_retry_after"] += 1
        if conn is not None:
            conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result["seconds"] = round(time.monotonic() - started, 2)
    print(json.dumps(result))


if __name__ == "__main__":
    main()

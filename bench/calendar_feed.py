#!/usr/bin/env python3
"""Latency client for bench/calendar-feed.sh: GET /kalender/{token}.ics one at a time over one keep-alive
connection (WARMUP unmeasured, then REQUESTS measured); prints p50/p95/p99/max, the size of the answer and what
is in it. A request is timed from sending it until the whole body has been read; percentiles are nearest-rank."""

import argparse
import http.client
import os
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import HEADER, record_latencies, summary  # noqa: E402  (same percentiles and table)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--token", action="append", required=True, help="LABEL=TOKEN, repeatable")
    ap.add_argument("--requests", type=int, default=50)
    ap.add_argument("--warmup", type=int, default=10)
    args = ap.parse_args()
    conn = http.client.HTTPConnection("localhost", args.port, timeout=120)
    print(f"  {'account':<14} {'KiB':>6} {'VEVENT':>7} {'due':>5} {'VTODO':>6} {HEADER}")
    for spec in args.token:
        label, token = spec.split("=", 1)
        times, body = [], b""
        for i in range(args.warmup + args.requests):
            t0 = time.perf_counter()
            conn.request("GET", f"/kalender/{token}.ics")
            resp = conn.getresponse()
            body = resp.read()
            ms = (time.perf_counter() - t0) * 1000
            if resp.status != 200:
                sys.exit(f"GET /kalender/{token}.ics answered {resp.status}")
            if i >= args.warmup:
                times.append(ms)
        text = body.decode("utf-8")
        events = text.count("BEGIN:VEVENT")
        due = text.count("SUMMARY:Fällig")
        todos = text.count("BEGIN:VTODO")
        print(f"  {label:<14} {len(body) / 1024:6.0f} {events:7d} {due:5d} {todos:6d} {summary(times)}")
        record_latencies(f"calendar feed {label}", times)


if __name__ == "__main__":
    main()

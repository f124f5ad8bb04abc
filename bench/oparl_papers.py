#!/usr/bin/env python3
"""Client for bench/oparl-papers.sh: walks an OParl list from its first page along links.next, as a harvesting
client does, timing each page from sending the request until the whole body has been read (one keep-alive
connection). Prints per-page p50/p95/p99/max, the pages and elements walked, and checks that no element came
twice. Percentiles are nearest-rank."""

import argparse
import http.client
import json
import os
import sys
import time
import urllib.parse

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import HEADER, record_latencies, summary  # noqa: E402  (same percentiles and table)


def walk(conn, url):
    times, ids, total = [], set(), None
    while url:
        parts = urllib.parse.urlsplit(url)
        path = parts.path + ("?" + parts.query if parts.query else "")
        t0 = time.perf_counter()
        conn.request("GET", path)
        resp = conn.getresponse()
        body = resp.read()
        times.append((time.perf_counter() - t0) * 1000)
        if resp.status != 200:
            sys.exit(f"GET {path} answered {resp.status}: {body[:200]!r}")
        page = json.loads(body)
        if total is None:
            total = page["pagination"].get("totalElements")  # the first page says it
        for element in page["data"]:
            if element["id"] in ids:
                sys.exit(f"{element['id']} came twice")
            ids.add(element["id"])
        url = page["links"].get("next")
    return times, len(ids), total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--list", action="append", required=True, help="LABEL=PATH of the first page, repeatable")
    args = ap.parse_args()
    conn = http.client.HTTPConnection("localhost", args.port, timeout=120)
    print(f"  {'list':<28} {'pages':>6} {'elements':>9} {'walk s':>7} {HEADER}")
    for spec in args.list:
        label, path = spec.split("=", 1)
        t0 = time.perf_counter()
        times, count, total = walk(conn, f"http://localhost:{args.port}{path}")
        walked = time.perf_counter() - t0
        if total is not None and total != count:
            sys.exit(f"{label}: walked {count} elements, totalElements said {total}")
        print(f"  {label:<28} {len(times):6d} {count:9d} {walked:7.1f} {summary(times)}")
        record_latencies(f"oparl {label}", times)


if __name__ == "__main__":
    main()

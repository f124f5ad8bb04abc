#!/usr/bin/env python3
"""Times the patrol roster pages of a running SiPa over HTTP as a logged-in user; prints figures, asserts nothing.

Logs in (the login of directory_search.py), then GETs each page one at a time over one keep-alive connection:
WARMUP unmeasured requests, then REQUESTS measured ones, from sending until the whole body is read. Percentiles
are nearest-rank.

Usage: patrol_roster.py --port 18084 --year 2027 --organisation UUID [--requests 50] [--warmup 10]
Started by bench/patrol-roster.sh, which also provides the data.
"""

import argparse
import re
import statistics
import sys
import time

from directory_search import Browser, login, percentile
from timing import record_latencies


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--user", default="koordination")
    parser.add_argument("--password", default="demo")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--organisation", required=True)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=10)
    args = parser.parse_args()

    browser = Browser(args.host, args.port)
    login(browser, args.user, args.password)
    pages = [
        (f"year {args.year}, all organisations", f"/patrols?year={args.year}"),
        (f"year {args.year}, one organisation", f"/patrols?year={args.year}&organisation={args.organisation}"),
        (f"one week ({args.year}-W23)", f"/patrols?week={args.year}-W23"),
    ]
    print(f"  {'page':<36} {'rows':>5} {'KB':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'mean ms':>8}")
    for name, path in pages:
        times = []
        rows = size = 0
        for i in range(args.warmup + args.requests):
            start = time.perf_counter()
            status, _, page = browser.request("GET", path)
            elapsed = (time.perf_counter() - start) * 1000
            if status != 200:
                sys.exit(f"GET {path}: status {status}")
            rows = len(re.findall(r'<td><a href="/patrols/[0-9a-f-]{36}"', page))
            size = len(page.encode("utf-8"))
            if i >= args.warmup:
                times.append(elapsed)
        times.sort()
        record_latencies(f"patrol roster {name}", times)
        print(f"  {name:<36} {rows:>5} {size / 1024:>6.0f} {percentile(times, 50):>8.1f} {percentile(times, 95):>8.1f}"
              f" {times[-1]:>8.1f} {statistics.fmean(times):>8.1f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Times the places map's GeoJSON (/orte.geojson?bbox=…) of a running SiPa over HTTP; prints figures, asserts nothing.

Logs in (the login of directory_search.py), then GETs each viewport one at a time over one keep-alive connection:
WARMUP unmeasured requests, then REQUESTS measured ones, from sending until the whole body is read. Percentiles
are nearest-rank.

Usage: places_map.py --port 18086 [--requests 50] [--warmup 10]
Started by bench/places-map.sh, which also provides the data.
"""

import argparse
import json
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
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=10)
    args = parser.parse_args()

    browser = Browser(args.host, args.port)
    login(browser, args.user, args.password)
    views = [
        ("whole city", "/orte.geojson?bbox=9.12,48.73,9.24,48.82"),
        ("about 1 km² (zoom 15)", "/orte.geojson?bbox=9.175,48.770,9.189,48.779"),
        ("export, every place", "/orte.geojson?all"),
    ]
    print(f"  {'viewport':<28} {'places':>6} {'KB':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'mean ms':>8}")
    for name, path in views:
        times = []
        places = size = 0
        for i in range(args.warmup + args.requests):
            start = time.perf_counter()
            status, _, body = browser.request("GET", path)
            elapsed = (time.perf_counter() - start) * 1000
            if status != 200:
                sys.exit(f"GET {path}: status {status}")
            places = len(json.loads(body)["features"])
            size = len(body.encode("utf-8"))
            if i >= args.warmup:
                times.append(elapsed)
        times.sort()
        record_latencies(f"places map {name}", times)
        print(f"  {name:<28} {places:>6} {size / 1024:>6.0f} {percentile(times, 50):>8.1f} {percentile(times, 95):>8.1f}"
              f" {times[-1]:>8.1f} {statistics.fmean(times):>8.1f}")


if __name__ == "__main__":
    main()

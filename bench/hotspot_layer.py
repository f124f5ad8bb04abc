#!/usr/bin/env python3
"""The hotspot map layer over HTTP: GET /lagebild/hotspots.geojson as the map does, logged in as the coordinator,
one request at a time over one keep-alive connection, for viewports of about 1 and 2 km² (bbox) and for the whole
city (no bbox); last twelve months, all reports, 100 m cells. Prints p50/p95/p99 per kind with the answer's size
and its number of cells. Stdlib only; the form login of directory_search.py, the percentiles of timing.py."""

import argparse
import json
import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from directory_search import Browser, login  # noqa: E402
from timing import HEADER, interleaved, record_latencies, summary  # noqa: E402


def kinds(args):
    """Name, extra parameters. The viewports lie over the seeded reports' area (48.745–48.795, 9.145–9.245)."""
    # 1 km² ≈ 0.0090° latitude × 0.0137° longitude at 48.77°
    return [
        ("viewport 1 km² (Mitte)", {"bbox": "9.1730,48.7770,9.1867,48.7860"}),
        ("viewport 2 km² (Ost)", {"bbox": "9.2000,48.7600,9.2194,48.7727"}),
        ("whole city", {}),
        ("viewport 1 km², patrols only", {"bbox": "9.1730,48.7770,9.1867,48.7860", "source": "PATROLS"}),
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--user", default="koordination")
    parser.add_argument("--password", default="demo")
    parser.add_argument("--from-date", required=True)
    parser.add_argument("--to-date", required=True)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()

    browser = Browser(args.host, args.port, timeout=120)
    login(browser, args.user, args.password)
    all_kinds = kinds(args)

    def path(k):
        params = {"from": args.from_date, "to": args.to_date, "cell": "100", **all_kinds[k][1]}
        return "/lagebild/hotspots.geojson?" + urllib.parse.urlencode(params)

    facts = {}
    for k, (name, _) in enumerate(all_kinds):
        status, _, body = browser.request("GET", path(k))
        if status != 200:
            sys.exit(f"{name}: status {status}: {body[:300]!r}")
        layer = json.loads(body)
        facts[name] = (len(layer["features"]), len(body.encode("utf-8")),
                       sum(f["properties"]["count"] for f in layer["features"]))

    def send(k):
        status, _, _ = browser.request("GET", path(k))
        return status

    timings, errors, duration = interleaved(len(all_kinds), args.warmup, args.requests, args.seed, send)
    print(f"GET /lagebild/hotspots.geojson {args.from_date}..{args.to_date}, cell 100 m: "
          f"{len(all_kinds) * args.warmup} warm-up + {len(all_kinds) * args.requests} measured requests in "
          f"{duration:.1f} s, one at a time; {errors} failed")
    print(f"  {'layer':30} {'cells':>6} {'reports':>7} {'KiB':>6} {HEADER}")
    for k, (name, _) in enumerate(all_kinds):
        cells, size, counted = facts[name]
        print(f"  {name:30} {cells:6d} {counted:7d} {size / 1024:6.0f} {summary(timings[k])}")
        record_latencies(f"hotspot layer: {name}", timings[k])


if __name__ == "__main__":
    main()

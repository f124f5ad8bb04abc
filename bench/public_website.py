#!/usr/bin/env python3
"""Times the public pages of a partnership's website (no login) of a running SiPa over HTTP; prints figures, asserts
nothing.

GETs each page one at a time over one keep-alive connection, from sending until the whole body is read: WARMUP
unmeasured requests per page, then REQUESTS measured ones, the pages interleaved in a shuffled order (timing.py) so
that none always runs first or on a cold cache. Percentiles are nearest-rank.

Usage: public_website.py --port 18087 [--slug musterstadt] [--requests 100] [--warmup 20]
Started by bench/public-website.sh, which also starts SiPa with the demo.
"""

import argparse
import http.client
import re
import sys

from timing import HEADER, interleaved, record_latencies, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--slug", default="musterstadt")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()

    site = f"/buerger/{args.slug}"
    connection = http.client.HTTPConnection(args.host, args.port, timeout=30)

    def fetch(path):
        connection.request("GET", path, headers={"Accept-Language": "de"})
        response = connection.getresponse()
        return response.status, response.read()

    pages = [("home", site), ("news", site + "/neuigkeiten"), ("news feed (Atom)", site + "/neuigkeiten.atom"),
             ("projects", site + "/projekte"), ("places", site + "/orte"), ("annual reports", site + "/berichte"),
             ("open reports as a list", site + "/karte/liste")]
    status, body = fetch(site + "/berichte")
    published = re.search(rf'href="({re.escape(site)}/berichte/\d{{4}})"', body.decode("utf-8"))
    if published:
        pages.append(("a published report", published.group(1)))
    sizes = {}
    for name, path in pages:
        status, body = fetch(path)
        if status != 200:
            sys.exit(f"GET {path}: status {status}")
        sizes[name] = len(body)

    timings, errors, seconds = interleaved(len(pages), args.warmup, args.requests, args.seed,
                                           lambda k: fetch(pages[k][1])[0])
    print(f"  {'page':<22} {'KB':>5} {HEADER}")
    for k, (name, path) in enumerate(pages):
        record_latencies(f"public website {name}", timings[k])
        print(f"  {name:<22} {sizes[name] / 1024:>5.0f} {summary(timings[k])}")
    every = [t for k in timings for t in timings[k]]
    record_latencies("public website, every page", every)
    print(f"  {'every page':<22} {'':>5} {summary(every)}")
    print(f"  {errors} failed requests, {seconds:.1f} s in all")


if __name__ == "__main__":
    main()

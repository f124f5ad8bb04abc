#!/usr/bin/env python3
"""Times directory searches of a running SiPa over HTTP, as a logged-in user; prints figures, asserts nothing.

Logs in through the form (CSRF token from the login page, session cookie kept like a browser's cookie jar),
then sends a mix of GET /directory requests over one keep-alive connection, one at a time. Each kind of query
gets WARMUP unmeasured requests and then REQUESTS measured ones, all kinds interleaved in a shuffled (seeded)
order. A request is timed from sending it until its whole body has been read. Percentiles are nearest-rank.

Usage: directory_search.py --port 18081 --organisation UUID --body UUID --district UUID [--requests 200] ...
Started by bench/directory-search.sh, which also provides the data.
"""

import argparse
import http.client
import http.cookies
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse

sys.dont_write_bytecode = True  # no __pycache__ in bench/ from the import below
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import interleaved, percentile, record_latencies  # noqa: E402


class Browser:
    """One keep-alive connection with a cookie jar: enough of a browser for form login and GETs."""

    def __init__(self, host, port, timeout=60):
        self.connection = http.client.HTTPConnection(host, port, timeout=timeout)
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = http.cookies.SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        return response.status, response.headers, content.decode("utf-8", "replace")


def login(browser, username, password):
    status, _, page = browser.request("GET", "/login")
    token = re.search(r'name="_csrf"\s+value="([^"]+)"', page) or re.search(r'value="([^"]+)"\s+name="_csrf"', page)
    if status != 200 or not token:
        sys.exit(f"GET /login: status {status}, CSRF token {'found' if token else 'missing'}")
    form = urllib.parse.urlencode({"username": username, "password": password, "_csrf": token.group(1)})
    status, headers, _ = browser.request("POST", "/login", body=form)
    location = headers.get("Location", "")
    if status != 302 or "error" in location or "blocked" in location:
        sys.exit(f"Login as {username} failed: status {status}, Location {location!r}")


def query_kinds(args):
    """Name, query string parameters, extra headers. The htmx request sends the form as the browser does."""
    empty = {"function": "", "organisation": "", "body": "", "district": ""}
    return [
        ("all (no filter)", {}, {}),
        (f"text common '{args.common}'", {"text": args.common}, {}),
        (f"text rare '{args.rare}'", {"text": args.rare}, {}),
        ("organisation", {"organisation": args.organisation}, {}),
        ("body", {"body": args.body}, {}),
        ("district", {"district": args.district}, {}),
        (f"text '{args.common}' page 2", {"text": args.common, "page": "1"}, {}),
        (f"htmx fragment '{args.common}'", {"text": args.common, **empty},
         {"HX-Request": "true", "HX-Target": "results", "HX-Current-URL": f"http://localhost:{args.port}/directory"}),
    ]


COUNT = re.compile(r'class="result-count"[^>]*>\s*([\d.,]+)')


def matches(page):
    found = COUNT.search(page)
    return int(found.group(1).replace(".", "").replace(",", "")) if found else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--user", default="koordination")
    parser.add_argument("--password", default="demo")
    parser.add_argument("--organisation", required=True, help="organisation id for the organisation filter")
    parser.add_argument("--body", required=True, help="body id for the body filter")
    parser.add_argument("--district", required=True, help="district id for the district filter")
    parser.add_argument("--common", default="schm", help="a frequent search text")
    parser.add_argument("--rare", default="przyb", help="a rare search text")
    parser.add_argument("--requests", type=int, default=200, help="measured requests per kind")
    parser.add_argument("--warmup", type=int, default=20, help="unmeasured requests per kind first")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--before-measuring", metavar="COMMAND",
                        help="shell command to run after the warm-up, e.g. to reset database statistics")
    args = parser.parse_args()

    browser = Browser(args.host, args.port)
    login(browser, args.user, args.password)
    kinds = query_kinds(args)

    # Check every kind once: 200, a result count, and the fragment really is one.
    found = {}
    for name, params, headers in kinds:
        status, _, page = browser.request("GET", "/directory?" + urllib.parse.urlencode(params), headers=headers)
        if status != 200 or matches(page) is None:
            sys.exit(f"{name}: status {status}, no result count - not logged in or page changed?")
        if ("HX-Request" in headers) == ("<html" in page):
            sys.exit(f"{name}: unexpected {'full page' if '<html' in page else 'fragment'}")
        found[name] = (matches(page), len(page))

    def send(k):
        _, params, headers = kinds[k]
        try:
            return browser.request("GET", "/directory?" + urllib.parse.urlencode(params), headers=headers)[0]
        except (OSError, http.client.HTTPException):
            browser.connection.close()
            raise

    def report_slow(k, status, elapsed):
        print(f"{time.strftime('%H:%M:%S')} {kinds[k][0]}: {status} after {elapsed:.0f} ms", file=sys.stderr)

    def reset():
        subprocess.run(args.before_measuring, shell=True, check=True, stdout=subprocess.DEVNULL)

    timings, errors, duration = interleaved(len(kinds), args.warmup, args.requests, args.seed, send,
                                            reset if args.before_measuring else None, report_slow)

    print(f"{len(kinds) * args.warmup} warm-up + {len(kinds) * args.requests} measured requests in {duration:.1f} s, one at a time, "
          f"keep-alive; {errors} failed (not 200 or no answer)")
    print(f"{'query':32} {'matches':>7} {'KiB':>5} {'n':>5} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>7} {'mean':>7}  (ms)")
    everything = []
    for k, (name, _, _) in enumerate(kinds):
        values = sorted(timings[k])
        everything.extend(values)
        hits, size = found[name]
        print(f"{name:32} {hits:7d} {size / 1024:5.0f} {len(values):5d} {percentile(values, 50):7.1f} "
              f"{percentile(values, 95):7.1f} {percentile(values, 99):7.1f} {values[-1]:7.1f} "
              f"{statistics.fmean(values):7.1f}")
    everything.sort()
    record_latencies("directory search overall", everything)
    print(f"{'overall':32} {'':7} {'':5} {len(everything):5d} {percentile(everything, 50):7.1f} "
          f"{percentile(everything, 95):7.1f} {percentile(everything, 99):7.1f} {everything[-1]:7.1f} "
          f"{statistics.fmean(everything):7.1f}")


if __name__ == "__main__":
    main()

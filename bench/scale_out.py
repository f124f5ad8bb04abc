#!/usr/bin/env python3
"""Checks for bench/scale-out.sh through the load balancer (nginx adds X-Sipa-Upstream, the instance that answered).

  session  logs in once, then GETs pages REQUESTS times on one keep-alive connection; nginx hands the requests to
           both instances in turn. Prints how many answered 200 with the logged-in page per instance; exits 1 if a
           request fell back to the login page or only one instance answered.
"""

import argparse
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in bench/ from the import below
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from directory_search import Browser, login  # noqa: E402  (same form login and cookie jar)

PAGES = ["/reports", "/", "/meetings", "/directory", "/patrols"]


def session(args):
    browser = Browser(args.host, args.port)
    login(browser, args.user, args.password)
    answered = {}
    lost = 0
    for i in range(args.requests):
        path = PAGES[i % len(PAGES)]
        status, headers, page = browser.request("GET", path)
        upstream = headers.get("X-Sipa-Upstream", "?")
        logged_in = status == 200 and 'action="/logout"' in page
        if logged_in:
            answered[upstream] = answered.get(upstream, 0) + 1
        else:
            lost += 1
            why = "login page" if 'name="password"' in page else "not logged in"
            print(f"  GET {path} via {upstream}: status {status}, {why}")
    for upstream, count in sorted(answered.items()):
        print(f"  {upstream}: {count} pages answered within the one session")
    print(f"  session kept on {len(answered)} instance(s), {lost} request(s) lost it")
    return 0 if lost == 0 and len(answered) >= 2 else 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["session"])
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--user", default="koordination")
    parser.add_argument("--password", default="demo")
    args = parser.parse_args()
    sys.exit(session(args))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Signed-in crowd client for bench/signed-in-crowd.sh: many logged-in users of every role at once, each clicking
through the pages its role's menu leads to, with no pause between clicks.

1. Explores, per account: the start page's links and the links of those pages (GET only, own paths, no downloads,
   feeds, exports or logout), keeping each path that answered 200, up to PATHS per account.
2. Logs in CLIENTS sessions (accounts in turn), one after the other (not measured).
3. Sends every session's first request at the same moment (a barrier): each request's first access finds its user
   in the session, the access that once held a pooled connection while waiting for a second one.
4. Then each session requests a random one of its paths, one after the other, for DURATION seconds.
5. Afterwards every session asks its start page once more: all must answer, else the pool lost connections.
Prints the latencies of the first requests and of the loop (overall and the slowest paths), answers by status,
failures, the database pool's largest number of waiting threads (from /actuator/prometheus, sampled every 0.5 s)
and the CPU of this client. Percentiles are nearest-rank. Asserts nothing; exits 1 if step 5 fails."""

import argparse
import html
import os
import random
import re
import sys
import threading
import time
import urllib.request

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from directory_search import Browser, login  # noqa: E402  (same form login and cookie jar)
from timing import HEADER, percentile, record, summary  # noqa: E402  (same percentiles and table)

LINK = re.compile(r'<a\b[^>]*?\bhref="(/[^"#]*)"', re.I)
# Paths that end the session, send files, feeds or machine APIs, or change nothing a user looks at.
SKIP = re.compile(r'^/(logout|login|css/|js/|webjars/|img/|actuator|open311|oparl|buerger|public|api/)'
                  r'|\.(pdf|csv|ics|xml|json|geojson|png|zip)(\?|$)|/(export|download|feed|calendar)\b', re.I)


def explore(host, port, username, limit):
    """The account's own pages: the start page's links, then theirs, as far as LIMIT paths that answered 200."""
    browser = Browser(host, port)
    login(browser, username, "demo")
    found, queue, seen = [], ["/"], {"/"}
    while queue and len(found) < limit:
        path = queue.pop(0)
        status, _, page = browser.request("GET", path)
        if status != 200:
            continue
        found.append(path)
        for link in LINK.findall(page):
            link = html.unescape(link)
            if link not in seen and not SKIP.search(link):
                seen.add(link)
                queue.append(link)
    return found


def prometheus_pending(host, port, token):
    request = urllib.request.Request(f"http://{host}:{port}/actuator/prometheus",
                                     headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=5) as response:
        text = response.read().decode()
    values = {}
    for name in ("hikaricp_connections_pending", "hikaricp_connections_active", "hikaricp_connections_timeout_total"):
        m = re.search(rf'^{name}\{{[^}}]*\}} ([0-9.eE+]+)', text, re.M)
        values[name] = float(m.group(1)) if m else float("nan")
    return values


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="localhost")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--accounts", default="koordination,polizei,ordnungsamt,jugendamt,lenkung,admin,kreis,land")
    ap.add_argument("--clients", type=int, default=120)
    ap.add_argument("--paths", type=int, default=40)
    ap.add_argument("--duration", type=float, default=60)
    ap.add_argument("--metrics-token", required=True)
    args = ap.parse_args()
    accounts = args.accounts.split(",")

    paths = {name: explore(args.host, args.port, name, args.paths) for name in accounts}
    for name in accounts:
        print(f"  {name}: {len(paths[name])} pages")
    sessions = []
    for i in range(args.clients):
        name = accounts[i % len(accounts)]
        browser = Browser(args.host, args.port, timeout=30)
        login(browser, name, "demo")
        sessions.append((name, browser))

    first, loop, per_path = [], [[] for _ in sessions], {}
    statuses, failures = {}, []
    lock = threading.Lock()
    barrier = threading.Barrier(args.clients)
    sampling = threading.Event()
    samples = []

    def send(browser, path):
        t0 = time.perf_counter()
        try:
            status, _, _ = browser.request("GET", path)
        except Exception as e:  # a timeout or a closed connection is a failure to report, not a crash
            status = type(e).__name__
            browser.connection.close()
        ms = (time.perf_counter() - t0) * 1000
        with lock:
            statuses[status] = statuses.get(status, 0) + 1
            if status != 200:
                failures.append((path, status))
        return ms

    def client(i):
        name, browser = sessions[i]
        rng = random.Random(i)
        own = paths[name]
        barrier.wait()
        ms = send(browser, rng.choice(own))
        with lock:
            first.append(ms)
        until = time.time() + args.duration
        while time.time() < until:
            path = rng.choice(own)
            ms = send(browser, path)
            loop[i].append(ms)
            with lock:
                per_path.setdefault(path, []).append(ms)

    def sample():
        while not sampling.is_set():
            try:
                samples.append(prometheus_pending(args.host, args.port, args.metrics_token))
            except Exception:  # the scrape itself may wait behind the crowd; a missed sample is no result
                pass
            sampling.wait(0.5)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    sampler = threading.Thread(target=sample)
    cpu0, t0 = os.times(), time.time()
    sampler.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    sampling.set()
    sampler.join()
    cpu1, elapsed = os.times(), time.time() - t0

    answered = 0
    for name, browser in sessions:
        try:
            status, _, _ = browser.request("GET", "/")
        except Exception:
            browser.connection.close()
            status = None
        answered += status == 200

    everything = [ms for per in loop for ms in per]
    print(f"{args.clients} signed-in sessions ({', '.join(accounts)}), {len(per_path)} different pages, "
          f"{args.duration:.0f} s without pauses")
    print(f"  {'':<34} {HEADER}")
    print(f"  {'first requests, all at once':<34} {summary(first)}")
    print(f"  {'then one after the other':<34} {summary(everything)}")
    print(f"  throughput: {len(everything) / args.duration:.1f} pages/s; answers: "
          + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=lambda kv: str(kv[0]))))
    slowest = sorted(per_path.items(), key=lambda kv: -percentile(sorted(kv[1]), 95))[:8]
    print("  slowest pages by p95:")
    for path, values in slowest:
        print(f"    {path[:32]:<32} {summary(values)}")
    for path, status in failures[:10]:
        print(f"  failed: {path} -> {status}")
    if samples:
        print(f"  database pool: at most {max(s['hikaricp_connections_pending'] for s in samples):.0f} threads "
              f"waiting, {max(s['hikaricp_connections_active'] for s in samples):.0f} connections in use; "
              f"{samples[-1]['hikaricp_connections_timeout_total']:.0f} timeouts ({len(samples)} samples)")
    print(f"  afterwards: {answered} of {len(sessions)} sessions answered on their start page")
    print(f"  client CPU: {(cpu1.user + cpu1.system - cpu0.user - cpu0.system) / elapsed:.2f} cores")
    record("signed-in-crowd", "first requests p95", percentile(sorted(first), 95), "ms")
    record("signed-in-crowd", "pages p95", percentile(sorted(everything), 95), "ms")
    record("signed-in-crowd", "pages per second", len(everything) / args.duration, "1/s")
    if answered < len(sessions) or any(not isinstance(k, int) or k >= 500 for k in statuses):
        sys.exit(1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Load and latency client for bench/reports.sh (Open311 and the coordinator's queue); prints figures only.

  post   N concurrent clients (threads), each with its own keep-alive connection, send Open311
         POST requests.json as fast as they get answers: WARMUP seconds unmeasured, then DURATION seconds measured.
         Prints requests/s, p50/p95/p99/max, errors, and the CPU this client used (to see whether it is the limit).
  get    GET requests.json with filters, one at a time over one connection, kinds interleaved (seeded shuffle).
  queue  logs in as the coordinator (CSRF form login) and times GET /reports?queue=... one at a time.
  start  logs in as each role's demo account and times its start page GET / one at a time, accounts in turns.

Percentiles are nearest-rank; a request is timed from sending it until the whole body has been read.
"""

import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.parse

sys.dont_write_bytecode = True  # no __pycache__ in bench/ from the import below
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from directory_search import Browser, login  # noqa: E402  (same form login and cookie jar)
import proc_cpu  # noqa: E402
from timing import HEADER, interleaved, percentile, record, record_latencies, summary  # noqa: E402

CATEGORIES = [("muell", 35), ("laerm", 25), ("alkohol", 12), ("beleuchtung", 10), ("haltestelle", 8),
              ("betteln", 5), ("sonstiges", 5)]
TEXTS = ["Glasscherben und Müll rund um die Bänke am Spielplatz", "Laute Musik und Gegröle am Pavillon bis 2 Uhr",
         "Trinkergruppe am Brunnen, Flaschen bleiben liegen", "Der Fußweg ist komplett dunkel, Laternen sind aus",
         "An der Haltestelle fühle ich mich abends nicht sicher", "Passanten werden am Eingang bedrängt"]




def post_body(rng, args):
    code = rng.choices([c for c, _ in CATEGORIES], weights=[w for _, w in CATEGORIES])[0]
    form = {"api_key": args.api_key, "jurisdiction_id": args.jurisdiction, "service_code": code,
            "lat": f"{48.745 + rng.random() * 0.05:.6f}", "long": f"{9.145 + rng.random() * 0.10:.6f}",
            "description": f"{rng.choice(TEXTS)} (Last-Test {rng.randrange(1_000_000)})"}
    if code == "laerm" and rng.random() < 0.5:
        form["attribute[uhrzeit]"] = "2026-11-21T23:30"
    if code == "alkohol":  # a required attribute
        form["attribute[anzahl]"] = str(rng.randint(2, 12))
    return urllib.parse.urlencode(form)


def server_cpu(args):
    """CPU seconds used so far by the processes named in --cpu (name=pid; --cpu-tree: with descendants)."""
    figures = {}
    for kind, spec in (("own", args.cpu), ("tree", args.cpu_tree)):
        for item in filter(None, (spec or "").split(",")):
            name, pid = item.split("=")
            figures[name] = proc_cpu.tree(int(pid)) / proc_cpu.TICKS if kind == "tree" \
                else proc_cpu.stat(int(pid))[1] / proc_cpu.TICKS
    return figures


def jvm_threads(args):
    """CPU seconds of the first --cpu process's threads by kind (requests, jobs, JIT, GC, other)."""
    first = next(filter(None, (args.cpu or "").split(",")), None)
    if not first:
        return {}
    return {kind: ticks / proc_cpu.TICKS for kind, ticks in proc_cpu.threads(int(first.split("=")[1])).items()}


def post(args):
    deadline_warm = time.perf_counter() + args.warmup
    deadline_end = deadline_warm + args.duration
    results = [[] for _ in range(args.clients)]
    errors = [0] * args.clients
    samples = []

    def client(i):
        rng = random.Random(args.seed + i)
        conn = http.client.HTTPConnection(args.host, args.port, timeout=30)
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
        while True:
            body = post_body(rng, args)
            t0 = time.perf_counter()
            if t0 >= deadline_end:
                break
            try:
                conn.request("POST", "/open311/v2/requests.json", body=body, headers=headers)
                response = conn.getresponse()
                content = response.read()
                ok = response.status == 200 and b"service_request_id" in content
                if not ok and errors[i] < 3:
                    print(f"POST: {response.status} {content[:200]!r}", file=sys.stderr)
            except (OSError, http.client.HTTPException) as e:
                ok = False
                print(f"POST: {type(e).__name__} {e}", file=sys.stderr)
                conn.close()
                conn = http.client.HTTPConnection(args.host, args.port, timeout=30)
            t1 = time.perf_counter()
            if t0 >= deadline_warm:
                results[i].append((t1 - t0) * 1000)
                if not ok:
                    errors[i] += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    cpu0 = os.times()
    for t in threads:
        t.start()
    time.sleep(args.warmup)
    cpu_warm = os.times()
    servers_warm, threads_warm = server_cpu(args), jvm_threads(args)
    if args.on_measure:
        subprocess.run(args.on_measure, shell=True, check=False)
    for t in threads:
        t.join()
    cpu_end = os.times()
    servers_end, threads_end = server_cpu(args), jvm_threads(args)
    values = [v for r in results for v in r]
    client_cpu = (cpu_end.user + cpu_end.system - cpu_warm.user - cpu_warm.system) / args.duration
    print(f"POST /open311/v2/requests.json, {args.clients} clients (threads, keep-alive), "
          f"{args.warmup} s warm-up, {args.duration} s measured")
    print(f"  achieved: {len(values) / args.duration:.1f} requests/s ({len(values)} answered, "
          f"{sum(errors)} errors = not 200 or no service_request_id)")
    print(f"  latency:  {HEADER}")
    print(f"            {summary(values)}")
    print(f"  client:   this Python process used {client_cpu:.2f} CPU cores on average while measuring "
          f"({client_cpu / os.cpu_count() * 100:.0f} % of the machine)")
    if values and servers_warm:
        per_post = {name: (servers_end[name] - servers_warm[name]) * 1000 / len(values) for name in servers_warm}
        print("  per POST: " + ", ".join(f"{name} {ms:.2f} ms CPU" for name, ms in per_post.items())
              + " (measured period; the process's threads, PostgreSQL's with all its backends)")
        split = {kind: (threads_end.get(kind, 0) - threads_warm.get(kind, 0)) * 1000 / len(values)
                 for kind in sorted(threads_end)}
        print("  JVM's threads per POST: " + ", ".join(f"{kind} {ms:.2f}" for kind, ms in split.items()) + " ms")
    print(f"RESULT post_rate={len(values) / args.duration:.1f} post_p99={percentile(sorted(values), 99):.1f} "
          f"post_count={len(values)}")
    record("open311 POST", "throughput", len(values) / args.duration, "1/s")
    record("open311 POST", "p99", percentile(sorted(values), 99), "ms")


def get_kinds(args):
    """Filter kinds of GET requests.json: name, parameters (besides jurisdiction_id)."""
    ids = args.ids.split(",")
    return [
        ("default (last 90 days)", {}),
        ("service_code=muell", {"service_code": "muell"}),
        ("status=open", {"status": "open"}),
        ("start/end_date (1 week)", {"start_date": args.week_start, "end_date": args.week_end}),
        ("code+closed+dates (1 month)", {"service_code": "laerm", "status": "closed",
                                         "start_date": args.month_start, "end_date": args.month_end}),
        (f"service_request_id ({len(ids)} ids)", {"service_request_id": ",".join(ids)}),
        ("lat/long/radius 200 m", {"lat": "48.7700", "long": "9.1900", "radius": "200"}),
        ("page_size=50", {"page_size": "50"}),
    ]


def get(args):
    kinds = get_kinds(args)
    conn = http.client.HTTPConnection(args.host, args.port, timeout=120)
    rows = {}
    for name, params in kinds:
        params = {"jurisdiction_id": args.jurisdiction, **params}
        conn.request("GET", "/open311/v2/requests.json?" + urllib.parse.urlencode(params))
        response = conn.getresponse()
        content = response.read()
        if response.status != 200:
            sys.exit(f"{name}: status {response.status}: {content[:300]!r}")
        rows[name] = (len(json.loads(content)), len(content))

    def send(k):
        params = {"jurisdiction_id": args.jurisdiction, **kinds[k][1]}
        try:
            conn.request("GET", "/open311/v2/requests.json?" + urllib.parse.urlencode(params))
            response = conn.getresponse()
            response.read()
            return response.status
        except (OSError, http.client.HTTPException):
            conn.close()
            raise

    timings, errors, duration = interleaved(len(kinds), args.warmup, args.requests, args.seed, send)
    print(f"GET /open311/v2/requests.json: {len(kinds) * args.warmup} warm-up + {len(kinds) * args.requests} "
          f"measured requests in {duration:.1f} s, one at a time; {errors} failed")
    print(f"  {'filter':32} {'found':>5} {'KiB':>6} {HEADER}")
    everything = []
    for k, (name, _) in enumerate(kinds):
        everything += timings[k]
        found, size = rows[name]
        print(f"  {name:32} {found:5d} {size / 1024:6.0f} {summary(timings[k])}")
    print(f"  {'overall':32} {'':5} {'':6} {summary(everything)}")
    record_latencies("open311 GET with filters", everything)


def queue(args):
    browser = Browser(args.host, args.port, timeout=120)
    login(browser, args.user, args.password)
    kinds = [("coordination (default)", {"queue": "coordination"}),
             ("all", {"queue": "all"}),
             ("all, status=NEW", {"queue": "all", "status": "NEW"}),
             ("all, category=muell", {"queue": "all", "category": args.category}),
             ("all, page 2", {"queue": "all", "page": "1"}),
             ("all incl. closed", {"queue": "all", "closed": "true"}),
             ("all incl. closed, page 2", {"queue": "all", "closed": "true", "page": "1"})]
    sizes = {}
    for name, params in kinds:
        status, _, page = browser.request("GET", "/reports?" + urllib.parse.urlencode(params))
        if status != 200 or "<html" not in page:
            sys.exit(f"queue {name}: status {status} - not logged in or page changed?")
        sizes[name] = len(page.encode())
    timings, errors, _ = interleaved(len(kinds), args.warmup, args.requests, args.seed,
                                     lambda k: browser.request("GET", "/reports?" + urllib.parse.urlencode(kinds[k][1]))[0])
    print(f"GET /reports as '{args.user}': {len(kinds) * args.warmup} warm-up + {len(kinds) * args.requests} measured, one at a time; "
          f"{errors} failed")
    print(f"  {'queue':32} {'KiB':>6} {HEADER}")
    everything = []
    for k, (name, _) in enumerate(kinds):
        everything += timings[k]
        print(f"  {name:32} {sizes[name] / 1024:6.0f} {summary(timings[k])}")
    print(f"  {'overall':32} {'':6} {summary(everything)}")
    record_latencies("coordinator queue", everything)


def start(args):
    """Each role's start page (GET /) after login, one browser per account, taken in turns."""
    accounts = [("koordination", "coordinator"), ("polizei", "partner (police)"), ("ordnungsamt", "partner (Ordnungsamt)"),
                ("lenkung", "steering group"), ("admin", "administrator"), ("kreis", "county network")]
    browsers = []
    for user, _ in accounts:
        browser = Browser(args.host, args.port, timeout=120)
        login(browser, user, args.password)
        status, _, page = browser.request("GET", "/")
        if status != 200 or "<html" not in page:
            sys.exit(f"start page of {user}: status {status} - not logged in or page changed?")
        browsers.append((browser, len(page.encode())))
    timings, errors, _ = interleaved(len(accounts), args.warmup, args.requests, args.seed,
                                     lambda k: browsers[k][0].request("GET", "/")[0])
    print(f"GET / per role: {len(accounts) * args.warmup} warm-up + {len(accounts) * args.requests} measured, one at a time; "
          f"{errors} failed")
    print(f"  {'account (role)':40} {'KiB':>6} {HEADER}")
    everything = []
    for k, (user, role) in enumerate(accounts):
        everything += timings[k]
        print(f"  {user + ' (' + role + ')':40} {browsers[k][1] / 1024:6.0f} {summary(timings[k])}")
        record_latencies(f"start page {user}", timings[k])
    print(f"  {'overall':40} {'':6} {summary(everything)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["post", "get", "queue", "start"])
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--jurisdiction", default="musterstadt")
    parser.add_argument("--api-key", default="musterstadt-demo-key")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--warmup", type=float, default=10, help="post: seconds; get/queue/start: requests per kind")
    parser.add_argument("--duration", type=float, default=60, help="post: measured seconds")
    parser.add_argument("--requests", type=int, default=100, help="get/queue/start: measured requests per kind")
    parser.add_argument("--ids", default="", help="get: comma list of public ids")
    parser.add_argument("--week-start"), parser.add_argument("--week-end")
    parser.add_argument("--month-start"), parser.add_argument("--month-end")
    parser.add_argument("--category", help="queue: category id of 'muell'")
    parser.add_argument("--user", default="koordination")
    parser.add_argument("--password", default="demo")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--on-measure", help="post: shell command run when the measured period starts")
    parser.add_argument("--cpu", help="post: name=pid,... whose CPU per POST to report (e.g. JVM=1234)")
    parser.add_argument("--cpu-tree", help="post: the same for process trees (e.g. PostgreSQL=postmaster pid)")
    args = parser.parse_args()
    if args.mode in ("get", "queue", "start"):
        args.warmup = int(args.warmup)
    {"post": post, "get": get, "queue": queue, "start": start}[args.mode](args)


if __name__ == "__main__":
    main()

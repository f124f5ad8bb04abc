#!/usr/bin/env python3
"""Live operations log client for bench/operations-log.sh: WRITERS sessions write entries to one event's log
(POST /events/{id}/log, each writer one entry every WRITE_EVERY seconds with jitter) while VIEWERS sessions poll
GET /events/{id}/log/entries?since=N every INTERVAL seconds, as the page does with htmx. Every entry carries the
wall-clock time its POST was sent; a viewer that receives it records the delay from then until the answer was read.
WARMUP seconds unmeasured, then DURATION seconds measured (entries written in that window). Prints delay
percentiles over all (entry, viewer) arrivals, the write and poll latencies, errors, and the CPU this client used.
Percentiles are nearest-rank."""

import argparse
import os
import random
import re
import sys
import threading
import time
import urllib.parse

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from directory_search import Browser, login  # noqa: E402  (same form login and cookie jar)
from timing import HEADER, percentile, record_latencies, summary  # noqa: E402  (same percentiles and table)

ENTRY = re.compile(r'data-number="(\d+)".*?bench w\d+ t=([\d.]+)', re.S)
NUMBER = re.compile(r'data-number="(\d+)"')
CSRF = re.compile(r'name="_csrf"\s+value="([^"]+)"|value="([^"]+)"\s+name="_csrf"')


def session(args, username):
    browser = Browser(args.host, args.port)
    login(browser, username, "demo")
    return browser


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="localhost")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--event", required=True)
    ap.add_argument("--writers", type=int, default=20)
    ap.add_argument("--viewers", type=int, default=100)
    ap.add_argument("--writer-accounts", default="koordination,polizei,ordnungsamt")
    ap.add_argument("--viewer-accounts", default="jugendamt,lenkung,polizei,ordnungsamt,koordination")
    ap.add_argument("--write-every", type=float, default=2.0)
    ap.add_argument("--interval", type=float, default=0.5)
    ap.add_argument("--warmup", type=float, default=10)
    ap.add_argument("--duration", type=float, default=60)
    args = ap.parse_args()
    base = f"/events/{args.event}/log"

    writer_names = args.writer_accounts.split(",")
    viewer_names = args.viewer_accounts.split(",")
    writers = [session(args, writer_names[i % len(writer_names)]) for i in range(args.writers)]
    viewers = [session(args, viewer_names[i % len(viewer_names)]) for i in range(args.viewers)]
    tokens = []
    for w in writers:
        status, _, page = w.request("GET", base)
        token = CSRF.search(page)
        if status != 200 or not token or 'id="log-form"' not in page:
            sys.exit(f"GET {base} as a writer: status {status}, log form {'present' if 'id=log-form' in page else 'missing'}")
        tokens.append(token.group(1) or token.group(2))
    status, _, page = viewers[0].request("GET", base)
    start_number = max([int(n) for n in NUMBER.findall(page)] or [0])

    t_start = time.time()
    t_measure = t_start + args.warmup
    t_stop_writing = t_measure + args.duration
    t_end = t_stop_writing + 3 * args.interval + 2  # let the viewers collect the last entries
    delays = [[] for _ in range(args.viewers)]
    polls = [[] for _ in range(args.viewers)]
    writes = [[] for _ in range(args.writers)]
    errors = {"write": 0, "poll": 0}
    written = [0] * args.writers

    def writer(i):
        rng = random.Random(i)
        time.sleep(rng.random() * args.write_every)
        while True:
            now = time.time()
            if now >= t_stop_writing:
                break
            form = urllib.parse.urlencode({"text": f"Lagemeldung bench w{i} t={now:.6f}", "_csrf": tokens[i]})
            t0 = time.perf_counter()
            status, headers, _ = writers[i].request("POST", base, body=form)
            if status != 302 or "/log" not in headers.get("Location", ""):
                errors["write"] += 1
            elif now >= t_measure:
                writes[i].append((time.perf_counter() - t0) * 1000)
                written[i] += 1
            time.sleep(max(0.0, args.write_every * (0.5 + rng.random()) - (time.time() - now)))

    def viewer(i):
        rng = random.Random(1000 + i)
        since = start_number
        time.sleep(rng.random() * args.interval)
        while time.time() < t_end:
            tick = time.time()
            t0 = time.perf_counter()
            status, _, page = viewers[i].request("GET", f"{base}/entries?since={since}")
            arrived = time.time()
            if tick >= t_measure:
                polls[i].append((time.perf_counter() - t0) * 1000)
            if status == 200:
                for number, stamp in ENTRY.findall(page):
                    sent = float(stamp)
                    if t_measure <= sent < t_stop_writing:
                        delays[i].append((arrived - sent) * 1000)
                since = max([since] + [int(n) for n in NUMBER.findall(page)])
            elif status != 204:
                errors["poll"] += 1
            time.sleep(max(0.0, args.interval - (time.time() - tick)))

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(args.writers)]
    threads += [threading.Thread(target=viewer, args=(i,)) for i in range(args.viewers)]
    cpu0 = os.times()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    cpu1 = os.times()
    arrivals = [d for v in delays for d in v]
    entries = sum(written)
    expected = entries * args.viewers
    client_cpu = (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / (time.time() - t_start)
    print(f"{args.writers} writers (one entry each every {args.write_every} s on average), {args.viewers} viewers "
          f"polling every {args.interval} s; {args.warmup:.0f} s warm-up, {args.duration:.0f} s measured")
    print(f"  entries written while measuring: {entries} ({entries / args.duration:.1f}/s); arrivals at viewers: "
          f"{len(arrivals)} of {expected} ({'all' if len(arrivals) == expected else 'MISSING some'}); "
          f"errors: {errors['write']} writes, {errors['poll']} polls")
    print(f"  {'':<22} {HEADER}")
    print(f"  {'write -> viewer':<22} {summary(arrivals)}")
    record_latencies("operations log write -> viewer", arrivals)
    print(f"  {'POST (write)':<22} {summary([w for ws in writes for w in ws])}")
    print(f"  {'GET entries (poll)':<22} {summary([p for ps in polls for p in ps])}")
    print(f"  client: this Python process used {client_cpu:.2f} CPU cores on average")
    values = sorted(arrivals)
    print(f"RESULT delay_p50={percentile(values, 50):.0f} delay_p95={percentile(values, 95):.0f} "
          f"delay_max={values[-1] if values else float('nan'):.0f}")


if __name__ == "__main__":
    main()

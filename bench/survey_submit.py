#!/usr/bin/env python3
"""Load client for bench/survey-submit.sh: N concurrent clients (threads), each with its own keep-alive connection,
send complete responses to an open survey wave as fast as they get answers, each as a new device (no cookie of an
earlier response), WARMUP seconds unmeasured, then DURATION seconds measured. A response is the last page's POST
with every answer, as a browser sends it after walking the pages. Prints responses/s, p50/p95/p99/max and errors.

Percentiles are nearest-rank; a request is timed from sending it until the whole body has been read.
"""

import argparse
import http.client
import os
import random
import re
import sys
import threading
import time
import urllib.parse

sys.dont_write_bytecode = True  # no __pycache__ in bench/ from the import below
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import HEADER, percentile, record, record_latencies, summary  # noqa: E402

CSRF = re.compile(r'name="_csrf"\s+value="([^"]+)"|value="([^"]+)"\s+name="_csrf"')
TEXTS = ["Mehr Licht im Park", "Die Unterführung am Bahnhof ist nachts unheimlich", "", "", "Mehr Streifen abends"]


def body(rng, questions, csrf):
    """A complete response: questions is a list of (id, kind, codes)."""
    form = [("_csrf", csrf), ("seite", "1"), ("aktion", "absenden")]
    for question, kind, codes in questions:
        name = "a." + question
        if kind in ("LIKERT", "DISTRICT", "AGE_BAND", "GENDER"):
            form.append((name, rng.choice(codes)))
        elif kind == "MULTIPLE_CHOICE":
            form.extend((name, c) for c in rng.sample(codes, rng.randint(0, len(codes))))
        elif kind == "NUMBER":
            form.append((name, str(rng.randint(0, 60))))
        elif kind == "FREE_TEXT":
            form.append((name, rng.choice(TEXTS)))
    return urllib.parse.urlencode(form)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", required=True, help="/buerger/{slug}/umfragen/{wave}")
    parser.add_argument("--questions", required=True, help="id:kind:code|code,... (from the database)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--warmup", type=float, default=5)
    parser.add_argument("--duration", type=float, default=20)
    args = parser.parse_args()
    questions = []
    for item in args.questions.split(","):
        question, kind, codes = item.split(":")
        questions.append((question, kind, [c for c in codes.split("|") if c]))

    # The CSRF token lives in a cookie (no session): one GET of a page with a form gives token and cookie.
    connection = http.client.HTTPConnection("localhost", args.port, timeout=60)
    connection.request("GET", args.path + "/fragen")
    response = connection.getresponse()
    page = response.read().decode("utf-8", "replace")
    token = CSRF.search(page)
    cookie = next((h.split(";")[0] for h in response.headers.get_all("Set-Cookie") or [] if h.startswith("XSRF-TOKEN=")), None)
    if response.status != 200 or not token or not cookie:
        sys.exit(f"GET {args.path}/fragen: status {response.status}, CSRF token {'found' if token else 'missing'}")
    csrf = token.group(1) or token.group(2)

    start = time.monotonic()
    measure_from = start + args.warmup
    stop = measure_from + args.duration
    latencies, errors, lock = [], [], threading.Lock()

    def client(number):
        rng = random.Random(number)
        conn = http.client.HTTPConnection("localhost", args.port, timeout=60)
        own, failed = [], []
        while True:
            sent = time.monotonic()
            if sent >= stop:
                break
            try:
                conn.request("POST", args.path + "/fragen", body=body(rng, questions, csrf),
                             headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
                answer = conn.getresponse()
                answer.read()
                status = answer.status
            except (OSError, http.client.HTTPException) as e:
                conn.close()
                conn = http.client.HTTPConnection("localhost", args.port, timeout=60)
                status = type(e).__name__
            took = (time.monotonic() - sent) * 1000
            if sent >= measure_from:
                if status == 302:
                    own.append(took)
                else:
                    failed.append(status)
        with lock:
            latencies.extend(own)
            errors.extend(failed)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rate = len(latencies) / args.duration
    print(f"{args.clients} clients, {args.duration:.0f} s measured after {args.warmup:.0f} s warm-up:"
          f" {rate:.1f} responses/s, {len(errors)} errors"
          + (f" (statuses {sorted(set(map(str, errors)))[:5]})" if errors else ""))
    print(HEADER)
    print(summary(latencies))
    record(f"survey submit {args.clients} clients", "rate", rate, "1/s")
    record_latencies(f"survey submit {args.clients} clients", latencies)
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Clients for the fault scripts (bench/fault-*.sh); print figures, the shell scripts check them.

  burst     CLIENTS threads POST Open311 reports as fast as they are answered until DURATION s have passed or the
            file STOP exists. Every description carries a marker of its own ("fault-RUN-CLIENT-N"); each report
            answered with a service_request_id is written to OUT as "id<TAB>marker" at once. Requests whose
            connection broke before an answer are "in doubt" and written to OUT.doubt (marker only): SiPa may or may
            not have stored them, the client cannot know.
  statuses  CLIENTS threads alternate an Open311 POST and a GET of requests.json until DURATION s have passed; each
            answer is counted per BUCKET seconds by status (000 = no HTTP answer) and whether a 503 carried
            Retry-After. Prints one line per bucket and a total; with --events FILE the lines of FILE ("seconds
            label", written by the shell script) are shown where they fall.
  smtp      a minimal SMTP sink on 127.0.0.1:PORT (standard library only: socket + threads): accepts every message
            and writes one line per message to OUT: the recipients and the decoded subject, tab-separated.
"""

import argparse
import email
import email.header
import email.policy
import http.client
import json
import os
import socket
import sys
import threading
import time
import urllib.parse

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reports_load import post_body  # noqa: E402  (the same Open311 reports as bench/reports.sh)

import random  # noqa: E402


def burst(args):
    lock = threading.Lock()
    out = open(args.out, "a", buffering=1)
    doubt = open(args.out + ".doubt", "a", buffering=1)
    counts = {"acknowledged": 0, "refused": 0, "in doubt": 0, "not connected": 0}
    deadline = time.monotonic() + args.duration

    def stopped():
        return time.monotonic() >= deadline or (args.stop and os.path.exists(args.stop))

    def client(i):
        rng = random.Random(args.seed + i)
        n = 0
        conn = None
        while not stopped():
            n += 1
            marker = f"fault-{args.run}-{i}-{n}"
            body = post_body(rng, args).replace("Last-Test", marker)
            sent = False
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(args.host, args.port, timeout=30)
                    conn.connect()
                conn.request("POST", "/open311/v2/requests.json", body=body,
                             headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
                sent = True
                response = conn.getresponse()
                content = response.read().decode("utf-8", "replace")
                if response.status == 200 and "service_request_id" in content:
                    request_id = json.loads(content)[0]["service_request_id"]
                    with lock:
                        out.write(f"{request_id}\t{marker}\n")
                        counts["acknowledged"] += 1
                else:
                    with lock:
                        counts["refused"] += 1
                        doubt.write(f"{marker}\n")  # refused ones are checked as well: they must not be stored twice
            except (OSError, http.client.HTTPException):
                with lock:
                    if sent:
                        counts["in doubt"] += 1
                        doubt.write(f"{marker}\n")
                    else:
                        counts["not connected"] += 1
                if conn is not None:
                    conn.close()
                conn = None
                time.sleep(0.05)
        if conn is not None:
            conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.close()
    doubt.close()
    print("burst: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


def statuses(args):
    lock = threading.Lock()
    buckets = {}
    no_retry_after = [0]
    start = time.monotonic()
    deadline = start + args.duration

    def count(status, retry_after):
        bucket = int((time.monotonic() - start) // args.bucket)
        with lock:
            counts = buckets.setdefault(bucket, {})
            counts[status] = counts.get(status, 0) + 1
            if status == "503" and not retry_after:
                no_retry_after[0] += 1

    def client(i):
        rng = random.Random(args.seed + i)
        conn = None
        k = 0
        while time.monotonic() < deadline:
            k += 1
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(args.host, args.port, timeout=30)
                if k % 2:
                    conn.request("POST", "/open311/v2/requests.json", body=post_body(rng, args),
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
                else:
                    conn.request("GET", "/open311/v2/requests.json?jurisdiction_id=" + args.jurisdiction)
                response = conn.getresponse()
                response.read()
                count(str(response.status), response.getheader("Retry-After"))
            except (OSError, http.client.HTTPException):
                count("000", None)
                if conn is not None:
                    conn.close()
                conn = None
                time.sleep(0.05)
            time.sleep(args.pause)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    events = []
    if args.events and os.path.exists(args.events):
        with open(args.events) as f:
            events = [(float(line.split(" ", 1)[0]), line.split(" ", 1)[1].strip()) for line in f if line.strip()]
    total = {}
    first_ok_after = {}
    for bucket in sorted(buckets):
        counts = buckets[bucket]
        for status, n in counts.items():
            total[status] = total.get(status, 0) + n
        here = [label for at, label in events if bucket * args.bucket <= at < (bucket + 1) * args.bucket]
        print(f"  {bucket * args.bucket:5.0f}-{(bucket + 1) * args.bucket:<4.0f}s  "
              + "  ".join(f"{s}: {n:4d}" for s, n in sorted(counts.items()))
              + (f"   <- {', '.join(here)}" if here else ""))
    for at, label in events:
        later = [b for b in sorted(buckets) if b * args.bucket >= at and set(buckets[b]) <= {"200"}]
        first_ok_after[label] = later[0] * args.bucket - at if later else None
    print("  total: " + ", ".join(f"{s} {n}" for s, n in sorted(total.items()))
          + f"; 503 without Retry-After: {no_retry_after[0]}")
    for label, seconds in first_ok_after.items():
        print(f"  first bucket with only 200 after '{label}': "
              + ("none" if seconds is None else f"{max(seconds, 0):.0f} s later (bucket of {args.bucket:.0f} s)"))
    other_5xx = sum(n for s, n in total.items() if s.startswith("5") and s != "503")
    print(f"RESULT other_5xx={other_5xx} answered_503={total.get('503', 0)} no_retry_after={no_retry_after[0]}")


def smtp(args):
    out = open(args.out, "a", buffering=1)
    lock = threading.Lock()

    def session(conn):
        f = conn.makefile("rb")

        def say(line):
            conn.sendall((line + "\r\n").encode())

        say("220 fault-sink ESMTP")
        recipients = []
        try:
            while True:
                line = f.readline()
                if not line:
                    return
                command = line.decode("utf-8", "replace").strip()
                verb = command.split(" ", 1)[0].upper()
                if verb in ("EHLO", "HELO"):
                    say("250-fault-sink" if verb == "EHLO" else "250 fault-sink")
                    if verb == "EHLO":
                        say("250 8BITMIME")
                elif verb == "MAIL":
                    recipients = []
                    say("250 OK")
                elif verb == "RCPT":
                    recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                    say("250 OK")
                elif verb == "DATA":
                    say("354 End data with <CR><LF>.<CR><LF>")
                    data = bytearray()
                    while True:
                        chunk = f.readline()
                        if not chunk or chunk in (b".\r\n", b".\n"):
                            break
                        data += chunk[1:] if chunk.startswith(b"..") else chunk
                    message = email.message_from_bytes(bytes(data), policy=email.policy.default)
                    subject = str(message.get("Subject", "")).replace("\t", " ").replace("\n", " ")
                    with lock:
                        out.write(f"{','.join(recipients)}\t{subject}\n")
                    say("250 OK queued")
                elif verb == "QUIT":
                    say("221 Bye")
                    return
                else:
                    say("250 OK")  # RSET, NOOP and the rest
        finally:
            conn.close()

    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", args.port))
    server.listen(16)
    print(f"smtp sink on 127.0.0.1:{args.port}", flush=True)
    while True:
        conn, _ = server.accept()
        threading.Thread(target=session, args=(conn,), daemon=True).start()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["burst", "statuses", "smtp"])
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--jurisdiction", default="musterstadt")
    parser.add_argument("--api-key", default="musterstadt-demo-key")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--bucket", type=float, default=2)
    parser.add_argument("--pause", type=float, default=0.05, help="statuses: seconds between a client's requests")
    parser.add_argument("--out")
    parser.add_argument("--stop", help="burst: stop when this file exists")
    parser.add_argument("--events")
    parser.add_argument("--run", default=str(os.getpid()))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    {"burst": burst, "statuses": statuses, "smtp": smtp}[args.mode](args)


if __name__ == "__main__":
    main()

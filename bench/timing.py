"""Timing shared by the benchmark clients: nearest-rank percentiles, the summary line they print, and the
interleaved rounds in which several kinds of request are measured one at a time (warm-up first, each phase
shuffled with a seed, so no kind always runs first or on a cold cache)."""

import csv
import http.client
import math
import os
import random
import statistics
import time

HEADER = f"{'n':>6} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>7} {'mean':>7}  (ms)"


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    return sorted_values[max(0, math.ceil(p / 100 * len(sorted_values)) - 1)]


def record(scenario, metric, value, unit):
    """Adds one figure to the file named by SIPA_BENCH_RECORD (set by bench/run-all.sh), so that a run can be
    compared with the last recorded one; does nothing when the benchmark runs on its own."""
    path = os.environ.get("SIPA_BENCH_RECORD")
    if path:
        with open(path, "a", newline="") as f:
            csv.writer(f).writerow([scenario, metric, f"{value:.2f}", unit])


def record_latencies(scenario, values):
    """Records p50 and p95 of a list of times in ms."""
    v = sorted(values)
    if v:
        record(scenario, "p50", percentile(v, 50), "ms")
        record(scenario, "p95", percentile(v, 95), "ms")


def summary(values):
    v = sorted(values)
    if not v:
        return "   -"
    return (f"{len(v):6d} {percentile(v, 50):7.1f} {percentile(v, 95):7.1f} {percentile(v, 99):7.1f} "
            f"{v[-1]:7.1f} {statistics.fmean(v):7.1f}")


def interleaved(kinds, warmup, requests, seed, send, before_measuring=None, on_slow=None):
    """Sends WARMUP then REQUESTS requests per kind, one at a time: send(k) returns the HTTP status (a network
    error counts as failed and is passed on as its name). Returns (times in ms per kind of the measured requests,
    failed requests, seconds in all)."""
    rng = random.Random(seed)
    plan = [k for k in range(kinds) for _ in range(int(warmup))]
    rng.shuffle(plan)
    measured = [k for k in range(kinds) for _ in range(int(requests))]
    rng.shuffle(measured)
    timings = {k: [] for k in range(kinds)}
    errors = 0
    started = time.perf_counter()
    for position, k in enumerate(plan + measured):
        if position == len(plan) and before_measuring:
            before_measuring()
        t0 = time.perf_counter()
        try:
            status = send(k)
        except (OSError, http.client.HTTPException) as e:  # timeout or connection lost: count it, go on
            status = type(e).__name__
        elapsed = (time.perf_counter() - t0) * 1000
        if status != 200:
            errors += 1
        if on_slow and (status != 200 or elapsed > 1000):
            on_slow(k, status, elapsed)
        if position >= len(plan):
            timings[k].append(elapsed)
    return timings, errors, time.perf_counter() - started

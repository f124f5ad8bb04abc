#!/usr/bin/env python3
"""Appends the figures of one bench/run-all.sh run to the results history (CSV), prints them as one table next to
the last recorded value of the same scenario and metric, and lists every figure that got more than THRESHOLD
worse. Lower is better for times (ms, s) and sizes; higher is better for rates (1/s) and shares (%)."""

import argparse
import csv
import os
import sys

HIGHER_IS_BETTER = {"1/s", "%"}
FIELDS = ["run", "commit", "load", "scenario", "metric", "value", "unit"]


def read_history(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def change(previous, current, unit):
    """Relative change, positive when the figure got worse."""
    if previous == 0:
        return 0.0
    worse = (previous - current) if unit in HIGHER_IS_BETTER else (current - previous)
    return worse / abs(previous)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--figures", required=True, help="CSV rows scenario,metric,value,unit of this run")
    ap.add_argument("--history", required=True, help="results history, appended to")
    ap.add_argument("--run", required=True)
    ap.add_argument("--commit", required=True)
    ap.add_argument("--load", required=True)
    ap.add_argument("--threshold", type=float, default=0.20)
    args = ap.parse_args()

    history = read_history(args.history)
    last = {}
    for row in history:  # in the order recorded: the last one wins
        last[(row["scenario"], row["metric"])] = row
    with open(args.figures, newline="") as f:
        figures = [r for r in csv.reader(f) if r]
    recorded = set()
    for scenario, metric, *_ in figures:
        if (scenario, metric) in recorded:  # the comparison would take the last one and hide the other
            sys.exit(f"{scenario} {metric} was recorded twice in this run: give each figure its own name")
        recorded.add((scenario, metric))

    width = max([len(s) for s, *_ in figures] + [10])
    print(f"{'scenario':<{width}} {'metric':<10} {'value':>11} {'unit':<4}  {'last run':>11}  {'change':>7}")
    regressions = []
    for scenario, metric, value, unit in figures:
        current = float(value)
        before = last.get((scenario, metric))
        shown = "-"
        delta = ""
        if before:
            previous = float(before["value"])
            worse = change(previous, current, unit)
            shown = f"{previous:,.2f}"
            delta = f"{-worse * 100:+.0f} %" if unit in HIGHER_IS_BETTER else f"{worse * 100:+.0f} %"
            if worse > args.threshold:
                regressions.append((scenario, metric, previous, current, unit, worse, before["run"]))
        print(f"{scenario:<{width}} {metric:<10} {current:>11,.2f} {unit:<4}  {shown:>11}  {delta:>7}")

    new_file = not os.path.exists(args.history)
    with open(args.history, "a", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=FIELDS)
        if new_file:
            writer.writeheader()
        for scenario, metric, value, unit in figures:
            writer.writerow({"run": args.run, "commit": args.commit, "load": args.load, "scenario": scenario,
                             "metric": metric, "value": value, "unit": unit})

    print()
    if not regressions:
        print(f"No figure got more than {args.threshold * 100:.0f} % worse than in its last recorded run.")
        return 0
    print(f"{len(regressions)} figure(s) more than {args.threshold * 100:.0f} % worse than in the last recorded run:")
    for scenario, metric, previous, current, unit, worse, run in regressions:
        print(f"  {scenario} {metric}: {previous:,.2f} -> {current:,.2f} {unit} ({worse * 100:.0f} % worse; "
              f"last recorded {run})")
    return 1


if __name__ == "__main__":
    sys.exit(main())

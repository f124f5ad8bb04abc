#!/usr/bin/env python3
"""Records how much CPU the benchmark used and how much everything else on the machine used meanwhile.

Samples /proc every 0.5 s until it gets SIGTERM or SIGINT, then writes one line of figures to --out. A process
counts as the benchmark's when it descends from --root (the benchmark script) or its command line contains
--marker (the benchmark's temp directory; PostgreSQL detaches from the JVM that started it). CPU time of a
process that ends between two samples is partly missed, so the figures are a lower bound.

Usage: cpu_monitor.py --root PID --marker /tmp/sipa-bench.XXXX --out FILE
"""

import argparse
import os
import signal
import time

TICKS = os.sysconf("SC_CLK_TCK")


def processes():
    """pid -> (ppid, cpu seconds, command line) of all processes readable now."""
    result = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read().decode("utf-8", "replace")
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) "
        result[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS, cmdline)
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=int, required=True)
    parser.add_argument("--marker", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))

    me = os.getpid()
    seen = {}          # pid -> cpu seconds at the last sample
    ours = others = 0.0
    started = time.monotonic()
    first = True
    while True:
        table = processes()
        for pid, (ppid, cpu, cmdline) in table.items():
            previous = seen.get(pid)
            seen[pid] = cpu
            if first or pid == me:
                continue
            delta = cpu - previous if previous is not None else cpu
            if delta <= 0:
                continue
            mine, p, hops = False, pid, 0
            while p in table and hops < 64:
                if p == args.root or args.marker in table[p][2]:
                    mine = True
                    break
                p, hops = table[p][0], hops + 1
            if mine:
                ours += delta
            else:
                others += delta
        first = False
        if stop:
            break
        time.sleep(0.5)
    elapsed = time.monotonic() - started
    cores = os.cpu_count() or 1
    with open(args.out, "w") as f:
        f.write(f"during the {elapsed:.0f} s run: benchmark {ours:.0f} CPU-s, other processes {others:.0f} CPU-s "
                f"(= {others / elapsed:.2f} of {cores} cores busy with other work on average)\n")


if __name__ == "__main__":
    main()

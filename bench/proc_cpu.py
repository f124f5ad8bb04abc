#!/usr/bin/env python3
"""Prints the CPU seconds used so far by a process and by a process tree, from /proc.

  proc_cpu.py PID            utime + stime of PID (all its threads; a JVM)
  proc_cpu.py --tree PID     the same for PID and every live descendant, plus the CPU of descendants that already
                             ended and were waited for (cutime + cstime); a PostgreSQL postmaster and its backends
Taken before and after a load, the difference divided by the requests is the CPU per request.
"""

import os
import sys

TICKS = os.sysconf("SC_CLK_TCK")


def stat(pid):
    with open(f"/proc/{pid}/stat", "rb") as f:
        text = f.read().decode("utf-8", "replace")
    fields = text[text.rindex(")") + 2:].split()  # after "pid (comm) "
    # fields[1] = ppid; [11] utime, [12] stime, [13] cutime, [14] cstime (in ticks)
    return int(fields[1]), int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])


KINDS = (("requests", "http-nio-"), ("jobs", "scheduling-"), ("JIT", "C1 CompilerThre"), ("JIT", "C2 CompilerThre"),
         ("GC", "GC Thread"), ("GC", "G1 "))


def threads(pid):
    """CPU ticks of a JVM's threads by kind: requests (Tomcat), jobs (Spring's scheduler), JIT, GC, other."""
    kinds = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/stat", "rb") as f:
                text = f.read().decode("utf-8", "replace")
        except OSError:
            continue
        name = text[text.index("(") + 1:text.rindex(")")]
        fields = text[text.rindex(")") + 2:].split()
        kind = next((k for k, prefix in KINDS if name.startswith(prefix)), "other")
        kinds[kind] = kinds.get(kind, 0) + int(fields[11]) + int(fields[12])
    return kinds


def tree(root):
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parents[int(entry)] = stat(int(entry))
            except (OSError, ValueError):
                pass
    members, total = {root}, 0
    changed = True
    while changed:
        changed = False
        for pid, (ppid, _, _) in parents.items():
            if ppid in members and pid not in members:
                members.add(pid)
                changed = True
    for pid in members:
        if pid in parents:
            _, own, children = parents[pid]
            total += own + (children if pid == root else 0)
    return total


def main():
    args = sys.argv[1:]
    if args and args[0] == "--tree":
        print(f"{tree(int(args[1])) / TICKS:.2f}")
    else:
        print(f"{stat(int(args[0]))[1] / TICKS:.2f}")


if __name__ == "__main__":
    main()

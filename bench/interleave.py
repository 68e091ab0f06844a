#!/usr/bin/env python3
"""Times whole commands round-robin (one run of each in turn, so machine load hits all alike) and prints, per command,
the median wall time, the median CPU time (user + system, children included) and the median peak RSS.

    bench/interleave.py RUNS 'name|command' 'name|command' ...

e.g. the native build before and after a change, each in its own copy of the repository (see README, Performance):
    bench/interleave.py 30 "before|/tmp/before/aiindex build --brief ai-index-brief --edition 2025 --force --root /tmp/r1" \
                           "after|/tmp/after/aiindex build --brief ai-index-brief --edition 2025 --force --root /tmp/r2"
One untimed run of each comes first (warm file cache).
"""
import os
import shlex
import statistics
import subprocess
import sys
import time

if len(sys.argv) < 3:
    sys.exit(__doc__)
runs = int(sys.argv[1])
cases = [arg.split("|", 1) for arg in sys.argv[2:]]
results = {name: ([], [], []) for name, _ in cases}
for _, command in cases:
    subprocess.run(shlex.split(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
for _ in range(runs):
    for name, command in cases:
        start = time.perf_counter()
        child = subprocess.Popen(shlex.split(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        if status != 0:
            sys.exit(f"{name}: exit status {status}")
        wall, cpu, rss = results[name]
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((usage.ru_utime + usage.ru_stime) * 1000)
        rss.append(usage.ru_maxrss / 1024)
print(f"{runs} runs each, round-robin; load average {os.getloadavg()[0]:.2f} at the end")
for name, _ in cases:
    wall, cpu, rss = results[name]
    print(f"{name:>12}: wall {statistics.median(wall):6.1f} ms (min {min(wall):6.1f}), CPU {statistics.median(cpu):6.1f} ms, peak RSS {statistics.median(rss):5.1f} MB")

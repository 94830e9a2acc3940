"""How fast each usable CPU runs the same pure-Python loop right now: one line in, one line out.

The example runner asks before and after every run that is timed alone. On a shared host one
virtual CPU can run 1.5-2x slower than the other for seconds at a time (the host lends its
time to other machines), and a one-thread program stuck on the slow one makes threads look
faster than one thread, which the GIL does not allow. Only the standard library.
"""
import json
import os
import sys
import time

# No affinity calls (macOS, Windows): one CPU as far as this probe can tell, so never uneven.
PINNABLE = hasattr(os, "sched_setaffinity")
CPUS = sorted(os.sched_getaffinity(0)) if PINNABLE else [0]
LOOP = 100_000  # a few milliseconds per try
ROUNDS = 5


def spin() -> float:
    started = time.perf_counter()
    total = 0
    for number in range(LOOP):
        total += number
    return time.perf_counter() - started


def speeds() -> list:
    if not PINNABLE:
        return [min(spin() for _ in range(ROUNDS))]
    best = [float("inf")] * len(CPUS)
    # Rounds spread over ~50 ms, each CPU's fastest kept: a short burst of other work on a CPU
    # (the runner itself handling the output of the run that just ended) does not count; a host
    # taking a CPU away for seconds does.
    for _ in range(ROUNDS):
        for index, cpu in enumerate(CPUS):
            os.sched_setaffinity(0, {cpu})
            best[index] = min(best[index], spin())
        time.sleep(0.005)
    os.sched_setaffinity(0, CPUS)
    return best


for _ in sys.stdin:
    print(json.dumps({"cpus": CPUS, "seconds": speeds()}), flush=True)

"""Two CPU-bound threads note the time after every small unit of work.

A gap longer than GAP_NS between two notes means the thread was not
running: the other thread held the GIL, or the operating system ran
something else. Each run of notes without such a gap is one turn. The
turns are printed as JSON (microseconds since both threads started) for
a timeline, with how long turns of both threads ran at the same time.
"""
import json
import sys
import threading
import time

DURATION_NS = 200_000_000  # each thread works for 0.2 s of wall time
GAP_NS = 1_000_000         # a unit takes ~10 us: a 1 ms gap is waiting

start_together = threading.Barrier(2)
notes: dict[str, list[int]] = {}

def work(name: str) -> None:
    times = notes[name] = []
    start_together.wait()
    deadline = time.perf_counter_ns() + DURATION_NS
    now = time.perf_counter_ns()
    while now < deadline:
        sum(range(200))  # one small unit of pure-Python work
        now = time.perf_counter_ns()
        times.append(now)

threads = [
    threading.Thread(target=work, args=(f"T{i}",), name=f"T{i}")
    for i in range(2)
]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()

origin = min(times[0] for times in notes.values())
turns = []
for name, times in notes.items():
    turn_start = previous = times[0]
    for now in times[1:] + [None]:
        if now is None or now - previous > GAP_NS:
            turns.append({
                "thread": name,
                "start_us": (turn_start - origin) // 1000,
                "end_us": (previous - origin) // 1000,
            })
            turn_start = now
        if now is not None:
            previous = now
turns.sort(key=lambda turn: turn["start_us"])

def spans(name: str) -> list[tuple[int, int]]:
    return [(t["start_us"], t["end_us"]) for t in turns
            if t["thread"] == name]

# Time during which a turn of T0 and a turn of T1 both ran.
overlap_us = sum(
    max(0, min(end0, end1) - max(start0, start1))
    for start0, end0 in spans("T0") for start1, end1 in spans("T1")
)

print("{")
print(f'  "switch_interval_ms": {sys.getswitchinterval() * 1000:g},')
print(f'  "span_us": {max(t["end_us"] for t in turns)},')
print(f'  "overlap_us": {overlap_us},')
print('  "turns": [')
print(",\n".join(f"    {json.dumps(turn)}" for turn in turns))
print("  ]")
print("}")

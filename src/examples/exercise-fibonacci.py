"""Exercise 3, worked: naive Fibonacci, one after another, with
threads and with processes."""
import concurrent.futures
import os
import time

N = 30  # about 2.7 million Python calls each: pure CPU, no waiting
TASKS = 8
try:  # the CPUs this program may use: a container can allow fewer
    WORKERS = len(os.sched_getaffinity(0))
except AttributeError:  # macOS and Windows have no affinity call
    WORKERS = os.cpu_count() or 1
REPEATS = 3  # each timing is the fastest of 3 tries

def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def sequential() -> list[int]:
    return [fib(N) for _ in range(TASKS)]

def pooled(executor_class) -> list[int]:
    # Created inside the timing: starting workers is part of the price.
    with executor_class(max_workers=WORKERS) as executor:
        return list(executor.map(fib, [N] * TASKS))

WAYS = {
    "sequential": sequential,
    "threads": lambda: pooled(concurrent.futures.ThreadPoolExecutor),
    "processes": lambda: pooled(concurrent.futures.ProcessPoolExecutor),
}

if __name__ == "__main__":
    expected = [fib(N)] * TASKS
    tries = {way: [] for way in WAYS}
    # Take turns, so that a burst of load from other programs slows
    # all three ways alike, and rotate the order every round: no way
    # always comes first, or right after the process pool has ended.
    order = list(WAYS)
    for round_number in range(REPEATS):
        turn = round_number % len(order)
        for way in order[turn:] + order[:turn]:
            start = time.perf_counter()
            results = WAYS[way]()
            tries[way].append(time.perf_counter() - start)
            assert results == expected
    print(f"{TASKS} x fib({N}) = {expected[0]}, pools of {WORKERS}, "
          f"fastest of {REPEATS} tries")
    # Other programs can only slow a try down, never speed it up.
    for way, times in tries.items():
        print(f"{way + ':':<12} {min(times):.3f} s")

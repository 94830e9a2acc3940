"""Exercise 3, worked: naive Fibonacci, one after another, with
threads and with processes."""
import concurrent.futures
import os
import statistics
import time

# About a million Python calls each: pure CPU work, no waiting.
N = 28
TASKS = 8
# The CPUs this program may use: a container can allow fewer.
try:
    WORKERS = len(os.sched_getaffinity(0))
except AttributeError:  # macOS and Windows lack this call
    WORKERS = os.cpu_count() or 1
REPEATS = 3  # each timing is the median of 3 tries

def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def sequential() -> list[int]:
    return [fib(N) for _ in range(TASKS)]

def pooled(executor_class) -> list[int]:
    # Inside the timing: starting workers is part of the price.
    with executor_class(max_workers=WORKERS) as executor:
        return list(executor.map(fib, [N] * TASKS))

WAYS = {
    "sequential": sequential,
    "threads": lambda: pooled(
        concurrent.futures.ThreadPoolExecutor),
    "processes": lambda: pooled(
        concurrent.futures.ProcessPoolExecutor),
}

if __name__ == "__main__":
    expected = [fib(N)] * TASKS
    tries = {way: [] for way in WAYS}
    # Take turns (sequential, threads, processes, again...), so
    # that a burst of load from other programs slows all three
    # ways alike.
    for _ in range(REPEATS):
        for way, run in WAYS.items():
            start = time.perf_counter()
            results = run()
            tries[way].append(time.perf_counter() - start)
            assert results == expected
    print(f"{TASKS} x fib({N}) = {expected[0]}, "
          f"pools of {WORKERS}, median of {REPEATS} tries")
    for way, times in tries.items():
        median = statistics.median(times)
        print(f"{way + ':':<12} {median:.3f} s")

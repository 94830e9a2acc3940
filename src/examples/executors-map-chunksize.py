"""ProcessPoolExecutor.map() sends the inputs to the worker processes
in chunks. For many tiny tasks, one input per message (chunksize=1,
the default) costs far more than the work itself."""
import concurrent.futures
import statistics
import time

NUMBERS = range(1_000)

def square(n: int) -> int:  # much less work than sending n over
    return n * n

def timed_map(pool, chunksize: int) -> float:
    start = time.perf_counter()
    results = list(pool.map(square, NUMBERS, chunksize=chunksize))
    elapsed = time.perf_counter() - start
    assert results == [n * n for n in NUMBERS]  # in input order
    return elapsed

if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        timed_map(pool, 500)  # start the workers before timing
        tries = {1: [], 500: []}
        for _ in range(3):  # take turns, so load slows both alike
            for chunksize in tries:
                tries[chunksize].append(timed_map(pool, chunksize))
    print(f"{len(NUMBERS)} squares in 2 processes, results in order")
    for size, times in tries.items():
        median_ms = statistics.median(times) * 1000
        print(f"chunksize={size}: {median_ms:7.1f} ms (median of 3)")

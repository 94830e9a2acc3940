"""The same pure-Python work done twice: one after the other,
in 2 threads, and in 2 processes."""
import multiprocessing
import threading
import time

N = 8_000_000
# Keep the fastest of 3 tries: other programs only ever slow
# a try down.
BEST_OF = 3

def count_down(n: int) -> None:
    while n > 0:
        n -= 1

def sequential() -> None:
    count_down(N)
    count_down(N)

def in_two(worker_class) -> None:
    workers = [
        worker_class(target=count_down, args=(N,)) for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

def timed(run) -> float:
    tries = []
    for _ in range(BEST_OF):
        start = time.perf_counter()
        run()
        tries.append(time.perf_counter() - start)
    return min(tries)

if __name__ == "__main__":
    seq = timed(sequential)
    threads = timed(lambda: in_two(threading.Thread))
    processes = timed(lambda: in_two(multiprocessing.Process))
    print(f"sequential:  {seq:.2f} s")
    print(f"2 threads:   {threads:.2f} s")
    print(f"2 processes: {processes:.2f} s")
    print(f"threads / sequential:   {threads / seq:.2f}")
    print(f"processes / sequential: {processes / seq:.2f}")

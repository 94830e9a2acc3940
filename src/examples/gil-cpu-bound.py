"""The same pure-Python work done three ways: one after the other,
in 2 threads and in 2 processes, taking turns over several rounds."""
import multiprocessing
import threading
import time

N = 10_000_000  # count down from N, twice: pure computing, no waiting
ROUNDS = 5      # each way runs once per round; the fastest is kept
WARM_UP = 10    # untimed calls before the first timed one

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

WAYS = {
    "sequential": sequential,
    "2 threads": lambda: in_two(threading.Thread),
    "2 processes": lambda: in_two(multiprocessing.Process),
}

if __name__ == "__main__":
    # CPython 3.11 runs a function faster once it has been called 8
    # times (it specialises the bytecode). Without this, whichever way
    # ran first would be timed on the slower code.
    for _ in range(WARM_UP):
        count_down(1_000)
    print(f"warm-up: {WARM_UP} untimed calls of count_down")
    tries = {way: [] for way in WAYS}
    # Take turns, so that load from other programs slows all three
    # ways alike, and rotate the order every round: no way always
    # comes first, or right after the processes have exited.
    order = list(WAYS)
    for round_number in range(ROUNDS):
        turn = round_number % len(order)
        for way in order[turn:] + order[:turn]:
            start = time.perf_counter()
            WAYS[way]()
            tries[way].append(time.perf_counter() - start)
    # Other programs can only slow a try down, never speed it up, so
    # each way's fastest try is the closest to its own cost.
    fastest = {way: min(t) for way, t in tries.items()}
    print(f"count_down({N:_}) twice, fastest of {ROUNDS} rounds:")
    for way, seconds in fastest.items():
        print(f"{way + ':':<13}{seconds:.3f} s")
    for way in ("2 threads", "2 processes"):
        ratio = fastest[way] / fastest["sequential"]
        print(f"{way[2:] + ' / sequential:':<24}{ratio:.2f}")

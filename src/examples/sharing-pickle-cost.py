"""Sending data to another process costs more than simple work on it.
A list is summed here, pickled, and sent to a child that sums it
there. Each time is the best of 3 tries, taken in turns: the least
disturbed by other programs."""
import multiprocessing
import pickle
import time

NUMBERS = list(range(200_000))
TOTAL = sum(NUMBERS)

def summer(conn) -> None:
    while (numbers := conn.recv()) is not None:
        conn.send(sum(numbers))

if __name__ == "__main__":
    here, there = multiprocessing.Pipe()
    child = multiprocessing.Process(target=summer, args=(there,))
    child.start()

    def send_and_sum():
        here.send(NUMBERS)  # pickled, written to the pipe, unpickled
        assert here.recv() == TOTAL

    ways = {
        "sum here": lambda: sum(NUMBERS),
        "pickle only": lambda: pickle.dumps(NUMBERS),
        "send, sum there": send_and_sum,
    }
    send_and_sum()  # the child is up and running before timing
    tries = {way: [] for way in ways}
    for _ in range(3):
        for way, action in ways.items():
            start = time.perf_counter()
            action()
            tries[way].append(time.perf_counter() - start)
    here.send(None)
    child.join()
    megabytes = len(pickle.dumps(NUMBERS)) / 1e6
    print(f"{len(NUMBERS):,} ints, {megabytes:.1f} MB pickled")
    for way, times in tries.items():
        print(f"{way + ':':<16} {min(times) * 1000:6.1f} ms")

"""Two worker processes take numbers from one Queue and put their
squares on another. None tells a worker to stop."""
import multiprocessing

def worker(tasks, results) -> None:
    while (n := tasks.get()) is not None:
        results.put((n, n * n))

if __name__ == "__main__":
    tasks = multiprocessing.Queue()
    results = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(target=worker, args=(tasks, results))
        for _ in range(2)
    ]
    for w in workers:
        w.start()
    for n in range(10):
        tasks.put(n)
    for _ in workers:
        tasks.put(None)  # one stop signal per worker
    # Take every result before join(): a process that still has
    # queued data to flush does not end until someone reads it.
    # A timeout, so that a dead worker raises queue.Empty here
    # instead of making the parent wait forever.
    squares = dict(results.get(timeout=20) for _ in range(10))
    for w in workers:
        w.join()
        print(f"{w.name} exit code {w.exitcode}")
    print("squares:", [squares[n] for n in range(10)])

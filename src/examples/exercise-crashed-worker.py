"""Exercise, worked: collect results from worker processes without
hanging when one of them dies, and report how each one ended."""
import multiprocessing
import queue

def worker(n: int, results) -> None:
    if n == 1:
        raise RuntimeError("worker 1 crashed")  # it never reports
    results.put((n, n * n))

if __name__ == "__main__":
    results = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(target=worker, args=(n, results),
                                name=f"worker-{n}")
        for n in range(3)
    ]
    for w in workers:
        w.start()
    # results.get() alone would wait forever for worker 1. Wait in
    # short steps, and stop once every worker has ended and all that
    # they sent has been read.
    collected = {}
    while any(w.is_alive() for w in workers) or not results.empty():
        try:
            n, value = results.get(timeout=0.1)
        except queue.Empty:
            continue
        collected[n] = value
    for n, w in enumerate(workers):
        w.join()
        outcome = (f"result {collected[n]}" if n in collected
                   else "no result")
        print(f"{w.name}: exitcode {w.exitcode}, {outcome}")

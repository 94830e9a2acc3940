"""Future.cancel() on a task still in the queue: the future says it
is done at once, but wait() and as_completed() count it as done only
once a worker has taken it from the queue (CPython gh-92001)."""
import concurrent.futures
import threading

release = threading.Event()

def task(number: int) -> int:
    release.wait()  # task 0 keeps the only worker busy
    return number

if __name__ == "__main__":
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        running, queued, last = (pool.submit(task, n)
                                 for n in range(3))
        print(f"cancel() the queued task 1: {queued.cancel()}")
        print(f"done(): {queued.done()}, "
              f"cancelled(): {queued.cancelled()}")
        done, _ = concurrent.futures.wait([queued], timeout=0.1)
        print(f"wait() while task 0 runs: done = {queued in done}")
        release.set()
        last.result()  # the worker skips task 1, then runs task 2
        done, _ = concurrent.futures.wait([queued], timeout=10)
        print(f"wait() after the worker took it: done = "
              f"{queued in done}")

"""shutdown(cancel_futures=True) cancels the tasks still waiting in the
queue (Python 3.9+); a task that is already running finishes."""
import concurrent.futures
import threading

started = threading.Event()
release = threading.Event()

def task(number: int) -> int:
    started.set()
    release.wait()  # keep the only worker busy until shutdown
    return number

if __name__ == "__main__":
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    futures = [pool.submit(task, n) for n in range(5)]
    started.wait()  # task 0 is running; tasks 1-4 wait in the queue
    pool.shutdown(wait=False, cancel_futures=True)
    release.set()
    for n, future in enumerate(futures):
        print(f"task {n}:", "cancelled" if future.cancelled()
              else f"result {future.result()}")
    try:
        pool.submit(task, 5)
    except RuntimeError as error:
        print("submit after shutdown:", error)
    # Careful: wait() does not count these cancelled futures as done
    # (CPython issue gh-109934); without a timeout it never returns.
    done, not_done = concurrent.futures.wait(futures, timeout=0.1)
    print(f"wait(): {len(done)} done, {len(not_done)} not done")

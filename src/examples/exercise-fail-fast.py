"""Exercise, worked: 20 jobs in a pool of 2 threads; stop at the first
failure, cancel the jobs that have not started, and count."""
import concurrent.futures
import time

def job(n: int) -> int:
    time.sleep(0.1)  # a stand-in for a slow request
    if n == 4:
        raise ValueError(f"job {n} failed")
    return n

if __name__ == "__main__":
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(job, n) for n in range(20)]
        done, pending = concurrent.futures.wait(
            futures, return_when=concurrent.futures.FIRST_EXCEPTION)
        # cancel() succeeds only for a job still waiting in the queue.
        cancelled = sum(future.cancel() for future in pending)
    # Leaving the with block waited for the jobs already running.
    ran = [f for f in futures if not f.cancelled()]
    failed = [f for f in ran if f.exception() is not None]
    finished = len(ran) - len(failed)
    print("first failure:", failed[0].exception())
    print(f"finished: {finished}, failed: {len(failed)}, "
          f"cancelled: {cancelled}")
    print(f"accounted for: {finished + len(failed) + cancelled}"
          f" of {len(futures)}")

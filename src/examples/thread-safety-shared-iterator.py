"""Four worker threads take jobs from one shared iterator: first a
list iterator, then a generator."""
import threading
import time

THREADS = 4
JOBS = 200

def read_jobs(count: int):
    """A generator: its body runs inside every next() call."""
    for job in range(count):
        time.sleep(1e-4)  # reading a job waits for I/O
        yield job

def share(source) -> None:
    taken, errors = [], []
    start = threading.Barrier(THREADS)

    def worker() -> None:
        start.wait()
        try:
            for job in source:  # next(source), from every thread
                taken.append(job)
                time.sleep(1e-4)  # doing the job
        except ValueError as error:
            errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    once = sorted(taken) == list(range(JOBS))
    print(f"  each job taken exactly once: {once}")
    print(f"  workers stopped by an error: {len(errors)}")
    for message in sorted({str(error) for error in errors}):
        print(f"  ValueError: {message}")

print("one list iterator:")
share(iter(list(range(JOBS))))
print("one generator:")
share(read_jobs(JOBS))

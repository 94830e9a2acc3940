"""Python 3.15's helpers for sharing an iterator between threads,
against the same generator shared without them."""
import itertools
import threading
import time

THREADS = 4
JOBS = 200

def read_jobs(count: int):
    """A generator: its body runs inside every next() call."""
    for job in range(count):
        time.sleep(1e-4)  # reading a job waits for I/O
        yield job

@threading.synchronized_iterator
def read_jobs_synchronized(count: int):
    yield from read_jobs(count)

def in_threads(sources: list) -> tuple[list, list]:
    """One worker per source; each takes jobs until it runs out."""
    taken = [[] for _ in sources]
    errors = []
    start = threading.Barrier(len(sources))

    def worker(source, mine: list) -> None:
        start.wait()
        try:
            for job in source:
                mine.append(job)
                time.sleep(1e-4)  # doing the job
        except (ValueError, RuntimeError) as error:
            errors.append(f"{type(error).__name__}: {error}")

    threads = [threading.Thread(target=worker, args=(s, mine))
               for s, mine in zip(sources, taken)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return taken, errors

def report(errors: list) -> None:
    if errors:  # each kind of error once
        print(f"    {'; '.join(sorted(set(errors)))}")

def share(title: str, source) -> None:
    """Four workers take jobs from one shared iterator."""
    taken, errors = in_threads([source] * THREADS)
    jobs = list(itertools.chain(*taken))
    missing = len(set(range(JOBS)) - set(jobs))
    twice = len(jobs) - len(set(jobs))
    busy = sum(1 for mine in taken if mine)
    print(f"  {title}: {missing} missing, {twice} twice, done by "
          f"{busy} of {THREADS} workers, {len(errors)} errors")
    report(errors)

def copies(title: str, iterators) -> None:
    """Each worker reads its own copy of the whole stream."""
    taken, errors = in_threads(list(iterators))
    whole = sum(1 for mine in taken if mine == list(range(JOBS)))
    print(f"  {title}: {whole} of {THREADS} got every job in order, "
          f"{len(errors)} errors")
    report(errors)

print(f"Four workers share one generator of {JOBS} jobs:")
share("unguarded", read_jobs(JOBS))
share("serialize_iterator",
      threading.serialize_iterator(read_jobs(JOBS)))
share("synchronized_iterator", read_jobs_synchronized(JOBS))
print("Four workers each want every job:")
copies("itertools.tee", itertools.tee(read_jobs(JOBS), THREADS))
copies("concurrent_tee",
       threading.concurrent_tee(read_jobs(JOBS), THREADS))

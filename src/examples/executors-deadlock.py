"""A pool deadlocks itself when its tasks wait for other tasks of the
same pool and every worker is busy waiting: the tasks they wait for
stay in the queue, with no worker left to run them. A timeout on
result() turns the endless wait into an error you can see."""
import concurrent.futures
import threading

PATIENCE = 2.0  # seconds an outer task waits for its inner task

def inner(n: int) -> int:
    return n * 10

def outer(pool, n: int, all_busy: threading.Barrier):
    all_busy.wait()  # every worker now runs an outer task
    future = pool.submit(inner, n)  # queued behind the busy workers
    try:
        waited = f"inner gave {future.result(timeout=PATIENCE)}"
    except TimeoutError:  # before 3.11: futures.TimeoutError
        waited = f"no result after {PATIENCE} s"
    all_busy.wait()  # free no worker until every outer task is done
    return waited, future

def run(outer_tasks: int) -> None:
    print(f"{outer_tasks} outer task(s), 2 workers:")
    all_busy = threading.Barrier(outer_tasks)
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        futures = [pool.submit(outer, pool, n, all_busy)
                   for n in range(outer_tasks)]
        results = [future.result() for future in futures]
    for n, (waited, _) in enumerate(results):
        print(f"  outer {n}: {waited}")
    # The with block waited for every task, the inner ones included:
    # once the outer tasks had freed the workers, they ran at once.
    later = [future.result() for _, future in results]
    print(f"  inner tasks, at the end of the with block: {later}")

if __name__ == "__main__":
    run(1)  # the other worker is free to run the inner task
    run(2)  # both workers wait, and nobody runs the inner tasks

"""initializer runs once in every worker process, before its first
task. max_tasks_per_child (Python 3.11+) retires a worker after that
many tasks and starts a fresh one; it also makes the pool start its
workers with spawn, which imports this module in each of them."""
import concurrent.futures
import multiprocessing
import os
import sys

print(f"module run as {__name__!r}", flush=True)

connection = None  # every worker process sets its own, in connect()

def connect(database: str) -> None:
    global connection
    connection = f"{database} opened in pid {os.getpid()}"

def query(task: int) -> str:
    return f"task {task} ran in pid {os.getpid()}; {connection}"

if __name__ == "__main__":
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=1, initializer=connect, initargs=("orders.db",),
        max_tasks_per_child=2)
    futures = [pool.submit(query, task) for task in range(3)]
    concurrent.futures.wait(futures, timeout=20)
    for task, future in enumerate(futures):
        print(future.result() if future.done()
              else f"task {task}: no result after 20 s")
    try:
        concurrent.futures.ProcessPoolExecutor(
            mp_context=multiprocessing.get_context("fork"),
            max_tasks_per_child=2)
    except ValueError as error:
        print(f"with fork: {error}")
    if not all(future.done() for future in futures):
        # The pool has stalled (CPython gh-115634): no worker is left
        # to run task 2, and no new one is started. Shutting it down
        # would wait forever, and so would the interpreter's exit.
        sys.stdout.flush()
        os._exit(0)
    pool.shutdown()

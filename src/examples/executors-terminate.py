"""ProcessPoolExecutor.terminate_workers() and kill_workers() (Python
3.14+) stop the worker processes in the middle of their tasks: the
one way in concurrent.futures to interrupt a call already running."""
import concurrent.futures
import multiprocessing
import time

started = None  # the semaphore below, in every worker process

def remember(semaphore) -> None:  # the pool's initializer
    global started
    started = semaphore

def forever(task: int) -> None:
    started.release()  # tell the parent this task is running
    while True:  # a call that never returns by itself
        time.sleep(0.01)

if __name__ == "__main__":
    for stop in ("terminate_workers", "kill_workers"):
        semaphore = multiprocessing.Semaphore(0)
        pool = concurrent.futures.ProcessPoolExecutor(
            max_workers=2, initializer=remember,
            initargs=(semaphore,))
        futures = [pool.submit(forever, task) for task in range(2)]
        for _ in futures:
            semaphore.acquire()  # until both tasks are running
        print(f"both tasks running, then {stop}():")
        getattr(pool, stop)()  # pool.terminate_workers(), ...
        for task, future in enumerate(futures):
            error = future.exception(timeout=10)
            print(f"  task {task}: {type(error).__name__}")
        try:
            pool.submit(forever, 2)
        except RuntimeError as error:  # BrokenProcessPool is one
            print(f"  submit() afterwards: {type(error).__name__}")

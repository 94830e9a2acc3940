"""Under the forkserver start method, who imports the main module of
a ProcessPoolExecutor program: each worker, or the fork server once
before it forks the workers? It depends on the Python version."""
import concurrent.futures
import multiprocessing
import os

print(f"module run as {__name__!r} in pid {os.getpid()}", flush=True)

if __name__ == "__main__":
    context = multiprocessing.get_context("forkserver")
    with concurrent.futures.ProcessPoolExecutor(
            max_workers=2, mp_context=context) as pool:
        # Two submits at once: two workers, each returning its parent
        futures = [pool.submit(os.getppid) for _ in range(2)]
        server = {future.result() for future in futures}.pop()
    print(f"the workers' parent, the fork server: pid {server}")

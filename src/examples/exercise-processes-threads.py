"""Exercise 2, worked: N processes, each running M threads;
every thread says which process and thread it runs in."""
import multiprocessing
import os
import sys
import threading
import time

PROCESSES = 3
THREADS = 4

def report() -> None:
    # A short wait, so that a process's threads overlap.
    time.sleep(0.1)
    process = multiprocessing.current_process().name
    thread = threading.current_thread().name
    # One write per line: print() writes the text and the
    # newline separately, and another thread could slip its
    # line in between.
    sys.stdout.write(
        f"process {process} (pid {os.getpid()}), "
        f"thread {thread}\n")

def run_threads() -> None:
    threads = [
        threading.Thread(target=report, name=f"worker-{n}")
        for n in range(1, THREADS + 1)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    sys.stdout.flush()

if __name__ == "__main__":
    processes = [multiprocessing.Process(target=run_threads)
                 for _ in range(PROCESSES)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()

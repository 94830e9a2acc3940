"""How many workers does a pool start when you do not say?

The program first limits itself to one CPU (on Linux), as a container
or `taskset` can, then counts the workers each pool really starts.
"""
import concurrent.futures
import multiprocessing
import os
import threading

def hold(gate: threading.Event) -> str:
    gate.wait()  # no task ends before all are submitted
    return threading.current_thread().name

def threads_started() -> int:
    gate = threading.Event()
    with concurrent.futures.ThreadPoolExecutor() as pool:
        futures = [pool.submit(hold, gate) for _ in range(64)]
        gate.set()
        return len({future.result() for future in futures})

def processes_started() -> int:
    with concurrent.futures.ProcessPoolExecutor() as pool:
        futures = [pool.submit(os.getpid) for _ in range(64)]
        started = len(multiprocessing.active_children())
        concurrent.futures.wait(futures)
        return started

if __name__ == "__main__":
    if hasattr(os, "sched_setaffinity"):  # Linux: use 1 CPU only
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        usable = len(os.sched_getaffinity(0))
    else:
        usable = os.cpu_count() or 1
    machine = os.cpu_count() or 1
    print(f"CPUs: {machine} in the machine, {usable} usable here")
    print(f"ThreadPoolExecutor() threads started: {threads_started()}")
    print(f"  min(32, machine CPUs + 4) = {min(32, machine + 4)}")
    print(f"  min(32, usable CPUs + 4)  = {min(32, usable + 4)}")
    print("ProcessPoolExecutor() processes started:",
          processes_started())

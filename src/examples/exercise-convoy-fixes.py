"""Worked exercise: two ways out of the convoy effect.

An I/O-bound thread sends requests to an echo server that answers
after 1 ms, alone and beside CPU-bound work: in a thread (with the
default 5 ms switch interval, then 0.5 ms), and in a process, which
has a GIL of its own. Prints the median response time of each.
"""
import multiprocessing
import os
import statistics
import subprocess
import sys
import threading
import time

REQUESTS = 40
ECHO_SERVER = """
import os, time
while request := os.read(0, 64):
    time.sleep(0.001)  # the server takes 1 ms to answer
    os.write(1, request)
"""

def median_response_ms(server: subprocess.Popen) -> float:
    times = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        os.write(server.stdin.fileno(), b"?")
        os.read(server.stdout.fileno(), 64)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000

def compute(started, stop) -> None:
    started.set()
    while not stop.is_set():
        sum(range(1_000))  # pure Python: holds its GIL

def beside(server, make_event, make_worker) -> float:
    started, stop = make_event(), make_event()
    worker = make_worker(target=compute, args=(started, stop))
    worker.start()
    started.wait()  # the CPU-bound work is running
    try:
        return median_response_ms(server)
    finally:
        stop.set()
        worker.join()

if __name__ == "__main__":
    server = subprocess.Popen(
        [sys.executable, "-c", ECHO_SERVER],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    median_response_ms(server)  # warm-up: the server is running
    spawn = multiprocessing.get_context("spawn")
    thread = (threading.Event, threading.Thread)
    results = {"alone": median_response_ms(server)}
    results["beside a thread, switch every 5 ms"] = beside(
        server, *thread)
    sys.setswitchinterval(0.0005)
    results["beside a thread, switch every 0.5 ms"] = beside(
        server, *thread)
    sys.setswitchinterval(0.005)
    results["beside a process"] = beside(
        server, spawn.Event, spawn.Process)
    server.stdin.close()
    server.wait()

    print(f"median of {REQUESTS} requests to a server that answers "
          "in 1 ms:")
    for label, ms in results.items():
        print(f"{label + ':':<37} {ms:6.2f} ms")

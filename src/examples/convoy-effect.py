"""The convoy effect: response times of an I/O-bound thread, alone
and beside a CPU-bound thread.

Each request sends one byte to an echo server that answers after
1 ms, then reads the answer back. The server is a separate process,
so the only GIL the two threads share is this one. The response times'
percentiles are printed as JSON, in milliseconds.
"""
import json
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

def response_times_ms(server: subprocess.Popen) -> list[float]:
    times = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        os.write(server.stdin.fileno(), b"?")  # releases the GIL
        os.read(server.stdout.fileno(), 64)    # releases the GIL
        times.append((time.perf_counter() - start) * 1000)
    return times

def compute(stop: threading.Event) -> None:
    while not stop.is_set():
        sum(range(1_000))  # pure Python: holds the GIL

PERCENTILES = ["p10", "median", "p90", "max"]

def summary(times: list[float]) -> str:
    tenths = statistics.quantiles(times, n=10)
    cuts = [tenths[0], statistics.median(times), tenths[-1], max(times)]
    return json.dumps([round(ms, 2) for ms in cuts])

if __name__ == "__main__":
    server = subprocess.Popen(
        [sys.executable, "-c", ECHO_SERVER],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    response_times_ms(server)  # warm-up: the server is running
    alone = response_times_ms(server)

    stop = threading.Event()
    cpu_thread = threading.Thread(target=compute, args=(stop,))
    cpu_thread.start()
    beside_cpu = response_times_ms(server)
    stop.set()
    cpu_thread.join()
    server.stdin.close()
    server.wait()

    interval_ms = sys.getswitchinterval() * 1000
    print("{")
    print(f'  "switch_interval_ms": {interval_ms:g},')
    print(f'  "requests": {REQUESTS},')
    print(f'  "percentiles": {json.dumps(PERCENTILES)},')
    print(f'  "alone_ms": {summary(alone)},')
    print(f'  "beside_cpu_ms": {summary(beside_cpu)}')
    print("}")

"""The convoy effect: response times of an I/O-bound thread, alone
and beside a CPU-bound thread.

Each request sends one byte to an echo server that answers after
1 ms, then reads the answer back. The server is a separate process,
so the only GIL the two threads share is this one. The response times'
percentiles are printed as JSON, in milliseconds, and for the requests
beside the CPU-bound thread, after which of the two calls they waited
for the GIL (a call that took at least half a switch interval).
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

def timed_requests(server: subprocess.Popen) -> list[tuple]:
    """Each request's two calls, timed apart: (send, answer) in ms."""
    calls = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        os.write(server.stdin.fileno(), b"?")  # releases the GIL
        sent = time.perf_counter()
        os.read(server.stdout.fileno(), 64)    # releases the GIL
        end = time.perf_counter()
        calls.append(((sent - start) * 1000, (end - sent) * 1000))
    return calls

def compute(stop: threading.Event) -> None:
    while not stop.is_set():
        sum(range(1_000))  # pure Python: holds the GIL

PERCENTILES = ["p10", "median", "p90", "max"]

def summary(calls: list[tuple]) -> str:
    times = [send + answer for send, answer in calls]
    tenths = statistics.quantiles(times, n=10)
    cuts = [tenths[0], statistics.median(times), tenths[-1], max(times)]
    return json.dumps([round(ms, 2) for ms in cuts])

def gil_waits(calls: list[tuple], interval_ms: float) -> str:
    waited = [(send >= interval_ms / 2, answer >= interval_ms / 2)
              for send, answer in calls]
    return json.dumps({
        "after_send": sum(send for send, _ in waited),
        "after_answer": sum(answer for _, answer in waited),
        "twice": sum(send and answer for send, answer in waited),
    })

if __name__ == "__main__":
    server = subprocess.Popen(
        [sys.executable, "-c", ECHO_SERVER],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    timed_requests(server)  # warm-up: the server is running
    alone = timed_requests(server)

    stop = threading.Event()
    cpu_thread = threading.Thread(target=compute, args=(stop,))
    cpu_thread.start()
    beside_cpu = timed_requests(server)
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
    print(f'  "beside_cpu_ms": {summary(beside_cpu)},')
    waits = gil_waits(beside_cpu, interval_ms)
    print(f'  "gil_waits": {waits}')
    print("}")

"""as_completed() hands back each future as soon as its task ends.

Four tasks wait different times (a stand-in for slow I/O). They are
submitted as 0, 1, 2, 3; the loop gets them in the order they end.
The JSON says when each ran, in ms since the first was submitted.
"""
import concurrent.futures
import json
import threading
import time

WAITS = [0.8, 0.2, 0.6, 0.4]  # seconds that task 0, 1, 2, 3 wait

def task(number: int, origin: float) -> dict:
    started = time.perf_counter()
    time.sleep(WAITS[number])
    return {
        "task": number,
        "thread": threading.current_thread().name,
        "wait_ms": round(WAITS[number] * 1000),
        "start_ms": round((started - origin) * 1000),
        "end_ms": round((time.perf_counter() - origin) * 1000),
    }

if __name__ == "__main__":
    with concurrent.futures.ThreadPoolExecutor(
        max_workers=4, thread_name_prefix="worker"
    ) as pool:
        origin = time.perf_counter()
        futures = [pool.submit(task, n, origin) for n in range(4)]
        done = concurrent.futures.as_completed(futures)
        rows = [json.dumps(future.result()) for future in done]
    print('{"tasks": [')
    print(",\n".join(f"  {row}" for row in rows))
    print("]}")

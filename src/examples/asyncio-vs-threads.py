"""500 waits at once: asyncio tasks versus threads.

Each way runs in a fresh interpreter, so its peak memory is its own.
Every waiter blocks on an Event until all have started and waited
WAIT seconds together, like requests in flight to a slow server.
"""
import asyncio
import resource
import subprocess
import sys
import threading
import time

WAITERS = 500
WAIT = 0.2  # seconds all waiters wait together

async def with_asyncio() -> tuple[float, int]:
    release = asyncio.Event()
    begin = time.perf_counter()
    tasks = [asyncio.create_task(release.wait())
             for _ in range(WAITERS)]
    await asyncio.sleep(0)  # one loop turn: every task starts waiting
    started = time.perf_counter() - begin
    waiting = len(asyncio.all_tasks()) - 1  # all but this one
    await asyncio.sleep(WAIT)
    release.set()
    await asyncio.gather(*tasks)
    return started, waiting

def with_threads() -> tuple[float, int]:
    release = threading.Event()
    begin = time.perf_counter()
    threads = [threading.Thread(target=release.wait)
               for _ in range(WAITERS)]
    for thread in threads:
        thread.start()
    started = time.perf_counter() - begin
    waiting = threading.active_count() - 1  # all but the main one
    time.sleep(WAIT)
    release.set()
    for thread in threads:
        thread.join()
    return started, waiting

def measure(way: str) -> None:
    # ru_maxrss: the peak resident memory of this process so far, in
    # KiB on Linux (bytes on macOS; the resource module is Unix-only).
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    begin = time.perf_counter()
    if way == "asyncio":
        started, waiting = asyncio.run(with_asyncio())
    else:
        started, waiting = with_threads()
    total = time.perf_counter() - begin
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{way:<8} {waiting:>7} {started * 1000:>8.1f} ms"
          f" {total:>6.2f} s {peak - before:>7} KiB")

if __name__ == "__main__":
    if len(sys.argv) == 2:
        measure(sys.argv[1])
    else:
        print(f"{WAITERS} waiters, each waiting {WAIT:.2f} s")
        # Flush: the children write to the same output directly.
        print("way      waiting  start-up    total  more memory",
              flush=True)
        for way in ("asyncio", "threads"):
            subprocess.run([sys.executable, __file__, way], check=True)

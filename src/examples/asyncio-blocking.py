"""What blocks the event loop. A heartbeat task ticks every 10 ms
while another task waits 0.5 s in three ways. The ticks that ran
during the wait, and the longest gap between two ticks, show whether
the loop kept running meanwhile.
"""
import asyncio
import time

TICK = 0.01  # seconds between heartbeats
WAIT = 0.5   # seconds the other task waits

async def heartbeat(ticks: list[float]) -> None:
    while True:
        await asyncio.sleep(TICK)
        ticks.append(time.perf_counter())

async def polite() -> None:
    await asyncio.sleep(WAIT)  # suspends: the loop runs others

async def blocking() -> None:
    time.sleep(WAIT)  # holds the loop's only thread: nothing runs

async def offloaded() -> None:
    # The blocking call waits in a worker thread; the loop runs on.
    await asyncio.to_thread(time.sleep, WAIT)

async def measure(wait) -> tuple[int, float]:
    ticks: list[float] = []
    beat = asyncio.create_task(heartbeat(ticks))
    await asyncio.sleep(5 * TICK)  # a few beats first
    start = time.perf_counter()
    await wait()
    end = time.perf_counter()
    await asyncio.sleep(2 * TICK)  # the beat right after the wait
    beat.cancel()
    during = sum(start < tick < end for tick in ticks)
    longest = max(b - a for a, b in zip(ticks, ticks[1:]))
    return during, longest * 1000

async def main() -> None:
    # Start the worker thread now: Thread.start() waits until the new
    # thread runs, and on a busy machine that wait would block the loop.
    await asyncio.to_thread(time.sleep, 0)
    print(f"tick every {TICK * 1000:.0f} ms; the other task waits "
          f"{WAIT * 1000:.0f} ms, time for {WAIT / TICK:.0f} ticks")
    print(f"{'':<37} ticks  longest gap")
    for label, wait in [
        ("await asyncio.sleep()", polite),
        ("time.sleep()", blocking),
        ("await asyncio.to_thread(time.sleep)", offloaded),
    ]:
        during, longest = await measure(wait)
        print(f"{label + ':':<37} {during:5} {longest:9.0f} ms")

asyncio.run(main())

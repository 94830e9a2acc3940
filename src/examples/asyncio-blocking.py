"""What blocks the event loop. A heartbeat task ticks every 10 ms
while another task waits 0.5 s in three ways; the longest gap between
ticks shows whether the loop kept running during the wait.
"""
import asyncio
import time

TICK = 0.01  # seconds between heartbeats
WAIT = 0.5   # seconds the other task waits

async def heartbeat(gaps: list[float]) -> None:
    last = time.perf_counter()
    while True:
        await asyncio.sleep(TICK)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now

async def polite() -> None:
    await asyncio.sleep(WAIT)  # suspends: the loop runs others

async def blocking() -> None:
    time.sleep(WAIT)  # holds the loop's only thread: nothing runs

async def offloaded() -> None:
    # The blocking call waits in a worker thread; the loop runs on.
    await asyncio.to_thread(time.sleep, WAIT)

async def longest_gap_ms(wait) -> float:
    gaps: list[float] = []
    beat = asyncio.create_task(heartbeat(gaps))
    await asyncio.sleep(5 * TICK)  # a few beats first
    await wait()
    await asyncio.sleep(2 * TICK)  # the beat right after the wait
    beat.cancel()
    return max(gaps) * 1000

async def main() -> None:
    # Start the worker thread now: Thread.start() waits until the new
    # thread runs, and on a busy machine that wait would block the loop.
    await asyncio.to_thread(time.sleep, 0)
    print(f"tick every {TICK * 1000:.0f} ms; "
          f"the other task waits {WAIT * 1000:.0f} ms")
    for label, wait in [
        ("await asyncio.sleep()", polite),
        ("time.sleep()", blocking),
        ("await asyncio.to_thread(time.sleep)", offloaded),
    ]:
        gap = await longest_gap_ms(wait)
        print(f"{label + ':':<38} longest gap {gap:5.0f} ms")

asyncio.run(main())

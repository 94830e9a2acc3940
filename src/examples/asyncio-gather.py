"""Three coroutines wait at the same time on one event loop.

Calling a coroutine function runs none of its code: it returns a
coroutine object. asyncio.gather() wraps each coroutine in a task and
the event loop runs them, switching whenever one awaits.
"""
import asyncio
import time

DELAYS = {"a": 0.3, "b": 0.1, "c": 0.2}  # seconds each one waits

async def fetch(name: str, delay: float) -> str:
    print(f"{name}: waiting {delay} s")
    await asyncio.sleep(delay)  # hands control back to the loop
    print(f"{name}: done")
    return name.upper()

async def main() -> None:
    pending = fetch("x", 0)
    print(f"fetch('x', 0) returned a {type(pending).__name__}")
    pending.close()  # never awaited: close it instead

    start = time.perf_counter()
    results = await asyncio.gather(
        *(fetch(name, delay) for name, delay in DELAYS.items()))
    took = time.perf_counter() - start
    print(f"results: {results}")
    print(f"took {took:.2f} s; the waits add up to "
          f"{sum(DELAYS.values()):.2f} s")

asyncio.run(main())

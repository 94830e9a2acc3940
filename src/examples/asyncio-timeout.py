"""Timeouts. asyncio.timeout() (Python 3.11+) bounds a whole block of
awaits; asyncio.wait_for() bounds one awaitable. When the time is up,
either cancels what is still running and raises TimeoutError."""
import asyncio

async def fetch(name: str, delay: float) -> str:
    try:
        await asyncio.sleep(delay)  # a stand-in for a slow request
    except asyncio.CancelledError:
        print(f"  {name}: cancelled")
        raise  # let the cancellation finish the task
    return f"{name}: answered"

async def main() -> None:
    print("async with asyncio.timeout(0.5): two fetches")
    try:
        async with asyncio.timeout(0.5):
            print(" ", await fetch("fast", 0.05))
            print(" ", await fetch("slow", 10))
    except TimeoutError:
        print("  TimeoutError: the block ran out of time")

    print("await asyncio.wait_for(fetch(...), timeout=0.5)")
    for name, delay in [("fast", 0.05), ("slow", 10)]:
        try:
            answer = await asyncio.wait_for(fetch(name, delay), 0.5)
            print(" ", answer)
        except TimeoutError:
            print(f"  TimeoutError: {name} ran out of time")

asyncio.run(main())

"""asyncio.TaskGroup (Python 3.11+): the tasks of a group end
together. When one fails, the group cancels the others, waits for
them, and raises every failure at once in an ExceptionGroup.
"""
import asyncio

async def fetch(name: str, delay: float, fail: bool = False) -> str:
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise  # let the cancellation finish the task
    if fail:
        raise ConnectionError(f"{name}: no answer")
    print(f"{name}: done")
    return name

async def main() -> None:
    try:
        async with asyncio.TaskGroup() as group:
            fast = group.create_task(fetch("fast", 0.1))
            group.create_task(fetch("broken", 0.2, fail=True))
            group.create_task(fetch("slow", 10.0))
        print("not reached: a task failed")
    except* ConnectionError as failures:
        for error in failures.exceptions:
            print(f"failed: {error}")
    print(f"result of fast, kept: {fast.result()}")

asyncio.run(main())

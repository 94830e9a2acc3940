"""Exceptions in tasks. gather(return_exceptions=True) returns them
with the results; the exception of a task nobody awaits is reported
only when the task is garbage-collected."""
import asyncio

async def fetch(name: str, fail: bool = False) -> str:
    await asyncio.sleep(0.01)
    if fail:
        raise ConnectionError(f"{name}: no answer")
    return f"{name}: ok"

def report(loop: asyncio.AbstractEventLoop, context: dict) -> None:
    # The loop calls this for errors nobody else saw. The default
    # handler logs the same message, with a traceback, to stderr.
    print(f"  the loop reports: {context['message']}")
    print(f"    exception={context['exception']!r}")

async def main() -> None:
    print("gather(a, b, c, return_exceptions=True):")
    results = await asyncio.gather(
        fetch("a"), fetch("b", fail=True), fetch("c"),
        return_exceptions=True)
    for result in results:
        print(f"  {result!r}")

    print("a task that fails, which nobody awaits:")
    asyncio.get_running_loop().set_exception_handler(report)
    task = asyncio.create_task(fetch("d", fail=True))
    await asyncio.sleep(0.1)
    print(f"  done: {task.done()}; nothing reported yet")
    del task  # the last reference: the task is garbage-collected
    print("main() ends")

asyncio.run(main())

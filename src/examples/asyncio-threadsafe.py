"""Reaching a running event loop from another thread. asyncio objects
are not thread-safe: a thread hands work to the loop's own thread
with loop.call_soon_threadsafe() or run_coroutine_threadsafe()."""
import asyncio
import threading

def here() -> str:
    return threading.current_thread().name

async def double(n: int) -> int:  # a coroutine, for the loop to run
    await asyncio.sleep(0.01)
    print(f"{here()}: double({n}) runs on the loop")
    return 2 * n

def worker(loop: asyncio.AbstractEventLoop,
           inbox: asyncio.Queue) -> None:
    # A plain callback, run by the loop soon: here, a queue put.
    greeting = f"hello from {here()}"
    loop.call_soon_threadsafe(inbox.put_nowait, greeting)
    # A coroutine, run by the loop; this thread waits for its result.
    future = asyncio.run_coroutine_threadsafe(double(21), loop)
    print(f"{here()}: the coroutine returned {future.result(10)}")
    # The unsafe way: call_soon() belongs to the loop's own thread.
    try:
        loop.call_soon(inbox.put_nowait, "unsafe")
    except RuntimeError as error:  # raised in debug mode only
        print(f"{here()}: loop.call_soon() raised: {error}")
    loop.call_soon_threadsafe(inbox.put_nowait, None)  # the end

async def main() -> None:
    loop = asyncio.get_running_loop()
    # Debug mode also logs every step slower than 0.1 s, which a busy
    # machine has now and then: only the thread checks matter here.
    loop.slow_callback_duration = 60
    inbox: asyncio.Queue = asyncio.Queue()
    thread = threading.Thread(
        target=worker, args=(loop, inbox), name="worker")
    thread.start()
    while (item := await inbox.get()) is not None:
        print(f"{here()}: the loop got {item!r}")
    await asyncio.to_thread(thread.join)

asyncio.run(main(), debug=True)  # debug: check each call's thread

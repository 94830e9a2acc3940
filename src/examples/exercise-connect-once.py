"""Each connection opened once, different ones at the same time:
four threads ask for "db" and four for "cache", all at once."""
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future

NAMES = ["db", "cache"] * 4  # eight threads, two names
connects = []  # (name, start, end) of every connection opened

def connect(name: str) -> str:
    start = time.perf_counter()
    time.sleep(0.2)  # connecting takes a while
    connects.append((name, start, time.perf_counter()))
    return f"connection to {name}"

def one_lock() -> Callable[[str], str]:
    cache, lock = {}, threading.Lock()

    def get(name: str) -> str:
        with lock:  # correct, but every connect waits for the others
            if name not in cache:
                cache[name] = connect(name)
            return cache[name]
    return get

def one_future_per_name() -> Callable[[str], str]:
    pending = {}

    def get(name: str) -> str:
        mine = Future()
        # setdefault is one operation: exactly one thread stores its
        # future for a name, and every thread gets that one back
        future = pending.setdefault(name, mine)
        if future is mine:  # this thread won: it connects
            try:
                future.set_result(connect(name))
            except BaseException as error:  # the waiters get it too
                future.set_exception(error)
                raise
        return future.result()  # the others wait for the winner
    return get

def ask_at_once(get: Callable[[str], str]) -> None:
    connects.clear()
    start = threading.Barrier(len(NAMES))

    def worker(name: str) -> None:
        start.wait()
        assert get(name) == f"connection to {name}"

    threads = [threading.Thread(target=worker, args=(name,))
               for name in NAMES]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

for make in (one_lock, one_future_per_name):
    ask_at_once(make())
    names = sorted(name for name, _, _ in connects)
    last_start = max(start for _, start, _ in connects)
    first_end = min(end for _, _, end in connects)
    print(f"{make.__name__}: opened {names}, "
          f"at the same time: {last_start < first_end}")

"""Each connection opened once, different ones at the same time:
four threads ask for "db" and four for "cache", all at once."""
import threading
import time
from collections.abc import Callable

NAMES = ["db", "cache"] * 4  # eight threads, two names
connects = []  # (name, start, end) of every connection opened
failing = set()  # names whose next attempt to connect fails

def connect(name: str) -> str:
    start = time.perf_counter()
    time.sleep(0.2)  # connecting takes a while
    if name in failing:
        failing.discard(name)
        raise ConnectionError(f"{name} did not answer")
    connects.append((name, start, time.perf_counter()))
    return f"connection to {name}"

def one_lock() -> Callable[[str], str]:
    cache, lock = {}, threading.Lock()

    def get(name: str) -> str:
        with lock:  # correct, but connects wait for each other
            if name not in cache:
                cache[name] = connect(name)
            return cache[name]
    return get

def one_lock_per_name() -> Callable[[str], str]:
    cache, locks = {}, {}

    def get(name: str) -> str:
        # setdefault is one operation: one thread stores its
        # lock for a name, and every thread gets that lock back
        with locks.setdefault(name, threading.Lock()):
            if name not in cache:  # the first one in connects
                cache[name] = connect(name)
        return cache[name]  # the others waited for it
    return get

def ask_at_once(get: Callable[[str], str]) -> int:
    """All threads ask at once; returns how many failed."""
    connects.clear()
    start = threading.Barrier(len(NAMES))
    errors = []

    def worker(name: str) -> None:
        start.wait()
        try:
            assert get(name) == f"connection to {name}"
        except ConnectionError as error:
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(name,))
               for name in NAMES]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(errors)

def opened() -> list[str]:
    return sorted(name for name, _, _ in connects)

for make in (one_lock, one_lock_per_name):
    ask_at_once(make())
    last_start = max(start for _, start, _ in connects)
    first_end = min(end for _, _, end in connects)
    print(f"{make.__name__}: opened {opened()}, "
          f"at the same time: {last_start < first_end}")

failing.add("db")  # the first attempt to connect to "db" fails
errors = ask_at_once(one_lock_per_name())
print(f"db fails once: {errors} thread got the error, "
      f"opened {opened()}")

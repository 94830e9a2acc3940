"""Check-then-act: four threads want the same cached connection."""
import threading
import time

THREADS = 4
cache = {}
cache_lock = threading.Lock()
opened = []  # one entry per connection opened

def connect(name: str) -> object:
    time.sleep(0.1)  # connecting takes a while
    opened.append(name)
    return object()

def get_unsafe(name: str) -> object:
    if name not in cache:            # check ...
        cache[name] = connect(name)  # ... then act
    return cache[name]

def get_locked(name: str) -> object:
    with cache_lock:  # the check and the act as one step
        if name not in cache:
            cache[name] = connect(name)
        return cache[name]

def ask_at_once(get) -> None:
    cache.clear()
    opened.clear()
    got = []
    start = threading.Barrier(THREADS)

    def worker() -> None:
        start.wait()  # all threads ask at the same moment
        got.append(get("db"))

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    different = len({id(connection) for connection in got})
    print(f"{get.__name__}: opened {len(opened)}, "
          f"threads hold {different} different connection(s)")

ask_at_once(get_unsafe)
ask_at_once(get_locked)

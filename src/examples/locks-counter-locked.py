import threading
import time

THREADS = 4
INCREMENTS = 250
counter = 0
counter_lock = threading.Lock()

def increment(times: int) -> None:
    global counter
    for _ in range(times):
        with counter_lock:         # one thread at a time in here
            current = counter      # read
            time.sleep(0.0001)     # the others wait at the lock
            counter = current + 1  # write

threads = [
    threading.Thread(target=increment, args=(INCREMENTS,))
    for _ in range(THREADS)
]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()

expected = THREADS * INCREMENTS
print(f"expected: {expected}")
print(f"counter:  {counter}")
print(f"lost updates: {expected - counter}")

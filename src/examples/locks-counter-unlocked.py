import threading
import time

THREADS = 4
INCREMENTS = 250
counter = 0

def increment(times: int) -> None:
    global counter
    for _ in range(times):
        current = counter      # read
        time.sleep(0.0001)     # wait a little: another thread runs
        counter = current + 1  # write: may undo the others' updates

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

import threading

THREADS = 4
INCREMENTS = 1_000_000
counter = 0

def increment(times: int) -> None:
    global counter
    for _ in range(times):
        counter += 1  # read, add one, write: three steps

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

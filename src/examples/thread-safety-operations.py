"""Four threads update one list and two dicts for a tenth of a second.

Each thread counts how many updates it made; afterwards the shared
containers must hold exactly that many. Whatever is missing was lost.
"""
import sys
import threading
import time

sys.setswitchinterval(1e-6)  # ask for a thread switch very often

THREADS = 4
SECONDS = 0.1
items = []                     # list.append
keys = {}                      # d[key] = value, a new key each time
counts = {"plus": 0, "get": 0}  # two ways to add one to a value

def work(thread: int, done: list) -> None:
    n = 0
    deadline = time.perf_counter() + SECONDS
    while time.perf_counter() < deadline:
        items.append(n)
        keys[thread, n] = n
        counts["plus"] += 1                       # read, add, write
        counts["get"] = counts.get("get", 0) + 1  # a call in between
        n += 1
    done.append(n)  # how many updates this thread made

done = []
threads = [
    threading.Thread(target=work, args=(t, done))
    for t in range(THREADS)
]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()

total = sum(done)
lost = {
    "items.append(n)": total - len(items),
    "keys[thread, n] = n": total - len(keys),
    "counts[k] += 1": total - counts["plus"],
    "counts[k] = counts.get(k, 0) + 1": total - counts["get"],
}
print(f"updates made to each: {total}")
for operation, missing in lost.items():
    print(f"{operation:<34}lost {missing}")

"""A Semaphore lets at most N threads into a section at once. A
BoundedSemaphore also refuses to be released more than acquired."""
import threading
import time

SLOTS = 2
WORKERS = 4
slots = threading.Semaphore(SLOTS)
count_lock = threading.Lock()
inside = 0
most_inside = 0

def download() -> None:
    global inside, most_inside
    with slots:  # waits while SLOTS threads are inside
        with count_lock:
            inside += 1
            most_inside = max(most_inside, inside)
        time.sleep(0.2)  # the slow part, such as a download
        with count_lock:
            inside -= 1

threads = [threading.Thread(target=download, name=f"download-{n}")
           for n in range(1, WORKERS + 1)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"{WORKERS} threads, {SLOTS} slots: "
      f"at most {most_inside} inside at once")

# One release() too many, as a bug on an error path might do:
print("One release() too many, on a count of 2:")
plain = threading.Semaphore(2)
plain.release()  # accepted: the count is now 3
let_in = sum(plain.acquire(blocking=False) for _ in range(4))
print(f"  Semaphore: now lets {let_in} in")

bounded = threading.BoundedSemaphore(2)
try:
    bounded.release()
except ValueError as error:
    print(f"  BoundedSemaphore: ValueError: {error}")

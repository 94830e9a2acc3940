"""A Barrier: threads that arrive at different times all go on
together, once the last of them has arrived."""
import sys
import threading
import time

PARTIES = 3

def opened() -> None:
    # Run by one thread once all have arrived, before any goes on.
    sys.stdout.write(f"all {PARTIES} arrived: the barrier opens\n")

barrier = threading.Barrier(PARTIES, action=opened)

def worker() -> None:
    name = threading.current_thread().name
    sys.stdout.write(f"{name}: arrived, waiting\n")
    barrier.wait()
    sys.stdout.write(f"{name}: through\n")
    time.sleep(0.2)  # the work they then do side by side

threads = [threading.Thread(target=worker, name=f"worker-{n}")
           for n in range(1, PARTIES + 1)]
for thread in threads:
    thread.start()
    time.sleep(0.1)  # the workers start 0.1 s apart
for thread in threads:
    thread.join()

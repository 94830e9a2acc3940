"""Stopping consumers with Queue.shutdown() instead of a sentinel.
Queue.shutdown() and queue.ShutDown are new in Python 3.13."""
import sys
import threading
import time
from queue import Queue, ShutDown

CONSUMERS = 2
ITEMS = 6
tasks = Queue(maxsize=2)

def consume() -> None:
    name = threading.current_thread().name
    while True:
        try:
            # After shutdown(), get() still returns what is queued,
            # then raises ShutDown instead of waiting.
            item = tasks.get()
        except ShutDown:
            sys.stdout.write(f"{name}: queue shut down, stopping\n")
            return
        time.sleep(0.05)  # handle the item
        sys.stdout.write(f"{name}: handled item {item}\n")

consumers = [threading.Thread(target=consume, name=f"consumer-{n}")
             for n in range(1, CONSUMERS + 1)]
for consumer in consumers:
    consumer.start()
for item in range(1, ITEMS + 1):  # the producer
    tasks.put(item)
tasks.shutdown()  # no more items: wakes every waiting get()
for consumer in consumers:
    consumer.join()
print(f"all {ITEMS} items handled, {CONSUMERS} consumers stopped")
try:
    tasks.put(ITEMS + 1)
except ShutDown:
    print("put() after shutdown(): raises ShutDown")

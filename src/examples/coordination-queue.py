"""Producer and consumers hand items over through a queue.Queue.
One sentinel per consumer, put after the last item, stops them."""
import queue
import sys
import threading
import time

CONSUMERS = 2
ITEMS = 6
STOP = object()  # the sentinel: never a real item

# put() waits while 2 items are queued: a fast producer cannot
# run far ahead of slow consumers.
tasks = queue.Queue(maxsize=2)

def consume() -> None:
    name = threading.current_thread().name
    while True:
        item = tasks.get()  # waits while the queue is empty
        if item is STOP:
            sys.stdout.write(f"{name}: got the sentinel, stopping\n")
            return
        time.sleep(0.05)  # handle the item
        sys.stdout.write(f"{name}: handled item {item}\n")

consumers = [threading.Thread(target=consume, name=f"consumer-{n}")
             for n in range(1, CONSUMERS + 1)]
for consumer in consumers:
    consumer.start()
for item in range(1, ITEMS + 1):  # the producer
    tasks.put(item)
for _ in consumers:
    tasks.put(STOP)  # queued after every item
for consumer in consumers:
    consumer.join()
print(f"all {ITEMS} items handled, {CONSUMERS} consumers stopped")

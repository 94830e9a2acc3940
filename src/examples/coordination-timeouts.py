"""What each blocking call does when its timeout runs out: most
return False, the queue and the barrier raise, join() returns None.
And one call that takes no timeout at all: Queue.join()."""
import queue
import threading

T = 0.05  # seconds; every wait below runs out

def show(call: str, wait) -> None:
    try:
        outcome = repr(wait())
    except Exception as error:
        outcome = f"raises {type(error).__name__}"
    print(f"{call} -> {outcome}")

held = threading.Lock()
held.acquire()  # so the next acquire() must wait
show("held.acquire(timeout=T)", lambda: held.acquire(timeout=T))
show("Semaphore(0).acquire(timeout=T)",
     lambda: threading.Semaphore(0).acquire(timeout=T))
show("Event().wait(T)", lambda: threading.Event().wait(T))

condition = threading.Condition()
with condition:
    show("condition.wait(T)", lambda: condition.wait(T))
    show("condition.wait_for(pred, T)",
         lambda: condition.wait_for(lambda: False, T))

show("Queue().get(timeout=T)", lambda: queue.Queue().get(timeout=T))
full = queue.Queue(maxsize=1)
full.put("x")
show('full.put("y", timeout=T)', lambda: full.put("y", timeout=T))

# Queue.join() has no timeout parameter at all.
show("Queue().join(timeout=T)", lambda: queue.Queue().join(timeout=T))

barrier = threading.Barrier(2)  # nobody else comes
show("barrier.wait(T)", lambda: barrier.wait(T))
print(f"  ...and the barrier is now broken: {barrier.broken}")

release = threading.Event()
waiter = threading.Thread(target=release.wait)  # waits for us
waiter.start()
show("waiter.join(T)", lambda: waiter.join(T))
print(f"  ...so ask is_alive(): {waiter.is_alive()}")
release.set()
waiter.join()

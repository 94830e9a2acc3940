"""Lock or RLock? Taking a lock again from the thread that holds it,
and releasing a lock from a thread that does not hold it."""
import threading

class Counter:
    def __init__(self, lock) -> None:
        self.lock = lock
        self.value = 0

    def add(self, n: int) -> None:
        # A timeout, not `with`: with a plain Lock, this acquire
        # would wait for ever for a lock its own thread holds.
        if not self.lock.acquire(timeout=0.2):
            raise TimeoutError("add() waited 0.2 s for the lock")
        try:
            self.value += n
        finally:
            self.lock.release()

    def add_twice(self, n: int) -> None:
        with self.lock:    # holds the lock...
            self.add(n)    # ...and add() asks for it again
            self.add(n)

def release_elsewhere(lock) -> str:
    """Acquire `lock` here, then release it from another thread."""
    lock.acquire()
    outcome = []

    def release() -> None:
        try:
            lock.release()
            outcome.append("released")
        except RuntimeError as error:
            outcome.append(f"RuntimeError: {error}")

    other = threading.Thread(target=release)
    other.start()
    other.join()
    return outcome[0]

KINDS = [("Lock", threading.Lock), ("RLock", threading.RLock)]

print("Taken again by the thread that holds it:")
for name, make in KINDS:
    counter = Counter(make())
    try:
        counter.add_twice(1)
        outcome = f"value {counter.value}"
    except TimeoutError as error:
        outcome = str(error)
    print(f"  {name}: {outcome}")

print("Released by another thread:")
for name, make in KINDS:
    print(f"  {name}: {release_elsewhere(make())}")

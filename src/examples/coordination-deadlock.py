"""A deadlock: two transfers lock the same two accounts in opposite
orders. Each holds one lock and waits for the other's. A timeout on
acquire() turns the endless wait into a report."""
import sys
import threading

class Account:
    def __init__(self, name: str, balance: int) -> None:
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()

# Both transfers take their first lock before either asks for its
# second: the unlucky timing that makes a deadlock, made certain.
both_hold_one = threading.Barrier(2)
failed = []

def transfer(source: Account, target: Account, amount: int,
             patience: float) -> None:
    me = f"{source.name}->{target.name}"
    with source.lock:
        sys.stdout.write(f"{me}: holds {source.name}, "
                         f"now wants {target.name}\n")
        both_hold_one.wait()
        if not target.lock.acquire(timeout=patience):
            sys.stdout.write(f"{me}: gave up after {patience} s\n")
            failed.append(me)
            return  # leaving `with` releases source.lock
        try:
            source.balance -= amount
            target.balance += amount
            sys.stdout.write(f"{me}: done\n")
        finally:
            target.lock.release()

a, b = Account("a", 100), Account("b", 100)
threads = [
    threading.Thread(target=transfer, args=(a, b, 10, 0.5),
                     name="a->b"),
    threading.Thread(target=transfer, args=(b, a, 20, 5.0),
                     name="b->a"),
]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"balances: a={a.balance}, b={b.balance}")
if failed:
    print(f"deadlock detected: {', '.join(failed)} gave up")
    sys.exit(1)

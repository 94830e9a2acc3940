"""The fix: every transfer takes the two locks in one agreed order,
whichever way the money goes, so no cycle of waits can form."""
import threading

TRANSFERS = 10_000

class Account:
    def __init__(self, name: str, balance: int) -> None:
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()

def transfer(source: Account, target: Account, amount: int) -> None:
    # The account whose name sorts first is always locked first.
    first, second = sorted((source, target), key=lambda x: x.name)
    with first.lock:
        with second.lock:
            source.balance -= amount
            target.balance += amount

start_together = threading.Barrier(2)

def repeat(source: Account, target: Account, amount: int) -> None:
    start_together.wait()
    for _ in range(TRANSFERS):
        transfer(source, target, amount)

a, b = Account("a", 100), Account("b", 100)
threads = [
    threading.Thread(target=repeat, args=(a, b, 1), name="a->b"),
    threading.Thread(target=repeat, args=(b, a, 1), name="b->a"),
]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"{TRANSFERS} transfers each way, a->b and b->a: all done")
print(f"balances: a={a.balance}, b={b.balance}, "
      f"total {a.balance + b.balance}")

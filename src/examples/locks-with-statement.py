import threading

balance_lock = threading.Lock()
balance = 0

def deposit(amount: int) -> None:
    global balance
    with balance_lock:  # only one thread at a time past this point
        if amount <= 0:
            raise ValueError(f"cannot deposit {amount}")
        balance = balance + amount

try:
    deposit(-5)  # raises inside the with block...
except ValueError as error:
    print(f"refused: {error}")
# ...and the with statement still released the lock on the way out.
print(f"lock still held: {balance_lock.locked()}")

threads = [threading.Thread(target=deposit, args=(10,))
           for _ in range(5)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"balance: {balance}")

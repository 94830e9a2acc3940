"""A Condition: a thread sleeps until shared state it cares about
becomes true, and the thread that changes the state wakes it."""
import threading
import time

orders = []  # guarded by `changed`
changed = threading.Condition()

def cook() -> None:
    with changed:
        # Releases the lock while asleep; wakes on notify() and checks
        # again, until there are 3 orders. It holds the lock after.
        changed.wait_for(lambda: len(orders) >= 3)
        print(f"cook: starting on {len(orders)} orders: {orders}")

kitchen = threading.Thread(target=cook)
kitchen.start()
for dish in ["soup", "bread", "salad"]:
    time.sleep(0.05)  # a new order comes in
    with changed:
        orders.append(dish)
        print(f"waiter: order {len(orders)}, {dish}")
        changed.notify()  # wake the cook to check again
kitchen.join()

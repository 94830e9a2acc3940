"""One thread adds to a dict while another loops over it."""
import sys
import threading

sys.setswitchinterval(1e-6)  # ask for a thread switch very often

prices = {f"item{i}": i for i in range(1_000)}
stop = threading.Event()

def add_items() -> None:
    i = len(prices)
    while not stop.is_set():
        prices[f"item{i}"] = i
        i += 1

def total() -> int:
    result = 0
    for price in prices.values():  # a loop: many steps
        result += price
    return result

writer = threading.Thread(target=add_items)
writer.start()
try:
    for attempt in range(1, 10_001):
        try:
            total()
        except RuntimeError as error:
            print(f"for loop: RuntimeError: {error}")
            print(f"  on attempt {attempt} (the loops before it"
                  " went through)")
            break
    else:
        print("for loop: no error in 10,000 attempts")
    snapshot = prices.copy()  # one call on the dict
    # consistent: the values are 0, 1, 2, ... n-1, each exactly once
    values = sorted(snapshot.values())
    consistent = values == list(range(len(values)))
    print(f"prices.copy(): consistent: {consistent}")
finally:
    stop.set()
    writer.join()

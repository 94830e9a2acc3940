"""Exercise 6, worked: five philosophers share five forks, one
between each pair. Each takes the lower-numbered of its two forks
first, so no cycle of waits can form and nobody waits for ever."""
import threading
import time

SEATS = 5
MEALS = 20
forks = [threading.Lock() for _ in range(SEATS)]
meals = [0] * SEATS

def dine(seat: int) -> None:
    left, right = seat, (seat + 1) % SEATS
    # Everyone taking `left` first could deadlock: each holds one fork
    # and waits for a neighbour's. One order for all forks cannot.
    first, second = min(left, right), max(left, right)
    for _ in range(MEALS):
        with forks[first]:
            with forks[second]:
                meals[seat] += 1
                time.sleep(0.001)  # eating
        time.sleep(0.001)  # thinking

philosophers = [threading.Thread(target=dine, args=(seat,),
                                 name=f"philosopher-{seat}")
                for seat in range(SEATS)]
for philosopher in philosophers:
    philosopher.start()
for philosopher in philosophers:
    philosopher.join()
for seat, count in enumerate(meals):
    print(f"philosopher {seat}: {count} meals")
print(f"total: {sum(meals)} meals")

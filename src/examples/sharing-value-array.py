"""Value and Array live in shared memory: every process sees the same
numbers. `+=` on a Value reads, then writes: hold its lock."""
import multiprocessing

def work(slot: int, total, per_worker) -> None:
    for _ in range(1_000):
        with total.get_lock():  # one process at a time
            total.value += 1
        per_worker[slot] += 1  # only this process uses this slot

if __name__ == "__main__":
    total = multiprocessing.Value("i", 0)      # a C int
    per_worker = multiprocessing.Array("i", 3)  # three C ints
    workers = [
        multiprocessing.Process(target=work,
                                args=(slot, total, per_worker))
        for slot in range(3)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("per worker:", list(per_worker))
    print("total:", total.value)

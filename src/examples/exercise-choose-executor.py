"""Pick threads or processes for pure-Python CPU work from what the
running interpreter says, then do the work and check the result."""
import sys
import sysconfig
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

def gil_enabled() -> bool:
    # sys._is_gil_enabled() exists since 3.13; before, the GIL is on
    check = getattr(sys, "_is_gil_enabled", None)
    return True if check is None else check()

def count_primes(below: int) -> int:
    """Slow on purpose: pure Python, CPU-bound."""
    return sum(
        all(n % d for d in range(2, int(n**0.5) + 1))
        for n in range(2, below)
    )

if __name__ == "__main__":
    free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    print(f"free-threaded build: {free_threaded}")
    print(f"GIL enabled now: {gil_enabled()}")
    if gil_enabled():
        # threads would take turns: use processes, one GIL each
        executor, kind = ProcessPoolExecutor(2), "processes"
    else:
        # threads really run at the same time, and share memory
        executor, kind = ThreadPoolExecutor(2), "threads"
    print(f"chose: {kind}")
    with executor:
        results = list(executor.map(count_primes, [10_000] * 4))
    print(f"primes below 10,000, counted 4 times: {results}")
    here = count_primes(10_000)
    print(f"same as counted here: {results == [here] * 4}")

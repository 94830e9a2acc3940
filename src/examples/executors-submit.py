"""submit() returns a Future at once; result() waits for the value,
or raises the task's exception again, in the caller."""
import concurrent.futures

def inverse(x: float) -> float:
    return 1 / x

if __name__ == "__main__":
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        good = pool.submit(inverse, 4)
        bad = pool.submit(inverse, 0)
        print("good.result():", good.result())
        try:
            bad.result()
        except ZeroDivisionError as error:
            print("bad.result() raised:", repr(error))
        print("bad.exception():", repr(bad.exception()))

        # A failed task raises nothing until its future is asked:
        pool.submit(inverse, 0)  # this error is never seen

        # map() yields results in input order, and raises a task's
        # exception when the loop reaches that input.
        try:
            for value in pool.map(inverse, [1, 2, 0, 4]):
                print("map gave", value)
        except ZeroDivisionError:
            print("map raised ZeroDivisionError at the third input")

"""An exception in a thread: printed, then lost to the rest of the
program, unless threading.excepthook or an executor hands it on."""
import concurrent.futures
import threading

def work(n: int) -> float:
    return 1 / n  # work(0) raises ZeroDivisionError

# 1. By default the thread prints a traceback to stderr and ends.
worker = threading.Thread(target=work, args=(0,), name="worker-1")
worker.start()
worker.join()  # returns normally: nothing is raised here
print("1. join() returned normally; the error is not seen here")

# 2. threading.excepthook is called, in the thread, with the error.
failed = []

def keep(args: threading.ExceptHookArgs) -> None:
    failed.append(f"{args.thread.name}: {args.exc_value!r}")

threading.excepthook = keep
worker = threading.Thread(target=work, args=(0,), name="worker-2")
worker.start()
worker.join()
threading.excepthook = threading.__excepthook__  # the default
print(f"2. excepthook kept it: {failed}")

# 3. An executor keeps it in the future; result() raises it here.
with concurrent.futures.ThreadPoolExecutor() as pool:
    future = pool.submit(work, 0)
    try:
        future.result()
    except ZeroDivisionError as error:
        print(f"3. result() raised it here: {error!r}")

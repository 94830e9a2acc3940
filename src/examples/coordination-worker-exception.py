"""A consumer thread that raises: the error is printed, the thread
ends, and Queue.join() (which takes no timeout) would wait for ever
for the items it never took. Then a consumer that catches errors."""
import queue
import threading

STOP = None  # the sentinel, after the last item

def handle(item: int) -> float:
    return 10 / item  # item 0 raises ZeroDivisionError

def fragile(tasks: queue.Queue) -> None:
    while (item := tasks.get()) is not STOP:
        print(f"  handled {item}: {handle(item)}")
        tasks.task_done()

def careful(tasks: queue.Queue) -> None:
    while (item := tasks.get()) is not STOP:
        try:
            print(f"  handled {item}: {handle(item)}")
        except Exception as error:  # report it, keep going
            print(f"  item {item} failed: {error!r}")
        finally:
            tasks.task_done()  # done, whether it worked or not
    tasks.task_done()  # the sentinel too

def run(consume) -> None:
    tasks = queue.Queue()
    for item in [5, 0, 2, 1, STOP]:
        tasks.put(item)
    threading.Thread(target=consume, args=(tasks,),
                     name="consumer").start()
    # join() has no timeout, so wait for it in a daemon thread
    # (which cannot keep the program alive) and give up after 1 s.
    joined = threading.Event()

    def wait_for_all() -> None:
        tasks.join()
        joined.set()

    threading.Thread(target=wait_for_all, daemon=True).start()
    if joined.wait(timeout=1):
        print("  join() returned: every item was marked done")
    else:
        print(f"  join() still waiting after 1 s; "
              f"{tasks.qsize()} items never taken")

print("A consumer without try/except:")
run(fragile)
print("A consumer that catches and marks every item done:")
run(careful)

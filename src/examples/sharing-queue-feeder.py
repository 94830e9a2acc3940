"""put() returns at once: a feeder thread writes the data to the pipe.
A process that has put data does not end until the data is written,
and a large item is written only as fast as someone reads it."""
import multiprocessing

def produce(results, returned) -> None:
    results.put(b"x" * 1_000_000)  # far more than a pipe holds
    returned.set()                 # put() has returned already
    results.close()        # this process will put nothing more
    results.join_thread()  # wait until the feeder has written it

if __name__ == "__main__":
    results = multiprocessing.Queue()
    returned = multiprocessing.Event()
    child = multiprocessing.Process(target=produce,
                                    args=(results, returned))
    child.start()
    returned.wait()
    child.join(timeout=1)  # nobody reads yet: the child cannot end
    print("put() returned; child alive after join(timeout=1):",
          child.is_alive())
    data = results.get(timeout=20)  # reading lets the feeder finish
    child.join()
    print(f"got {len(data):,} bytes;",
          f"child exit code {child.exitcode}")

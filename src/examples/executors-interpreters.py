"""InterpreterPoolExecutor (Python 3.14+): each worker thread runs its
own interpreter, with its own modules, globals and GIL, in this same
process."""
import concurrent.futures
import os
from concurrent import interpreters

# flush=True: each interpreter has its own sys.stdout and buffer, so
# unflushed lines would come out in the order the buffers are emptied.
here = interpreters.get_current().id
print(f"module run as {__name__!r} in interpreter {here}", flush=True)

calls = 0  # every interpreter has its own copy of this global

def where(task: int) -> str:
    global calls
    calls += 1
    return (f"task {task}: interpreter {interpreters.get_current().id}"
            f", its call number {calls}, pid {os.getpid()}")

if __name__ == "__main__":
    print(f"main: pid {os.getpid()}", flush=True)
    with concurrent.futures.InterpreterPoolExecutor(2) as pool:
        for line in pool.map(where, range(4)):
            print(line)
    print(f"calls counted in the main interpreter: {calls}")

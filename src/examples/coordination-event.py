"""An Event: threads wait until another thread says "go". Once set,
it stays set, so a late waiter does not wait at all."""
import sys
import threading

go = threading.Event()

def runner() -> None:
    go.wait()  # blocks until some thread calls go.set()
    # One write per line, so lines from two threads cannot mix.
    sys.stdout.write(f"{threading.current_thread().name}: off\n")

print(f"before set(): is_set() = {go.is_set()}")
print(f"before set(): wait(timeout=0.1) = {go.wait(timeout=0.1)}")

runners = [threading.Thread(target=runner, name=f"runner-{n}")
           for n in range(1, 4)]
for thread in runners:
    thread.start()
print("main: set()")  # no runner can print before this line
go.set()
for thread in runners:
    thread.join()

print(f"after set(): is_set() = {go.is_set()}, wait() = {go.wait()}")

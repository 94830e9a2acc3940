"""A worker process that dies breaks its ProcessPoolExecutor: the
futures it leaves raise BrokenProcessPool. Since Python 3.15 the
error's cause names the dead worker's process id and exit code."""
import concurrent.futures
import os
import signal
from concurrent.futures.process import BrokenProcessPool

def die(how: str) -> None:
    if how == "os._exit(3)":
        os._exit(3)  # ends the process at once, with status 3
    os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer does

if __name__ == "__main__":
    for how in ("os._exit(3)", "SIGKILL"):
        with concurrent.futures.ProcessPoolExecutor(1) as pool:
            pid = pool.submit(os.getpid).result()
            print(f"worker {pid} dies by {how}")
            try:
                pool.submit(die, how).result()
            except BrokenProcessPool as error:
                print(f"  {type(error).__name__}: {error}")
                print(f"  its __cause__: {error.__cause__!r}")

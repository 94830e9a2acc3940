"""Two flags that free-threaded builds turn on by default since 3.14,
tried on this interpreter: each block of output comes from a new
interpreter, started with the -X options shown."""
import contextvars
import subprocess
import sys
import threading
import warnings

FLAGS = ("thread_inherit_context", "context_aware_warnings")
request = contextvars.ContextVar("request", default="unset")

def new_thread_reads() -> str:
    """What a new thread reads from a context variable set here."""
    request.set("r-42")
    seen = []
    worker = threading.Thread(
        target=lambda: seen.append(request.get()))
    worker.start()
    worker.join()
    return seen[0]

def warning_crosses_threads() -> bool:
    """Does another thread's catch_warnings() catch our warning?"""
    warnings.simplefilter("ignore")  # the filter everyone starts with
    inside, done = threading.Event(), threading.Event()
    caught = []

    def recorder() -> None:
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            inside.set()
            done.wait()  # still inside while the main thread warns
        caught.extend(log)

    worker = threading.Thread(target=recorder)
    worker.start()
    inside.wait()
    warnings.warn("from the main thread")
    done.set()
    worker.join()
    return bool(caught)

def report() -> None:
    flags = [f"{n}={getattr(sys.flags, n, '(none)')}" for n in FLAGS]
    print("  sys.flags:", ", ".join(flags))
    print("  a new thread reads:", repr(new_thread_reads()))
    crosses = "yes" if warning_crosses_threads() else "no"
    print("  another thread's catch_warnings caught ours:", crosses)

if __name__ == "__main__":
    if sys.argv[1:] == ["report"]:
        report()
        sys.exit()
    version = sys.version_info
    print(f"Python {version.major}.{version.minor}")
    for options in ([], ["-X", f"{FLAGS[0]}=1"],
                    ["-X", f"{FLAGS[1]}=1"],
                    ["-X", f"{FLAGS[0]}=1", "-X", f"{FLAGS[1]}=1"]):
        child = subprocess.run(
            [sys.executable, *options, __file__, "report"],
            capture_output=True, text=True,
        )
        print(" ".join(options) or "(no option)")
        print(child.stdout + child.stderr, end="")

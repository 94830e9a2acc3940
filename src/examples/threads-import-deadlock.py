"""Two threads import from one package at about the same time, and
the package's pkg/sub/__init__.py imports its own pkg.sub.mod."""
import importlib
import os
import shutil
import sys
import tempfile
import threading
import time

root = tempfile.mkdtemp()  # the package, written for this run
os.makedirs(os.path.join(root, "pkg", "sub"))
for name, text in [
    # A package that takes a while to import, as big ones do.
    ("pkg/__init__.py", "import time\ntime.sleep(0.5)\n"),
    ("pkg/sub/__init__.py", "from . import mod\n"),
    ("pkg/sub/mod.py", "VALUE = 42\n"),
]:
    with open(os.path.join(root, name), "w") as file:
        file.write(text)
sys.path.insert(0, root)

outcome = {}

def load(name: str) -> None:
    try:
        importlib.import_module(name)  # as `import <name>` does
        outcome[name] = "ok"
    except Exception as error:
        message = str(error).split(" at ")[0]  # drop the address
        outcome[name] = f"{type(error).__name__}: {message}"

first = threading.Thread(target=load, args=("pkg.sub",))
second = threading.Thread(target=load, args=("pkg.sub.mod",))
first.start()
while "pkg" not in sys.modules:  # until it is importing pkg
    time.sleep(0.001)
second.start()

for thread in (first, second):
    thread.join(timeout=10)  # a watchdog: never hang for ever
    if thread.is_alive():
        print("still blocked after 10 s: a deadlock nobody detected")
        os._exit(2)
for name in ("pkg.sub", "pkg.sub.mod"):
    print(f"import {name}: {outcome[name]}")
shutil.rmtree(root)
sys.exit(0 if set(outcome.values()) == {"ok"} else 1)

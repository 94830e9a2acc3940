"""A SharedMemory block that nobody unlinks: on POSIX the resource
tracker removes it once the program has ended, with a warning. The
forgetful program runs as a child, so that we can look afterwards."""
import os
import subprocess
import sys

FORGETFUL = """
from multiprocessing import shared_memory
block = shared_memory.SharedMemory(create=True, size=10)
print(block.name)
block.close()  # closed, but nobody calls unlink()
"""

if __name__ == "__main__":
    # run() returns once the child's pipes are closed; the child's
    # resource tracker keeps stderr open until it has cleaned up.
    child = subprocess.run([sys.executable, "-c", FORGETFUL],
                           capture_output=True, text=True)
    path = "/dev/shm/" + child.stdout.strip().lstrip("/")  # Linux
    print("child exit status:", child.returncode)
    print("block still exists afterwards:", os.path.exists(path))
    for line in child.stderr.splitlines():
        if "UserWarning" in line:  # 3.14+ adds ": {names}"
            warning = line.split("UserWarning: ")[1]
            print("warning:", warning.split(": {")[0])

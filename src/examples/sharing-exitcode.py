"""A child that fails does not stop the parent, and nothing is raised
in it: the parent learns how a child ended from its exitcode."""
import multiprocessing
import sys
import time

def fails() -> None:
    raise ValueError("bad input")  # traceback on the child's stderr

def exits() -> None:
    sys.exit(3)

def works() -> None:
    pass

def hangs() -> None:
    time.sleep(60)

if __name__ == "__main__":
    children = [multiprocessing.Process(target=f, name=f.__name__)
                for f in (fails, exits, works, hangs)]
    for child in children:
        child.start()
    children[-1].terminate()  # stop the one that hangs (SIGTERM)
    for child in children:
        child.join()
        print(f"{child.name}: exitcode {child.exitcode}")
    print("the parent carries on")

"""A lambda as a process target. Under fork the child gets a copy of
the parent's memory, lambda included; under spawn and forkserver
the target must be pickled, and a lambda cannot be."""
import multiprocessing

if __name__ == "__main__":
    square = lambda n: print(n * n)  # no importable name
    child = multiprocessing.Process(target=square, args=(7,))
    child.start()
    child.join()
    print("child exit code", child.exitcode)

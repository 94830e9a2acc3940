"""A memoryview on SharedMemory.buf reads and writes the shared bytes
in place: cast("d") shows them as C doubles, with no copy."""
import multiprocessing
from multiprocessing import shared_memory

COUNT = 1_000
SIZE = 8 * COUNT  # a C double takes 8 bytes

def fill(name: str) -> None:
    block = shared_memory.SharedMemory(name=name)
    with block.buf[:SIZE].cast("d") as values:
        for i in range(COUNT):
            values[i] = i / 2
    block.close()  # only once no view of block.buf is left

if __name__ == "__main__":
    block = shared_memory.SharedMemory(create=True, size=SIZE)
    try:
        child = multiprocessing.Process(target=fill,
                                        args=(block.name,))
        child.start()
        child.join()
        with block.buf[:SIZE].cast("d") as values:
            print(f"{len(values):,} doubles from the child,",
                  f"last {values[-1]}, sum {sum(values)}")
    finally:
        block.close()
        block.unlink()

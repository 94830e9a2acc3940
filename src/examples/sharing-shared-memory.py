"""Two processes write into one block of shared memory. Only the
block's name is sent to them, never its contents."""
import multiprocessing
from multiprocessing import shared_memory

def fill(name: str, start: int, stop: int) -> None:
    block = shared_memory.SharedMemory(name=name)  # attach by name
    for i in range(start, stop):
        block.buf[i] = i * i
    block.close()  # this process is done with it

if __name__ == "__main__":
    block = shared_memory.SharedMemory(create=True, size=10)
    try:
        children = [
            multiprocessing.Process(target=fill,
                                    args=(block.name, start, stop))
            for start, stop in [(0, 5), (5, 10)]
        ]
        for child in children:
            child.start()
        for child in children:
            child.join()
        print("written by the children:", list(block.buf[:10]))
    finally:
        block.close()
        block.unlink()  # free it: exactly one process does this

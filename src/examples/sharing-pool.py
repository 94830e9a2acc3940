"""multiprocessing.Pool: imap_unordered() yields each result as soon
as it is back; chunksize=3 sends the 12 tasks in 4 batches of 3.
The first tasks are the slowest, so they are not the first back."""
import multiprocessing
import time

def square(n: int) -> tuple[int, int]:
    time.sleep(0.05 * (3 - n // 3))  # 0.15 s for 0-2 ... 0 for 9-11
    return n, n * n

if __name__ == "__main__":
    with multiprocessing.Pool(processes=2) as pool:
        # Consume the results inside the block: leaving it
        # calls pool.terminate(), which stops the workers.
        arrived = list(pool.imap_unordered(square, range(12),
                                           chunksize=3))
    print("arrival order:", [n for n, _ in arrived])
    print("squares:", [sq for _, sq in sorted(arrived)])

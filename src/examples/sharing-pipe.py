"""A Pipe is a two-ended connection: what one end sends (pickled),
the other end receives. Here a child keeps a running total."""
import multiprocessing

def running_total(conn) -> None:
    total = 0
    while (n := conn.recv()) is not None:
        total += n
        conn.send(total)
    conn.close()

if __name__ == "__main__":
    parent_end, child_end = multiprocessing.Pipe()
    child = multiprocessing.Process(target=running_total,
                                    args=(child_end,))
    child.start()
    for n in [5, 10, 20]:
        parent_end.send(n)
        print(f"sent {n}, total so far {parent_end.recv()}")
    parent_end.send(None)  # tell the child to stop
    child.join()
    print("child exit code", child.exitcode)

"""threading.local: one object, a separate set of attributes in
each thread. Here: one connection per thread, made on first use."""
import threading

class Connection:
    """Stands in for a database connection, not to be shared."""

local = threading.local()
made = []  # every connection made, by any thread
ready = threading.Barrier(3)

def connection() -> Connection:
    if not hasattr(local, "conn"):  # first use in this thread
        local.conn = Connection()
        made.append(local.conn)
    return local.conn

def work(results: dict) -> None:
    name = threading.current_thread().name
    first = connection()
    ready.wait()  # every thread has made its own before going on
    results[name] = (first, connection())

local.conn = "the main thread's"
results = {}
threads = [threading.Thread(target=work, args=(results,),
                            name=f"worker-{n}") for n in (1, 2, 3)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()

for name in sorted(results):
    first, again = results[name]
    print(f"{name}: same connection on second use: {first is again}")
distinct = len({id(conn) for conn in made})
print(f"connections made: {len(made)}, distinct: {distinct}")
print(f"the main thread still sees: {local.conn}")

"""What start() waits for, and what it leaves to join()."""
import threading

go = threading.Event()

def work() -> None:
    go.wait()  # the whole job: wait until the main thread says go

worker = threading.Thread(target=work)
print(f"before start(): alive {worker.is_alive()}, "
      f"ident {worker.ident}")
worker.start()  # returns once the new thread is running
print(f"after start():  alive {worker.is_alive()}, "
      f"ident set {worker.ident is not None}")
go.set()        # now work() can return
worker.join()   # waits until it has
print(f"after join():   alive {worker.is_alive()}")

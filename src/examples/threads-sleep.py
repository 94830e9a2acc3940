import threading
import time

def thread_ripper_5000(num: int) -> None:
    time.sleep(2)
    print(f"Rip n Tear: {num}")

a = threading.Thread(target=thread_ripper_5000, args=(1,))
b = threading.Thread(target=thread_ripper_5000, args=(2,))
threads = [a, b]

for _thread in threads:
    _thread.start() # Have your thread start the computation

for _thread in threads:
    _thread.join() # Have our threads wrap up work

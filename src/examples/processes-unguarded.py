import multiprocessing
import time

def process_ripper_5000(num: int) -> None:
    time.sleep(2)
    print(f"Process n Compute: {num}")

a = multiprocessing.Process(target=process_ripper_5000, args=(1,))
b = multiprocessing.Process(target=process_ripper_5000, args=(2,))
processes = [a, b]

for _process in processes:
    _process.start() # Have your process start the computation

for _process in processes:
    _process.join() # Have our process wrap up work

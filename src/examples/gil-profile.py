"""Which thread held the GIL, and for how long? Python 3.15's sampling
profiler (Tachyon) in GIL mode, run on the two counting threads of the
example above and on a thread that sleeps. This file starts the
profiler on itself: the "work" argument runs the threads."""
import collections
import subprocess
import sys
import tempfile
import threading
import time

N = 10_000_000  # as in gil-cpu-bound: two threads count down from N

def count_down(n: int) -> None:
    while n > 0:
        n -= 1

def sleeper() -> None:
    for _ in range(20):
        time.sleep(0.02)  # waits with the GIL released

def work() -> None:
    threads = [threading.Thread(target=count_down, args=(N,),
                                name=f"count-{i}") for i in range(2)]
    threads.append(threading.Thread(target=sleeper, name="sleeper"))
    for thread in threads:
        thread.start()
    print("thread", threading.main_thread().name,
          threading.get_native_id(), flush=True)
    for thread in threads:
        print("thread", thread.name, thread.native_id, flush=True)
    for thread in threads:
        thread.join()

def profile() -> None:
    with tempfile.TemporaryDirectory() as folder:
        stacks = f"{folder}/gil.txt"
        run = subprocess.run(
            [sys.executable, "-m", "profiling.sampling", "run",
             "--mode", "gil", "--all-threads", "--collapsed",
             "-o", stacks, __file__, "work"],
            capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"The profiler failed:\n{run.stderr}")
        held = collections.Counter()  # samples per thread id
        with open(stacks) as lines:
            for line in lines:  # "tid:123;frame;...;frame 42"
                stack, count = line.rsplit(" ", 1)
                tid = stack.split(";")[0].removeprefix("tid:")
                held[tid] += int(count)
    names = {}
    for line in (run.stdout + run.stderr).splitlines():
        words = line.split()
        if words[:1] == ["thread"]:
            names[words[2]] = words[1]
        elif words[:1] == ["Captured"]:
            # "Captured 548 samples in 0.55 seconds"
            samples, seconds = int(words[1]), float(words[4])
            print(line)
    print("GIL held by:")
    for tid, name in names.items():
        share = held[tid] / samples
        print(f"  {name:<11}{held[tid]:>4} samples {share:>4.0%}"
              f"  about {share * seconds * 1000:3.0f} ms")
    print(f"  no thread  {samples - sum(held.values()):>4} samples")

if __name__ == "__main__":
    if sys.argv[1:] == ["work"]:
        work()
    else:
        profile()

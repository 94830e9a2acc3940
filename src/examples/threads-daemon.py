"""Daemon threads at interpreter shutdown: Python waits for the
other threads to finish, and stops daemon threads where they are."""
import threading
import time

def heartbeat() -> None:
    try:
        while True:
            time.sleep(0.05)  # runs for ever
    finally:
        print("heartbeat: cleaned up")  # never printed

def save() -> None:
    time.sleep(0.3)
    print("save: finished")

threading.Thread(target=heartbeat, daemon=True).start()
threading.Thread(target=save).start()
print("main: end of the script")
# Python now waits for save(), the one non-daemon thread left,
# then exits; heartbeat() is stopped without its finally block.

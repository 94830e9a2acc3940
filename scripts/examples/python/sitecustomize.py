"""Imported at start-up by every interpreter the example runner starts (PYTHONPATH).

Lets the runner choose the multiprocessing start method without editing the example,
and records when threads and processes start and end, for measured timelines.
Only the standard library; nothing happens unless the runner's variables are set.
"""
import os

_start_method = os.environ.get("PYCONC_START_METHOD")
if _start_method:
    import multiprocessing

    # A spawn/forkserver child imports this file again; its own start-up sets the
    # method too (force=True), so setting it here first is harmless.
    multiprocessing.set_start_method(_start_method, force=True)

_trace_file = os.environ.get("PYCONC_TRACE_FILE")
if _trace_file:
    import atexit
    import json
    import threading
    import time
    import multiprocessing.process as _mp_process

    # time.monotonic_ns is CLOCK_MONOTONIC on Linux: the same clock in every process
    # and in the Node runner (process.hrtime), so all events share one time axis.
    _started_ns = time.monotonic_ns()
    _started_pid = os.getpid()
    # Children inherit the environment, so only the first interpreter claims "root".
    os.environ.setdefault("PYCONC_TRACE_ROOT_PID", str(_started_pid))

    def _record(kind, name, start_ns, end_ns):
        line = json.dumps(
            {"kind": kind, "name": name, "pid": os.getpid(), "startNs": start_ns, "endNs": end_ns}
        )
        # One O_APPEND write per event: lines from concurrent processes never interleave.
        fd = os.open(_trace_file, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, (line + "\n").encode())
        finally:
            os.close(fd)

    _thread_bootstrap_inner = threading.Thread._bootstrap_inner

    def _traced_bootstrap_inner(self):
        start_ns = time.monotonic_ns()
        try:
            _thread_bootstrap_inner(self)
        finally:
            _record("thread", self.name, start_ns, time.monotonic_ns())

    threading.Thread._bootstrap_inner = _traced_bootstrap_inner

    _process_bootstrap = _mp_process.BaseProcess._bootstrap

    def _traced_process_bootstrap(self, *args, **kwargs):
        # A spawned child ran this file at its own start; a forked one did not.
        start_ns = _started_ns if os.getpid() == _started_pid else time.monotonic_ns()
        try:
            return _process_bootstrap(self, *args, **kwargs)
        finally:
            _record("process", self.name, start_ns, time.monotonic_ns())

    _mp_process.BaseProcess._bootstrap = _traced_process_bootstrap

    def _record_main_process():
        if os.getpid() == int(os.environ["PYCONC_TRACE_ROOT_PID"]):
            _record("process", "MainProcess", _started_ns, time.monotonic_ns())

    atexit.register(_record_main_process)

"""Which kind of CPython is running this, and is the GIL on?"""
import subprocess
import sys
import sysconfig

# 1 on a free-threaded build, 0 on a default build since 3.13,
# None before 3.13 (the build option did not exist yet)
build = sysconfig.get_config_var("Py_GIL_DISABLED")
print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
print(f"Py_GIL_DISABLED: {build}")
print(f"free-threaded build: {'yes' if build else 'no'}")

# sys._is_gil_enabled() exists since 3.13; before, the GIL is always on
is_gil_enabled = getattr(sys, "_is_gil_enabled", None)
if is_gil_enabled is None:
    print("sys._is_gil_enabled(): missing, so the GIL is on")
else:
    print(f"sys._is_gil_enabled(): {is_gil_enabled()}")

# Ask a new interpreter of the same kind to turn the GIL off, then on
REPORT = (
    "import sys; check = getattr(sys, '_is_gil_enabled', None); "
    "print('GIL on' if check is None or check() else 'GIL off')"
)
for option in ("gil=0", "gil=1"):
    child = subprocess.run(
        [sys.executable, "-X", option, "-c", REPORT],
        capture_output=True, text=True,
    )
    said = (child.stdout or child.stderr).splitlines()[0]
    print(f"-X {option}: exit status {child.returncode}, {said}")

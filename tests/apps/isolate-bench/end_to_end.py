"""What the end-to-end scripts share: the binary under test, the group of checks to run,
collecting failures, and running the group in a fresh temporary folder.

A script calls `run_group({"name": function, ...})`; each function gets the folder to work in
and reports through `check`.
"""
import os
import subprocess
import sys
import tempfile

BINARY = os.path.abspath(sys.argv[1])
GROUP = sys.argv[2]

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(args, cwd):
    return subprocess.run([BINARY] + args, cwd=cwd, capture_output=True, text=True, timeout=240)


def folder_listing(folder):
    out = []
    for root, dirs, files in os.walk(folder):
        out += [os.path.relpath(os.path.join(root, name), folder) for name in dirs + files]
    return sorted(out)


def run_group(groups):
    with tempfile.TemporaryDirectory() as folder:
        groups[GROUP](folder)
        for root, dirs, _ in os.walk(folder):  # let cleanup remove read-only folders
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)
    for failure in failures:
        print("FAIL:", failure)
    print(f"{GROUP}: {'FAILED' if failures else 'ok'} ({len(failures)} failures)")
    sys.exit(1 if failures else 0)

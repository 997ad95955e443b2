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


def check_refused(result, where, named, cwd, before):
    """A refused setting: exit 2, one line on stderr naming `named` and the accepted form,
    nothing on stdout, and the folder as it was (`before`, from folder_listing)."""
    check(result.returncode == 2, f"{where}: exit 2, got {result.returncode}")
    lines = result.stderr.strip().splitlines()
    check(len(lines) == 1, f"{where}: one line on stderr, got {result.stderr!r}")
    check(named in result.stderr, f"{where}: stderr names {named}: {result.stderr!r}")
    check("accepted" in result.stderr, f"{where}: stderr states the accepted form")
    check(result.stdout == "", f"{where}: nothing on stdout")
    check(folder_listing(cwd) == before, f"{where}: no file created")


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

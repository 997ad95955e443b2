"""What the end-to-end scripts share: the binary under test, the group of checks to run,
collecting failures, and running the group in a fresh temporary folder.

A script calls `run_group({"name": function, ...})`; each function gets the folder to work in
and reports through `check`.
"""
import csv
import io
import os
import subprocess
import sys
import tempfile

BINARY = os.path.abspath(sys.argv[1])
GROUP = sys.argv[2]

failures = []

# The smallest workload of each known scenario, so a run takes a fraction of a second.
SMALL = {"json-parse": ["--size", "1KB"], "sha256": ["--size", "1KB", "--chunk", "1KB"],
         "spawn": ["--payload", "1KB"], "messages": ["--size", "1KB"],
         "native-state": ["--ops", "1000"], "isolate-memory": ["--isolates", "1"],
         "image-compress": ["--resolution", "64x64"], "offload": ["--work", "1ms"]}


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


def check_usage_error(scenario, cwd, args, named):
    """`scenario` with `args` is refused (check_refused); stderr names every part of `named`."""
    before = folder_listing(cwd)
    result = run([scenario] + args + ["--quiet"], cwd)
    where = scenario + " " + " ".join(args)
    check_refused(result, where, named[0], cwd, before)
    for part in named[1:]:
        check(part in result.stderr, f"{where}: stderr names {part!r}: {result.stderr!r}")


def read_csv(path):
    """The header and the rows (as dicts) of a CSV report."""
    with open(path, newline="") as f:
        text = f.read()
    header = next(csv.reader(io.StringIO(text, newline="")))
    return header, list(csv.DictReader(io.StringIO(text, newline="")))


def scenarios(cwd):
    """The scenarios `list` names."""
    listing = run(["list"], cwd).stdout.splitlines()[1:]
    return [line.split()[0] for line in listing if line.strip()]


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

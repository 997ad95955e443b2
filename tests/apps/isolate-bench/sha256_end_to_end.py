#!/usr/bin/env python3
"""End-to-end checks of `isolate-bench sha256`: --input digests equal sha256sum's, unusable
files and settings are one line and exit 2, and the CSV report read back with Python's csv module.

Usage: sha256_end_to_end.py BINARY GROUP   (GROUP: input, bad_input, csv)
"""
import csv
import hashlib
import io
import os
import shutil
import subprocess

from end_to_end import check, check_refused, folder_listing, run, run_group

# Short runs: a 1000 fps display keeps every frames window to a few milliseconds.
FAST = ["--fps", "1000", "--ui-work", "100us", "--warmup", "0", "-r", "2", "--quiet"]
MODES = ["floor", "main", "chunked-main", "run", "transfer", "worker"]
METRICS = ["end_to_end_ns", "main_thread_ns", "copy_in_ns", "copy_in_bytes", "hash_ns",
           "throughput_mb_per_s", "floor_share"]
EMPTY_DIGEST = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def write(cwd, name, content):
    with open(os.path.join(cwd, name), "wb") as f:
        f.write(content)


def sha256sum(cwd, name):
    """What sha256sum prints for the file (its whole line), or hashlib's digest in its format
    when sha256sum is not installed."""
    if shutil.which("sha256sum"):
        return subprocess.run(["sha256sum", name], cwd=cwd, capture_output=True,
                              text=True).stdout.strip()
    with open(os.path.join(cwd, name), "rb") as f:
        return f"{hashlib.sha256(f.read()).hexdigest()}  {name}"


def test_input(cwd):
    write(cwd, "empty.bin", b"")
    write(cwd, "abc.txt", b"abc")
    write(cwd, "data.bin", os.urandom(3 * 4096 + 1))
    for name, chunk in [("empty.bin", "4KiB"), ("abc.txt", "1KB"), ("data.bin", "4KiB")]:
        result = run(["sha256", "--input", name, "--chunk", chunk, "--no-color",
                      "--csv", name + ".csv"] + FAST, cwd)
        check(result.returncode == 0, f"--input {name} runs: {result.stderr}")
        expected = sha256sum(cwd, name)
        lines = result.stdout.splitlines()
        check(expected in lines, f"--input {name}: the line {expected!r} is printed: {lines[-30:]}")
    check(f"{EMPTY_DIGEST}  empty.bin" == sha256sum(cwd, "empty.bin"),
          "an empty file hashes to e3b0c442...b855")


def expect_usage_error(cwd, args, named):
    before = folder_listing(cwd)
    result = run(["sha256"] + args + ["--quiet"], cwd)
    where = "sha256 " + " ".join(args)
    check_refused(result, where, named[0], cwd, before)
    for part in named[1:]:
        check(part in result.stderr, f"{where}: stderr names {part!r}: {result.stderr!r}")


def test_bad_input(cwd):
    write(cwd, "abc.txt", b"abc")
    write(cwd, "secret.bin", b"abc")
    os.chmod(os.path.join(cwd, "secret.bin"), 0)
    os.mkdir(os.path.join(cwd, "folder"))
    os.mkfifo(os.path.join(cwd, "fifo"))
    cases = [
        (["--input", "absent.bin"], ["--input", "absent.bin", "no such file"]),
        (["--input", "folder"], ["--input", "folder", "a folder"]),
        (["--input", "fifo"], ["--input", "fifo", "FIFO"]),
        (["--input", "/dev/zero"], ["--input", "/dev/zero", "a device"]),
        (["--input", ""], ["--input"]),
        (["--size", "1MB", "--input", "abc.txt"], ["--size", "--input"]),
        (["--size", "999"], ["--size"]),
        (["--size", "17GB"], ["--size"]),
        (["--chunk", "0"], ["--chunk"]),
        (["--chunk", "1GiB"], ["--chunk"]),
        (["--mode", "floor,floor"], ["--mode"]),
    ]
    if os.geteuid() != 0:  # root reads a file whatever its permissions
        cases.append((["--input", "secret.bin"], ["--input", "secret.bin"]))
    for args, named in cases:
        expect_usage_error(cwd, args, named)


def read_csv(path):
    with open(path, newline="") as f:
        text = f.read()
    header = next(csv.reader(io.StringIO(text, newline="")))
    return header, list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv(cwd):
    result = run(["sha256", "--size", "20KB,50KB", "--chunk", "8KB", "--no-color",
                  "--csv", "out.csv"] + FAST, cwd)
    check(result.returncode == 0, f"sha256 runs: {result.stderr}")
    header, rows = read_csv(os.path.join(cwd, "out.csv"))
    metric_columns = [c for c in header if c in METRICS]
    check(metric_columns == METRICS, f"sha256 metric columns in order: {metric_columns}")
    repetitions = [r for r in rows if r["row_type"] == "repetition"]
    check(len(repetitions) == 2 * 6 * 2, f"2 sizes x 6 modes x 2: {len(repetitions)}")
    check(sorted({r["mode"] for r in repetitions}) == sorted(MODES), "every mode measured")
    check({r["parameters"] for r in repetitions} ==
          {"size_bytes=20000;chunk_bytes=8000", "size_bytes=50000;chunk_bytes=8000"},
          f"exact byte counts in the parameters: {sorted({r['parameters'] for r in repetitions})}")
    for r in repetitions:
        check(r["baseline"] == ("true" if r["mode"] == "floor" else "false"), "floor is baseline")
        for key in METRICS:
            check(r[key] != "" and float(r[key]) >= 0, f"{r['mode']}: {key} filled: {r[key]!r}")
        if r["mode"] == "floor":
            check(float(r["floor_share"]) == 1.0, "the floor is its own reference")
    check("SHA-256 of the generated 20 KB (20000 bytes)" in result.stdout,
          "the digest of the generated bytes is printed")
    check("code path on this CPU" in result.stdout, "OpenSSL's code path is named")

    chosen = run(["sha256", "--size", "20KB", "--mode", "worker,main", "--csv", "chosen.csv"]
                 + FAST, cwd)
    check(chosen.returncode == 0, f"--mode without the floor runs: {chosen.stderr}")
    _, rows = read_csv(os.path.join(cwd, "chosen.csv"))
    repetitions = [r for r in rows if r["row_type"] == "repetition"]
    check(sorted(r["mode"] for r in repetitions) == ["main", "main", "worker", "worker"],
          f"the chosen modes: {[r['mode'] for r in repetitions]}")
    check(all(float(r["floor_share"]) > 0 for r in repetitions),
          "the floor was measured before the run when --mode leaves it out")


run_group({"input": test_input, "bad_input": test_bad_input, "csv": test_csv})

#!/usr/bin/env python3
"""End-to-end checks of `isolate-bench offload`: unusable settings are one line and exit 2, a
small run writes a CSV with the expected columns, and --help says there is no --input.

Usage: offload_end_to_end.py BINARY GROUP   (GROUP: bad_input, csv)
"""
import os

from end_to_end import check, check_usage_error, read_csv, run, run_group

# Short runs: a 1000 fps display keeps every frames window to a few milliseconds.
FAST = ["--fps", "1000", "--ui-work", "100us", "--warmup", "0", "-r", "2", "--quiet"]
MODES = ["main", "chunked-main", "run", "worker"]
METRICS = ["end_to_end_ns", "main_thread_ns", "work_ns", "overhead_ns", "frames_dropped",
           "frames_janky"]


def expect_usage_error(cwd, args, named):
    check_usage_error("offload", cwd, args, named)


def test_bad_input(cwd):
    cases = [
        (["--work", "0ms"], ["--work", "out of range"]),
        (["--work", "5"], ["--work"]),
        (["--work", "1ms,1000us"], ["--work", "given twice"]),
        (["--work", "11s"], ["--work", "10s"]),
        (["--work", "5us"], ["--work", "10us"]),
        (["--payload", "0"], ["--payload"]),
        (["--payload", "2GB"], ["--payload"]),
        (["--slice", "50us"], ["--slice", "100us"]),
        (["--slice", "1ms,2ms"], ["--slice"]),
        (["--mode", "main,main"], ["--mode"]),
        (["--mode", "transfer"], ["--mode"]),
        (["--input", "x"], ["--input"]),
    ]
    for args, named in cases:
        expect_usage_error(cwd, args, named)
    help_text = run(["offload", "--help"], cwd).stdout
    check("There is no --input" in help_text, "--help says the scenario takes no --input")



def test_csv(cwd):
    result = run(["offload", "--work", "200us,1ms", "--payload", "2KB", "--slice", "100us",
                  "--no-color", "--csv", "out.csv"] + FAST, cwd)
    check(result.returncode == 0, f"offload runs: {result.stderr}")
    header, rows = read_csv(os.path.join(cwd, "out.csv"))
    metric_columns = [c for c in header if c in METRICS]
    check(metric_columns == METRICS, f"offload metric columns in order: {metric_columns}")
    check("worker_spawn_ns" in header, "the worker's spawn is a column")
    repetitions = [r for r in rows if r["row_type"] == "repetition"]
    check(len(repetitions) == 2 * 4 * 2, f"2 work sizes x 4 modes x 2: {len(repetitions)}")
    check(sorted({r["mode"] for r in repetitions}) == sorted(MODES), "every mode measured")
    parameters = {r["parameters"].split(";work_rounds=")[0] + ";" + r["parameters"].split(";")[-1]
                  for r in repetitions}
    check(parameters == {"work_ns=200000;payload_bytes=2000", "work_ns=1000000;payload_bytes=2000"},
          f"exact work and byte counts in the parameters: {sorted(parameters)}")
    for r in repetitions:
        check(r["baseline"] == ("true" if r["mode"] == "main" else "false"), "main is baseline")
        for key in METRICS:
            check(r[key] != "" and float(r[key]) >= 0, f"{r['mode']}: {key} filled: {r[key]!r}")
        check(float(r["work_ns"]) > 0, f"{r['mode']}: the work's real duration is measured")
        check(abs(float(r["overhead_ns"]) -
                  max(0.0, float(r["end_to_end_ns"]) - float(r["work_ns"]))) < 1.5,
              f"{r['mode']}: overhead is end to end - work")
    check("rounds of arithmetic per µs" in result.stdout or "rounds of arithmetic per" in
          result.stdout, "the calibration is stated")
    check("The document says" in result.stdout, "the document's rule is compared")


run_group({"bad_input": test_bad_input, "csv": test_csv})

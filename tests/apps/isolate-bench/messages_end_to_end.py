#!/usr/bin/env python3
"""End-to-end checks of `isolate-bench messages`: unusable settings are one line and exit 2, and
small runs of every kind write a CSV with the expected columns, every way's row filled.

Usage: messages_end_to_end.py BINARY GROUP   (GROUP: bad_input, csv, kinds)
"""
import os

from end_to_end import check, check_usage_error, read_csv, run, run_group

# Short runs: a 1000 fps display keeps every frames window to a few milliseconds.
FAST = ["--fps", "1000", "--ui-work", "100us", "--warmup", "0", "-r", "2", "--quiet"]
WAYS = ["floor", "copy", "transfer", "share", "exit"]
METRICS = ["one_way_ns", "round_trip_ns", "sender_busy_ns", "copied_bytes", "throughput_mb_per_s"]


def expect_usage_error(cwd, args, named):
    check_usage_error("messages", cwd, args, named)


def test_bad_input(cwd):
    cases = [
        (["--kind", "json"], ["--kind", "value"]),
        (["--size", "0"], ["--size"]),
        (["--size", "2GB"], ["--size"]),
        (["--objects", "0"], ["--objects"]),
        (["--kind", "objects", "--size", "1KB"], ["--size", "--objects"]),
        (["--kind", "value", "--size", "1KB"], ["--size", "--objects"]),
        (["--kind", "string", "--objects", "10"], ["--objects", "--size"]),
        (["--kind", "value", "--mode", "copy,transfer"], ["--mode", "transfer"]),
        (["--kind", "objects", "--mode", "transfer"], ["--mode", "transfer"]),
        (["--mode", "copy,copy"], ["--mode"]),
    ]
    for args, named in cases:
        expect_usage_error(cwd, args, named)



def check_rows(rows, kind, sizes, ways):
    repetitions = [r for r in rows if r["row_type"] == "repetition"]
    check(len(repetitions) == len(sizes) * len(ways) * 2,
          f"{kind}: {len(sizes)} sizes x {len(ways)} ways x 2: {len(repetitions)}")
    check(sorted({r["mode"] for r in repetitions}) == sorted(ways), f"{kind}: every way measured")
    check({r["parameters"].split(";data_bytes=")[0] for r in repetitions} ==
          {f"kind={kind};size={size}" for size in sizes},
          f"{kind}: exact sizes in the parameters: {sorted({r['parameters'] for r in repetitions})}")
    for r in repetitions:
        check(r["baseline"] == ("true" if r["mode"] == "floor" else "false"), "floor is baseline")
        for key in METRICS:
            check(r[key] != "" and float(r[key]) >= 0, f"{kind} {r['mode']}: {key} filled")
        check(float(r["one_way_ns"]) > 0, f"{kind} {r['mode']}: one way measured")
        if r["mode"] == "exit":
            check(float(r["round_trip_ns"]) == 0, f"{kind}: exit has no round trip")
        else:
            check(float(r["round_trip_ns"]) > 0, f"{kind} {r['mode']}: round trip measured")


def test_csv(cwd):
    result = run(["messages", "--kind", "bytes", "--size", "1KB,64KB", "--no-color",
                  "--csv", "out.csv"] + FAST, cwd)
    check(result.returncode == 0, f"messages runs: {result.stderr}")
    header, rows = read_csv(os.path.join(cwd, "out.csv"))
    metric_columns = [c for c in header if c in METRICS]
    check(metric_columns == METRICS, f"messages metric columns in order: {metric_columns}")
    check_rows(rows, "bytes", [1000, 64000], WAYS)
    check("flat in size" in result.stdout or "grows with the data" in result.stdout,
          "the ways' growth with size is stated")


def test_kinds(cwd):
    no_transfer = [w for w in WAYS if w != "transfer"]
    for kind, args, sizes, ways in [
        ("string", ["--size", "2KB"], [2000], WAYS),
        ("objects", ["--objects", "10,100"], [10, 100], no_transfer),
        ("value", ["--objects", "10,100"], [10, 100], no_transfer),
    ]:
        out = f"{kind}.csv"
        result = run(["messages", "--kind", kind] + args + ["--no-color", "--csv", out] + FAST,
                     cwd)
        check(result.returncode == 0, f"messages --kind {kind} runs: {result.stderr}")
        _, rows = read_csv(os.path.join(cwd, out))
        check_rows(rows, kind, sizes, ways)
    check("as an iso::Value tree" in result.stdout, "the value kind's sentence names the tree")


run_group({"bad_input": test_bad_input, "csv": test_csv, "kinds": test_kinds})

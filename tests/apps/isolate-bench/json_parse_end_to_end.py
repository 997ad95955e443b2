#!/usr/bin/env python3
"""End-to-end checks of `isolate-bench json-parse`: option validation, unusable --input files,
and the CSV report read back with Python's csv module.

Usage: json_parse_end_to_end.py BINARY GROUP   (GROUP: bad_input, csv, input)
"""
import os
import re

from end_to_end import check, folder_listing, read_csv, run, run_group

# Short runs: a 1000 fps display keeps every frames window to a few milliseconds.
FAST = ["--fps", "1000", "--ui-work", "100us", "--warmup", "0", "-r", "2", "--quiet"]
MODES = ["main", "run", "run-send", "compute", "worker", "transfer"]
METRICS = ["end_to_end_ns", "main_thread_ns", "copy_in_ns", "spawn_ns", "parse_ns", "decode_ns",
           "map_ns", "return_ns", "copy_out_ns", "copy_in_bytes", "copy_out_bytes"]
FRAME_METRICS = ["frames_dropped", "frames_janky", "worst_frame_latency_ns", "longest_freeze_ns",
                 "longest_event_ns", "ui_busy_share"]


def write(cwd, name, content):
    with open(os.path.join(cwd, name), "wb") as f:
        f.write(content)


def expect_usage_error(cwd, args, named, accepted=True):
    before = folder_listing(cwd)
    result = run(["json-parse"] + args + ["--quiet"], cwd)
    where = "json-parse " + " ".join(args)
    check(result.returncode == 2, f"{where}: exit 2, got {result.returncode}: {result.stderr!r}")
    lines = result.stderr.strip().splitlines()
    check(len(lines) == 1, f"{where}: one line on stderr, got {result.stderr!r}")
    for part in named:
        check(part in result.stderr, f"{where}: stderr names {part!r}: {result.stderr!r}")
    if accepted:
        check("accepted" in result.stderr, f"{where}: stderr states the accepted form")
    check(result.stdout == "", f"{where}: nothing on stdout")
    check("\x1b" not in result.stderr and "\x00" not in result.stderr,
          f"{where}: no raw control byte on stderr")
    check(folder_listing(cwd) == before, f"{where}: no file created")


def test_bad_input(cwd):
    write(cwd, "empty.json", b"")
    write(cwd, "blank.json", b"  \n\t ")
    write(cwd, "truncated.json", b'[{"id": 1, "name": "a"')
    write(cwd, "malformed.json", b'[{"id": 1,, "name": "a"}]')
    write(cwd, "latin1.json", b'["caf\xe9"]')
    write(cwd, "huge_number.json", b'[1e999999]')
    write(cwd, "long_integer.json", b'[123456789012345678901234567890]')
    write(cwd, "deep.json", b'[' * 1100)
    write(cwd, "bom.json", b'\xef\xbb\xbf[1]')
    write(cwd, "nul.json", b'["\\\x00 and the rest"]')
    write(cwd, "control.json", b'["\\\x1b[31m"]')
    os.mkdir(os.path.join(cwd, "folder.json"))
    cases = [
        (["--input", "absent.json"], ["--input", "absent.json", "no such file"]),
        (["--input", "folder.json"], ["--input", "folder.json", "a folder, not a file"]),
        (["--input", "empty.json"], ["--input", "empty.json", "empty"]),
        (["--input", "blank.json"], ["--input", "blank.json"]),
        (["--input", "truncated.json"], ["--input", "truncated.json", "truncated"]),
        (["--input", "malformed.json"], ["--input", "malformed.json", "byte"]),
        (["--input", "latin1.json"], ["--input", "latin1.json", "UTF-8"]),
        (["--input", "huge_number.json"], ["number out of range at byte 1", "1e999999"]),
        (["--input", "long_integer.json"], ["number out of range at byte 1"]),
        (["--input", "deep.json"], ["nesting deeper than 1024 at byte 1024"]),
        (["--input", "bom.json"], ["byte order mark", "at byte 0"]),
        (["--input", "nul.json"], ["byte 0x00 in a string; accepted"]),
        (["--input", "control.json"], ["byte 0x1b in a string; accepted"]),
        (["--input", "/proc/cpuinfo"], ["malformed JSON at byte 0"]),
        (["--size", "1KB", "--size", "2KB"], ["--size is given more than once"]),
        (["--decoder", "fast"], ["--decoder", "typed, dynamic, both"]),
        (["--decoder", ""], ["--decoder"]),
        (["--mode", "threads"], ["--mode", "'threads'", "main, run, run-send"]),
        (["--mode", "main,,run"], ["--mode", "empty item"]),
        (["--mode", "run,run"], ["--mode", "twice"]),
        (["--mode", "all,main"], ["--mode"]),
        (["--size", "0"], ["--size"]),
        (["--size", "1B"], ["--size"]),
        (["--size", "2MB,,8MB"], ["--size"]),
        (["--size", "1000TB"], ["--size"]),
        (["--size", "2MB", "--input", "truncated.json"], ["--size", "--input"]),
        (["--decoder", "typed", "--input", "truncated.json"], ["--decoder", "dynamic"]),
    ]
    for args, named in cases:
        expect_usage_error(cwd, args, named)



def test_csv(cwd):
    result = run(["json-parse", "--size", "20KB,50KB", "--csv", "out.csv"] + FAST, cwd)
    check(result.returncode == 0, f"json-parse runs: {result.stderr}")
    header, rows = read_csv(os.path.join(cwd, "out.csv"))
    metric_columns = [c for c in header if c in METRICS + FRAME_METRICS + ["worker_spawn_ns"]]
    check(metric_columns == METRICS + FRAME_METRICS + ["worker_spawn_ns"],
          f"json-parse metric columns in order: {metric_columns}")
    repetitions = [r for r in rows if r["row_type"] == "repetition"]
    setups = [r for r in rows if r["row_type"] == "setup"]
    check(len(repetitions) == 2 * 2 * 6 * 2, f"2 sizes x 2 decoders x 6 modes x 2: {len(repetitions)}")
    check(sorted({r["mode"] for r in repetitions}) == sorted(MODES), "every mode measured")
    check({r["parameters"].split(";")[0] for r in repetitions} ==
          {"size_bytes=20000", "size_bytes=50000"}, "exact byte counts in the parameters")
    check(all(r["parameters"].split(";")[2].startswith("products=") for r in repetitions),
          "the parameters count the products")
    check({r["parameters"].split(";")[1] for r in repetitions} == {"decoder=dynamic",
                                                                  "decoder=typed"},
          "both decoders by default")
    for r in repetitions:
        check(r["baseline"] == ("true" if r["mode"] == "main" else "false"), "main is baseline")
        for key in METRICS:
            check(r[key] != "" and float(r[key]) >= 0, f"{r['mode']}: {key} filled: {r[key]!r}")
        if r["mode"] == "main":
            check(float(r["copy_in_bytes"]) == 0, "main copies nothing in")
        else:
            check(float(r["copy_in_bytes"]) > 0, f"{r['mode']} copies the body in")
        exit_modes = ("main", "run", "compute")
        check((float(r["copy_out_bytes"]) == 0) == (r["mode"] in exit_modes),
              f"{r['mode']}: products copied back only by the send modes")
    for r in setups:
        check((r["worker_spawn_ns"] != "") == (r["mode"] in ("worker", "transfer")),
              f"setup row of {r['mode']}: worker spawn only for the persistent workers")

    chosen = run(["json-parse", "--size", "20KB", "--mode", "worker,main", "--decoder", "typed",
                  "--csv", "chosen.csv"] + FAST, cwd)
    check(chosen.returncode == 0, f"--mode and --decoder run: {chosen.stderr}")
    _, rows = read_csv(os.path.join(cwd, "chosen.csv"))
    repetitions = [r for r in rows if r["row_type"] == "repetition"]
    check(sorted(r["mode"] for r in repetitions) == ["main", "main", "worker", "worker"],
          f"the chosen modes: {[r['mode'] for r in repetitions]}")
    check(all(r["baseline"] == ("true" if r["mode"] == "main" else "false") for r in repetitions),
          "main is the baseline whatever the order given")
    check(all("decoder=typed" in r["parameters"] for r in repetitions), "--decoder typed only")
    check(all(float(r["map_ns"]) == 0 for r in repetitions), "typed has no mapping step")

    table = run(["json-parse", "--size", "20KB", "--mode", "main,run", "--no-color",
                 "--csv", "table.csv"] + FAST, cwd)
    check(table.returncode == 0, f"table run: {table.stderr}")
    check(re.search(r"\n  main +\S.* baseline", table.stdout) is not None
          and "end to end" in table.stdout,
          "the table shows main's row as the baseline and the end-to-end column")
    check("60-80 ms" in table.stdout, "the conclusions set the document's figure beside this run")


def test_input(cwd):
    write(cwd, "users.json", b'{"users": [{"name": "Ada"}, {"name": "Grace"}], "total": 2}')
    result = run(["json-parse", "--input", "users.json", "--csv", "users.csv", "--no-color"]
                 + FAST, cwd)
    check(result.returncode == 0, f"an input of another shape runs: {result.stderr}")
    check("mapping step was skipped" in result.stdout, "the table says the mapping was skipped")
    _, rows = read_csv(os.path.join(cwd, "users.csv"))
    repetitions = [r for r in rows if r["row_type"] == "repetition"]
    check(len(repetitions) == 6 * 2, f"every mode on the input: {len(repetitions)}")
    check(all("decoder=dynamic" in r["parameters"] and "input=users.json" in r["parameters"]
              for r in repetitions), "the input is parsed with the dynamic decoder")


GROUPS = {"bad_input": test_bad_input, "csv": test_csv, "input": test_input}

run_group(GROUPS)

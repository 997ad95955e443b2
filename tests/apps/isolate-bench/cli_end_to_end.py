#!/usr/bin/env python3
"""End-to-end checks of the isolate-bench binary: help, errors, and the reports read back
with independent readers (Python's csv and json modules).

Usage: cli_end_to_end.py BINARY GROUP   (GROUP: help, bad_input, reports, default_csv, auto)
"""
import csv
import io
import json
import os
import re
import subprocess
import sys

from end_to_end import check, check_refused, folder_listing, run, run_group

# Short runs: a 1000 fps display keeps every frames window to a few milliseconds.
FAST = ["--fps", "1000", "--ui-work", "100us", "--warmup", "0", "-r", "3", "--quiet"]


def checkout_commit():
    """The commit this test's sources are at, as the build stamps it ("-modified" when tracked
    files differ from it), or None outside a git checkout."""
    here = os.path.dirname(os.path.abspath(__file__))
    head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=here,
                          capture_output=True, text=True)
    if head.returncode != 0:
        return None
    modified = subprocess.run(["git", "diff", "--quiet", "HEAD", "--"], cwd=here).returncode != 0
    return head.stdout.strip() + ("-modified" if modified else "")


def test_help(cwd):
    top = run(["--help"], cwd)
    check(top.returncode == 0, "--help exits 0")
    for word in ["list", "spawn", "--version", "MB = 10^6", "MiB", "Examples"]:
        check(word in top.stdout.replace("2MB = 2000000", "MB = 10^6"), f"--help mentions {word}")
    sub = run(["spawn", "--help"], cwd)
    check(sub.returncode == 0, "spawn --help exits 0")
    for option in ["--fps", "--ui-work", "-r", "--repetitions", "--warmup", "--seed", "--format",
                   "--csv", "--json", "--results-dir", "--quiet", "--no-color", "--payload"]:
        check(option in sub.stdout, f"spawn --help mentions {option}")
    for default in ["default: 60", "default: 2ms", "default: auto", "default: 1)", "default: 42",
                    "default: table", "default: results", "default: 1KB", "Examples"]:
        check(default in sub.stdout, f"spawn --help states '{default}'")
    version = run(["--version"], cwd)
    check(version.returncode == 0 and "commit" in version.stdout, "--version names the commit")
    expected = checkout_commit()
    if expected is not None:
        check(f"commit {expected}," in version.stdout,
              f"--version names the commit the sources are at now ({expected}): "
              f"{version.stdout.strip()}")
    listing = run(["list"], cwd)
    check(listing.returncode == 0 and "spawn" in listing.stdout, "list names spawn")
    check(folder_listing(cwd) == [], "help, version and list create no file")


BAD_INPUTS = [
    (["frobnicate"], "frobnicate"),
    ([], "command"),
    (["spawn", "--bogus"], "--bogus"),
    (["spawn", "--output", "out.csv"], "unknown option '--output'"),
    (["spawn", "stray"], "unexpected argument 'stray'"),
    (["spawn", "--payload", "0"], "--payload"),
    (["spawn", "--payload", "-1MB"], "--payload"),
    (["spawn", "--payload", "2XB"], "--payload"),
    (["spawn", "--payload", "99999999999999999999999"], "--payload"),
    (["spawn", "--payload", "1000TB"], "--payload"),  # more than any test machine's memory
    (["spawn", "--payload", "1MB,,2MB"], "--payload"),
    (["spawn", "--fps", "0"], "--fps"),
    (["spawn", "--fps", "1001"], "--fps"),
    (["spawn", "--fps", "sixty"], "--fps"),
    (["spawn", "--ui-work", "2"], "--ui-work"),
    (["spawn", "--ui-work", "-2ms"], "--ui-work"),
    (["spawn", "-r", "0"], "--repetitions"),
    (["spawn", "--warmup", "-1"], "--warmup"),
    (["spawn", "--seed", "x"], "--seed"),
    (["spawn", "--format", "xml"], "--format"),
    (["spawn", "--fps"], "--fps"),
    (["spawn", "--csv", "no/such/folder/out.csv"], "--csv"),
    (["spawn", "--json", "no/such/folder/out.json"], "--json"),
    (["spawn", "--csv", "."], "--csv"),
    (["spawn", "--results-dir", "existing.csv/sub"], "--results-dir"),
    (["spawn", "--csv", "-", "--json", "-"], "stdout"),
    (["spawn", "--csv", "-", "--format", "json"], "stdout"),
]


def test_bad_input(cwd):
    precious = os.path.join(cwd, "existing.csv")
    with open(precious, "w") as f:
        f.write("keep me\n")
    os.chmod(cwd, 0o755)
    readonly = os.path.join(cwd, "readonly")
    os.mkdir(readonly)
    cases = BAD_INPUTS + [
        (["spawn", "--csv", "existing.csv", "--fps", "0"], "--fps"),
        (["spawn", "--json", "existing.csv", "--payload", "0B"], "--payload"),
    ]
    if os.geteuid() != 0:  # root may write anywhere
        os.chmod(readonly, 0o555)
        cases.append((["spawn", "--csv", "readonly/out.csv"], "--csv"))
        cases.append((["spawn", "--results-dir", "readonly/results"], "--results-dir"))
    before = folder_listing(cwd)
    for args, named in cases:
        result = run(args + ["--quiet"] if args and args[0] == "spawn" else args, cwd)
        check_refused(result, " ".join(args) or "(no arguments)", named, cwd, before)
    with open(precious) as f:
        check(f.read() == "keep me\n", "an existing file is never overwritten by a failed run")
    os.chmod(readonly, 0o755)


def test_reports(cwd):
    result = run(["spawn", "--payload", "1KB,2KiB", "--format", "csv", "--csv", "out.csv",
                  "--json", "out.json"] + FAST, cwd)
    check(result.returncode == 0, f"csv run exits 0: {result.stderr}")
    check(result.stderr == "", f"--quiet keeps stderr empty: {result.stderr!r}")
    with open(os.path.join(cwd, "out.csv"), newline="") as f:
        file_text = f.read()
    check(file_text == result.stdout.replace("\n", "\r\n") or file_text.replace("\r\n", "\n")
          == result.stdout.replace("\r\n", "\n"), "stdout CSV equals the CSV file")
    rows = list(csv.DictReader(io.StringIO(file_text, newline="")))
    header = next(csv.reader(io.StringIO(file_text, newline="")))
    fixed = ["scenario", "row_type", "mode", "baseline", "parameter_set", "parameters",
             "repetition", "representative", "statistic", "unstable", "speedup_vs_baseline",
             "speedup_low", "speedup_high", "verdict", "stop", "result_received_ns", "entry_started_ns", "call_returned_ns", "frames_dropped",
             "frames_janky", "worst_frame_latency_ns", "longest_freeze_ns", "longest_event_ns",
             "ui_busy_share", "fps", "ui_work_ns", "warmups", "repetitions", "max_time_ns", "seed",
             "lead_in_frames", "lead_out_frames", "cpu_model", "logical_cores", "load_average_1m",
             "load_average_5m", "load_average_15m", "compiler", "build_type", "commit", "version",
             "libraries", "peak_rss_bytes", "timestamp_utc", "command_line"]
    check(header == fixed, f"CSV columns in documented order: {header}")
    repetitions = [r for r in rows if r["row_type"] == "repetition"]
    summaries = [r for r in rows if r["row_type"] == "summary"]
    check(len(repetitions) == 2 * 4 * 3, f"2 sizes x 4 modes x 3 repetitions: {len(repetitions)}")
    check(len(summaries) == 2 * 4 * 12, f"12 statistics per mode and size: {len(summaries)}")
    check(len(rows) == len(repetitions) + len(summaries), "only repetition and summary rows")
    check({r["parameters"] for r in rows} == {"payload_bytes=1000", "payload_bytes=2048"},
          "exact byte counts in the parameters column")
    check(any("2048 bytes" in r["parameter_set"] for r in rows), "label echoes the byte count")
    for r in rows:
        check(r["scenario"] == "spawn" and r["fps"] == "1000" and r["ui_work_ns"] == "100000",
              "scenario and settings on every row")
        check(r["baseline"] == ("true" if r["mode"] == "thread" else "false"), "thread is baseline")
        check(r["repetitions"] == "3" and r["seed"] == "42", "repetitions and seed echoed")
        check(int(r["logical_cores"]) > 0, "logical cores recorded")
    for r in repetitions:
        received, started = float(r["result_received_ns"]), float(r["entry_started_ns"])
        returned = float(r["call_returned_ns"])
        check(0 < returned and 0 < started <= received, f"phases are ordered: {r}")
        check(float(r["frames_dropped"]) >= 0 and 0 <= float(r["ui_busy_share"]) <= 1,
              "frame metrics in range")
    for size in ("payload_bytes=1000", "payload_bytes=2048"):
        for mode in ("thread", "spawn", "run"):
            mine = [r for r in repetitions if r["mode"] == mode and r["parameters"] == size]
            check(sorted(r["repetition"] for r in mine) == ["1", "2", "3"], "repetitions 1..3")
            check(sum(r["representative"] == "true" for r in mine) == 1, "one representative")
            stats = {r["statistic"]: r for r in summaries
                     if r["mode"] == mode and r["parameters"] == size}
            check(set(stats) == {"min", "median", "mean", "p90", "max", "stddev", "cv", "count",
                                 "median_low", "median_high", "median_confidence", "outliers"},
                  "every statistic present")
            values = sorted(float(r["result_received_ns"]) for r in mine)
            # Three values are too few for a 95 % interval of the median: it is [min, max],
            # holding the median with probability 1 - 2/8, and no verdict is given.
            check(stats["count"]["result_received_ns"] == "3", "the repetition count")
            check(float(stats["median_low"]["result_received_ns"]) == values[0] and
                  float(stats["median_high"]["result_received_ns"]) == values[2],
                  "the median's interval of three values is min..max")
            check(stats["median_confidence"]["result_received_ns"] == "0.75",
                  "that interval's exact coverage")
            check(all(r["stop"] == "fixed" for r in stats.values()), "-r N stops at N")
            verdict = stats["median"]["verdict"]
            check(verdict == ("" if mode == "thread" else "no clear difference"),
                  f"{mode}: no verdict from three rounds: {verdict!r}")
            check(float(stats["min"]["result_received_ns"]) == values[0], "min matches")
            check(float(stats["median"]["result_received_ns"]) == values[1], "median matches")
            check(float(stats["max"]["result_received_ns"]) == values[2], "max matches")
            cv = float(stats["cv"]["result_received_ns"])
            check(("result_received_ns" in stats["cv"]["unstable"].split(";")) == (cv > 0.10),
                  "unstable column follows the 10 % rule")
            ratio = stats["median"]["speedup_vs_baseline"]
            if mode == "thread":
                check(float(ratio) == 1.0, "baseline speedup is 1")
            else:
                base = [r for r in summaries if r["mode"] == "thread" and r["parameters"] == size
                        and r["statistic"] == "median"][0]
                expected = float(base["result_received_ns"]) / float(
                    stats["median"]["result_received_ns"])
                check(abs(float(ratio) - expected) < 1e-9 * expected, "speedup = baseline/mode")

    tool = subprocess.run([sys.executable, "-m", "json.tool", "out.json"], cwd=cwd,
                          capture_output=True, text=True)
    check(tool.returncode == 0, f"json.tool parses the JSON report: {tool.stderr}")
    with open(os.path.join(cwd, "out.json")) as f:
        document = json.load(f)
    check(document["scenario"] == "spawn", "JSON names the scenario")
    check(document["primary_metric"] == "result_received_ns", "JSON names the primary metric")
    check(len(document["parameter_sets"]) == 2, "JSON has both sizes")
    check(document["parameter_sets"][1]["parameters"] == {"payload_bytes": 2048},
          "JSON parameters are exact numbers")
    modes = document["parameter_sets"][0]["modes"]
    check([m["name"] for m in modes] == ["thread", "spawn", "run", "run-cold"],
          "JSON modes baseline first")
    check(all(len(m["repetitions"]) == 3 for m in modes), "JSON has every repetition")
    check(set(modes[1]["summary"]["result_received_ns"]) ==
          {"count", "min", "median", "mean", "p90", "max", "stddev", "cv", "unstable",
           "median_low", "median_high", "median_confidence", "outliers_below", "outliers_above"},
          "JSON statistics")
    check(all(len(s["conclusions"]) == 1 for s in document["parameter_sets"]),
          "a conclusion per size, under its own set")
    check(document["conclusions"] == [], "no sentence compares the sizes")
    check(all(s["further_conclusions"] == [] for s in document["parameter_sets"]),
          "nothing beyond the sentence shown")
    check(document["environment"]["command_line"].endswith("--quiet"), "JSON keeps the command")

    stdout_json = run(["spawn", "--json", "-", "--csv", "out2.csv"] + FAST, cwd)
    check(stdout_json.returncode == 0, "--json - runs")
    check(json.loads(stdout_json.stdout)["scenario"] == "spawn", "--json - prints JSON to stdout")

    markdown = run(["spawn", "--format", "markdown", "--csv", "out3.csv"] + FAST, cwd)
    check(markdown.returncode == 0 and "| mode | result received |" in markdown.stdout
          and all(f"| {m} |" in markdown.stdout or f"**{m}**" in markdown.stdout
                  for m in ("thread", "spawn", "run", "run-cold")),
          "markdown has the compact table, one row per mode")
    check("`" in markdown.stdout and "```" not in markdown.stdout,
          "markdown shows each filmstrip in its row, the full strips only with --details")
    detailed = run(["spawn", "--format", "markdown", "--details", "--csv", "out4.csv"] + FAST, cwd)
    check(detailed.returncode == 0 and "| thread (baseline) | spawn | run | run-cold |"
          in detailed.stdout and "```" in detailed.stdout,
          "markdown --details adds the side-by-side breakdown and the filmstrips")


def test_default_csv(cwd):
    result = run(["spawn", "--results-dir", "out/nested", "--no-color"] + FAST, cwd)
    check(result.returncode == 0, f"table run exits 0: {result.stderr}")
    files = os.listdir(os.path.join(cwd, "out", "nested"))
    check(len(files) == 1 and files[0].startswith("spawn-") and files[0].endswith("Z.csv"),
          f"one default CSV named after scenario and UTC time: {files}")
    last = result.stdout.rstrip("\n").splitlines()[-1]
    check(last == "CSV report: " + os.path.join("out", "nested", files[0]),
          f"table mode ends with the CSV path: {last!r}")
    check("baseline" in result.stdout and "vs thread, speedup" in result.stdout
          and "unclear, 3 rounds" in result.stdout,
          "table shows the baseline and the verdicts (too few rounds for an interval)")
    check("1 KB (1000 bytes)" in result.stdout, "table echoes the exact byte count")
    check("VSync" in result.stdout and "frames" in result.stdout, "table shows filmstrips")
    columns = os.environ.get("COLUMNS", "")
    width = int(columns) if columns.isdigit() and int(columns) > 0 else 80
    lines = result.stdout.splitlines()
    check(all(len(line) <= max(width, 40) for line in lines if not line.startswith("CSV report:")),
          f"the report fits the width of a pipe's reader ({width} columns)")
    detailed = run(["spawn", "--details", "--csv", "details.csv", "--no-color"] + FAST, cwd)
    check(detailed.returncode == 0 and "thread (baseline)" in detailed.stdout
          and "speedup, 95 %" in detailed.stdout and "no clear difference (too few)"
          in detailed.stdout and "repetition" in detailed.stdout,
          "--details shows the side-by-side breakdown, ratios' ranges and full filmstrips")
    check("\x1b[" not in result.stdout, "--no-color (and a pipe) means no escape sequences")
    with open(os.path.join(cwd, "out", "nested", files[0]), newline="") as f:
        rows = list(csv.DictReader(f))
    check(len(rows) == 4 * 3 + 4 * 12, "default CSV holds every row")


def test_auto(cwd):
    """-r auto: at least 10 rounds, all modes alike, and the reports say how it ended."""
    result = run(["spawn", "-r", "auto", "--max-time", "1s", "--fps", "1000", "--ui-work", "100us",
                  "--warmup", "0", "--csv", "auto.csv", "--json", "auto.json", "--no-color"], cwd)
    check(result.returncode == 0, f"-r auto runs: {result.stderr}")
    check(re.search(r"· \d+ rounds\n", result.stdout) is not None,
          "the table says how many rounds ran")
    detailed = run(["spawn", "-r", "auto", "--max-time", "1s", "--fps", "1000", "--ui-work",
                    "100us", "--warmup", "0", "--csv", "auto2.csv", "--details", "--no-color"], cwd)
    check("repetitions per mode ran" in detailed.stdout,
          "--details says how the rounds ended and which medians stayed wide")
    with open(os.path.join(cwd, "auto.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    check(all(r["repetitions"] == "auto" and r["max_time_ns"] == "1000000000" for r in rows),
          "the settings columns echo auto and the budget")
    counts = {r["result_received_ns"] for r in rows
              if r["row_type"] == "summary" and r["statistic"] == "count"}
    check(len(counts) == 1 and int(counts.pop()) >= 10, "every mode ran the same rounds, 10 or more")
    stops = {r["stop"] for r in rows if r["row_type"] == "summary"}
    check(len(stops) == 1 and stops <= {"converged", "time budget"}, f"one stop reason: {stops}")
    with open(os.path.join(cwd, "auto.json")) as f:
        document = json.load(f)
    check(document["settings"]["repetitions"] == "auto", "JSON settings say auto")
    for parameter_set in document["parameter_sets"]:
        check(all(len(m["repetitions"]) == parameter_set["rounds"] for m in parameter_set["modes"]),
              "JSON rounds match every mode's repetitions")
        check(parameter_set["stop"] in ("converged", "time budget"), "JSON stop reason")


GROUPS = {"help": test_help, "bad_input": test_bad_input, "reports": test_reports,
          "default_csv": test_default_csv, "auto": test_auto}

run_group(GROUPS)

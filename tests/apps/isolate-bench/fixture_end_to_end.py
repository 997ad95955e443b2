#!/usr/bin/env python3
"""The fixture scenario (fixture_scenario/, one folder and one registration line) is a full
scenario: listed, helped, every mode run, every common option honoured, CSV and JSON written.

Usage: fixture_end_to_end.py BINARY GROUP   (GROUP: listed, runs_every_mode, common_options)
"""
import csv
import json
import os

from end_to_end import check, run, run_group


def test_listed(cwd):
    listing = run(["list"], cwd)
    check("fixture-sum" in listing.stdout, f"list names the fixture: {listing.stdout}")
    check("json-parse" in listing.stdout and "spawn" in listing.stdout, "beside the others")
    top = run(["--help"], cwd)
    check("fixture-sum" in top.stdout, "the top-level --help names it")
    own = run(["fixture-sum", "--help"], cwd)
    for part in ["--count", "--mode", "--repetitions", "--fps", "--csv", "--json",
                 "main  ", "compute", "(default: 1000)", "Examples"]:
        check(part in own.stdout, f"fixture-sum --help shows {part!r}")


def rows_of(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def test_runs_every_mode(cwd):
    result = run(["fixture-sum", "--count", "10,20", "-r", "2", "--warmup", "1", "--fps", "500",
                  "--ui-work", "50us", "--seed", "3", "--csv", "out.csv", "--json", "out.json",
                  "--quiet"], cwd)
    check(result.returncode == 0, f"runs: {result.stderr}")
    rows = rows_of(os.path.join(cwd, "out.csv"))
    repetitions = [r for r in rows if r["row_type"] == "repetition"]
    check(len(repetitions) == 2 * 2 * 2, f"2 counts x 2 modes x 2 repetitions: {len(repetitions)}")
    check({r["mode"] for r in repetitions} == {"main", "compute"}, "every mode ran")
    check({r["parameters"] for r in repetitions} == {"count=10", "count=20"}, "both counts")
    for r in repetitions:
        expected = {"count=10": 55, "count=20": 210}[r["parameters"]]
        check(float(r["sum"]) == expected, f"the sum is right in {r['mode']}: {r['sum']}")
        check(r["fps"] == "500" and r["ui_work_ns"] == "50000" and r["seed"] == "3"
              and r["warmups"] == "1" and r["repetitions"] == "2", "common options honoured")
        check(r["baseline"] == ("true" if r["mode"] == "main" else "false"), "main is baseline")
    with open(os.path.join(cwd, "out.json")) as f:
        report = json.load(f)
    check(report["scenario"] == "fixture-sum", "the JSON names the scenario")
    check(len(report["parameter_sets"]) == 2, "the JSON holds both parameter sets")
    check("summary" in report["parameter_sets"][0]["modes"][0], "with summaries")


def test_common_options(cwd):
    result = run(["fixture-sum", "--mode", "compute", "-r", "1", "--warmup", "0", "--fps", "1000",
                  "--csv", "only.csv", "--quiet"], cwd)
    check(result.returncode == 0, f"runs: {result.stderr}")
    rows = rows_of(os.path.join(cwd, "only.csv"))
    check({r["mode"] for r in rows} == {"compute"}, "--mode runs only the chosen mode")
    check(all(r["baseline"] == "true" for r in rows), "the first mode run is the baseline")
    table = run(["fixture-sum", "--count", "5", "-r", "1", "--warmup", "0", "--fps", "1000",
                 "--format", "markdown", "--csv", "t.csv", "--quiet"], cwd)
    check(table.returncode == 0 and "| " in table.stdout, "--format markdown prints a table")
    default = run(["fixture-sum", "-r", "1", "--warmup", "0", "--fps", "1000",
                   "--results-dir", "res", "--quiet"], cwd)
    check(default.returncode == 0, f"default CSV run: {default.stderr}")
    written = os.listdir(os.path.join(cwd, "res"))
    check(len(written) == 1 and written[0].startswith("fixture-sum-"), f"default CSV: {written}")


run_group({"listed": test_listed, "runs_every_mode": test_runs_every_mode,
           "common_options": test_common_options})

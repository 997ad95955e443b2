#!/usr/bin/python3
"""`isolate-bench claims` end to end: --quick in Markdown lists every claim with a verdict, the
CSV and JSON reports hold the same rows, and bad options are refused with exit 2 and no file."""
import json
import os

from end_to_end import check, check_usage_error, folder_listing, read_csv, run, run_group

# The claims the suite checks, in a few words as the report prints them.
CLAIMS = [
    "jsonDecode of a 2 MB catalog",
    "frames a 2 MB parse on main drops",
    "spawning an isolate from a new code bundle",
    "Isolate.spawn within the isolate group",
    "Isolate.run's spawn on a modern device",
    "sending a 2 MB string, one way",
    "immutable data shared in a group, not copied",
    "10,000 objects cost more to send than 100",
    "memory of a freshly spawned isolate",
    "under 5 ms, offloading is not worth it",
    "over 16 ms, move it to an isolate",
    "a persistent worker avoids the spawn per request",
    "native globals race across isolates",
    "hashing a large file belongs in an isolate",
    "two or three workers suffice",
]
VERDICTS = {"holds", "holds in shape", "differs here", "not measured yet"}


def markdown_rows(text):
    """The body rows of the Markdown table, as lists of cells."""
    lines = [line for line in text.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines[1:]]


def quick_reports(cwd):
    result = run(["claims", "--quick", "--format", "markdown", "--csv", "claims.csv",
                  "--json", "claims.json", "--quiet"], cwd)
    check(result.returncode == 0, f"claims --quick: exit 0, got {result.returncode}: {result.stderr}")
    check(result.stderr == "", f"--quiet: nothing on stderr: {result.stderr!r}")
    rows = markdown_rows(result.stdout)
    check([row[0] for row in rows] == CLAIMS, f"every claim, in order: {[r[0] for r in rows]}")
    for row in rows:
        check(len(row) == 6, f"six cells: {row}")
        claim, document, measured, verdict, reason, command = row
        check(verdict in VERDICTS, f"{claim}: a verdict, got {verdict!r}")
        check(reason != "", f"{claim}: the verdict's reason")
        check(command.startswith("`isolate-bench "), f"{claim}: the command in full: {command}")
        # A claim that is measured shows a figure; one that is not shows none.
        if verdict == "not measured yet":
            check(measured == "not measured yet", f"{claim}: no figure when not measured")
        else:
            check(any(c.isdigit() for c in measured), f"{claim}: a measured figure: {measured!r}")
    check("logical cores" in result.stdout, "the machine under the table")

    header, csv_rows = read_csv(os.path.join(cwd, "claims.csv"))
    check(header[:7] == ["id", "claim", "document", "measured", "verdict", "reason", "command"],
          f"CSV header: {header}")
    check([r["claim"] for r in csv_rows] == CLAIMS, "the CSV has one row per claim")
    check(all(r["run_length"] == "quick" for r in csv_rows), "the CSV says the runs were quick")
    with open(os.path.join(cwd, "claims.json")) as f:
        document = json.load(f)
    claims = document["claims"]
    check([c["claim"] for c in claims] == CLAIMS, "the JSON has one entry per claim")
    check([c["verdict"] for c in claims] == [r["verdict"] for r in csv_rows],
          "JSON and CSV give the same verdicts")
    check(document["wall_time_ns"] > 0, "the JSON states how long the runs took")
    check(document["environment"]["logical_cores"] >= 1, "the JSON names the machine")


def bad_input(cwd):
    check_usage_error("claims", cwd, ["--format", "xml"], ["--format", "markdown"])
    check_usage_error("claims", cwd, ["--size", "2MB"], ["--size"])
    check_usage_error("claims", cwd, ["--quick=maybe"], ["--quick"])
    check_usage_error("claims", cwd, ["--csv", "-", "--json", "-"], ["stdout"])
    check_usage_error("claims", cwd, ["--json", "missing/folder/claims.json"], ["--json"])
    check(folder_listing(cwd) == [], "no report written by a refused command")


def help_text(cwd):
    result = run(["claims", "--help"], cwd)
    check(result.returncode == 0, f"--help: exit 0, got {result.returncode}")
    for part in ["--quick", "--format", "holds in shape", "not measured yet", "Examples:"]:
        check(part in result.stdout, f"--help teaches {part!r}")
    listed = run(["--help"], cwd)
    check("claims" in listed.stdout, "the top-level help lists the claims command")


run_group({"quick_reports": quick_reports, "bad_input": bad_input, "help": help_text})

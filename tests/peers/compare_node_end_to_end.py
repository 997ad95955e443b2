#!/usr/bin/env python3
"""End-to-end checks of scripts/compare-node and Node's side of it (node_json_peer.mjs): the
report's structure on a held-out real JSON file and on a product catalog, its ratios and
verdicts agreeing with its own medians, the skip without `node`, and every unusable file or
option refused with one line and exit 2. Never a timing.

Usage: compare_node_end_to_end.py BINARY GROUP   (GROUP: report, catalog, bad_input, no_node)
The groups that run Node exit 77 (skipped) when `node` is not on PATH.
"""
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "apps", "isolate-bench"))

from end_to_end import BINARY, check, folder_listing, run_group  # noqa: E402

COMPARE = os.path.join(ROOT, "scripts", "compare-node")
PEER = os.path.join(HERE, "node_json_peer.mjs")
HELD_OUT = os.path.join(HERE, "data", "iso_3166-1.json")
FAST = ["-r", "2", "--warmup", "1", "--rounds", "2", "--isolate-bench", BINARY]
DURATION = r"[\d.]+ (?:ns|µs|ms|s)"
SPAN = r"[\d.]+…[\d.]+ (?:ns|µs|ms|s)"


def compare(args, cwd, env=None):
    """scripts/compare-node with `args`; its temporary files go to cwd/tmp, to be checked."""
    env = dict(os.environ if env is None else env)
    env["TMPDIR"] = os.path.join(cwd, "tmp")
    os.makedirs(env["TMPDIR"], exist_ok=True)
    return subprocess.run(["/usr/bin/python3", COMPARE] + args, cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=240)


def require_node():
    if shutil.which("node") is None:
        print("skipped: no `node` on PATH")
        sys.exit(77)


def to_ns(text):
    value, unit = text.split()
    return float(value) * {"ns": 1, "µs": 1e3, "ms": 1e6, "s": 1e9}[unit]


def medians(stdout):
    """{row label: median in ns} of the report's four rows."""
    found = {}
    for label in ("Node JSON.parse", "isolate-bench main", "Node worker_threads",
                  "isolate-bench worker"):
        match = re.search(rf"^  {re.escape(label)} +({DURATION}) +({SPAN})$", stdout, re.M)
        check(match is not None, f"a row for {label}, its median and range: {stdout}")
        if match:
            found[label] = to_ns(match.group(1))
    return found


def check_ratio(stdout, what, against, goal, node_median, our_median):
    """The sentence of one ratio: N.NNx faster or slower, its goal, the verdict the ratio
    implies, each round's range, and the ratio agreeing with the printed medians."""
    match = re.search(rf"{what} ([\d.]+)x (faster|slower) than {against} \(goal ≥ {goal}x: "
                      rf"(met|not met); each round's: ([\d.]+)…([\d.]+)x\)",
                      " ".join(stdout.split()))
    check(match is not None, f"the sentence of {what} against {against}, goal {goal}x: {stdout}")
    if not match:
        return
    printed = float(match.group(1))
    ratio = printed if match.group(2) == "faster" else 1 / printed
    check((match.group(3) == "met") == (ratio >= goal),
          f"{what}: the verdict {match.group(3)!r} follows from {ratio:.3f} and the goal {goal}")
    check(float(match.group(4)) <= float(match.group(5)), f"{what}: the rounds' range ordered")
    if node_median and our_median:  # three printed digits each: agree within 2 %
        expected = node_median / our_median
        check(abs(ratio / expected - 1) < 0.02,
              f"{what}: {ratio:.3f} is Node's median over isolate-bench's, {expected:.3f}")


def check_report(result, cwd, input_name, size):
    check(result.returncode == 0, f"compare-node runs: {result.returncode} {result.stderr!r}")
    check(result.stderr == "", f"nothing on stderr: {result.stderr!r}")
    out = result.stdout
    flat = " ".join(out.split())
    check(out.startswith("compare-node: Node's JSON.parse and worker_threads beside "
                         "isolate-bench json-parse"), f"the title first: {out[:200]!r}")
    check(f"Input '{input_name}', {size} bytes" in flat, f"the input and its bytes: {flat}")
    check(re.search(r"node v\d+\.\d+\.\d+ \(V8 [\d.]+", flat) is not None, "the Node version")
    check(re.search(r"isolate-bench \S+, commit [0-9a-f]+(?:-modified)?, Release build", flat)
          is not None, f"isolate-bench's version and build: {flat}")
    check("2 rounds x 2 repetitions per mode and side (4 each), 1 warm-ups per round" in flat,
          "the rounds and repetitions, the same for both sides")
    found = medians(out)
    for label in ("isolate-bench main",):
        check(re.search(rf"^  {label} .*\n    decode {DURATION} · map {DURATION}$", out, re.M)
              is not None, f"{label}: its decode and map steps")
    for label in ("Node worker_threads", "isolate-bench worker"):
        check(re.search(rf"^  {label} .*\n    in \(copy \+ wake-up\) {DURATION} · parse "
                        rf"{DURATION} · back \(copy \+ delivery\) {DURATION}$", out, re.M)
              is not None, f"{label}: where the worker's time goes")
    check_ratio(out, "Main-isolate dynamic parse", "Node's JSON.parse", 4,
                found.get("Node JSON.parse"), found.get("isolate-bench main"))
    check_ratio(out, "Worker end to end", "a Node worker", 6,
                found.get("Node worker_threads"), found.get("isolate-bench worker"))
    check(re.search(r"simulated display ticks .* \(60 fps, 2 ms of UI work a frame\)", flat)
          is not None, "the display isolate-bench ran, from its report")
    check(f"json-parse --input {input_name} --decoder dynamic --mode main,worker -r 2 "
          "--warmup 1" in out, "the isolate-bench command each round ran")
    check(f"--expose-gc {PEER} --input {input_name} --repetitions 2 --warmup 1" in out,
          "the node command each round ran")
    check(folder_listing(os.path.join(cwd, "tmp")) == [], "no temporary file left")


def test_report(cwd):
    require_node()
    shutil.copy(HELD_OUT, os.path.join(cwd, "countries.json"))
    result = compare(["--input", "countries.json"] + FAST, cwd)
    check_report(result, cwd, "countries.json", os.path.getsize(HELD_OUT))
    check("not a product list: both workers post the whole decoded value back"
          in " ".join(result.stdout.split()), "the shape of the value that crosses back")
    check("decode alone" not in result.stdout, "no mapping to set apart")


def test_catalog(cwd):
    require_node()
    written = subprocess.run([BINARY, "json-parse", "--size", "30KB", "--write-workload",
                              "catalog.json"], cwd=cwd, capture_output=True, text=True)
    check(written.returncode == 0, f"the catalog is written: {written.stderr}")
    result = compare(["--input", "catalog.json"] + FAST, cwd)
    check_report(result, cwd, "catalog.json", 30000)
    check(re.search(r"a product list: isolate-bench maps it to [1-9]\d* products",
                    " ".join(result.stdout.split())) is not None,
          f"a catalog's products are counted: {result.stdout}")
    check(re.search(r"Its decode alone \(the tree JSON.parse also builds, without the mapping to "
                    r"products\) [\d.]+x (faster|slower) than Node's JSON.parse\.",
                    " ".join(result.stdout.split())) is not None,
          "a catalog's decode alone is set beside JSON.parse as well")


def expect_refused(cwd, args, named, env=None):
    before = folder_listing(cwd)
    result = compare(args, cwd, env)
    where = "compare-node " + " ".join(args)
    check(result.returncode == 2, f"{where}: exit 2, got {result.returncode}: {result.stderr!r}")
    lines = result.stderr.strip().splitlines()
    check(len(lines) == 1, f"{where}: one line on stderr, got {result.stderr!r}")
    check(result.stderr.startswith("compare-node: "), f"{where}: the line names its program")
    for part in named + ["accepted"]:
        check(part in result.stderr, f"{where}: stderr names {part!r}: {result.stderr!r}")
    check(result.stdout == "", f"{where}: nothing on stdout: {result.stdout!r}")
    check(folder_listing(cwd) == before, f"{where}: no file left")


def write(cwd, name, content):
    with open(os.path.join(cwd, name), "wb") as f:
        f.write(content)


def test_bad_input(cwd):
    write(cwd, "empty.json", b"")
    write(cwd, "ok.json", b'{"a": [1, 2]}')
    os.mkdir(os.path.join(cwd, "folder.json"))
    os.makedirs(os.path.join(cwd, "tmp"))
    fast = ["--isolate-bench", BINARY]
    cases = [
        ([] + fast, ["--input"]),
        (["--input", "absent.json"] + fast, ["--input", "absent.json", "no such file"]),
        (["--input", "folder.json"] + fast, ["--input", "folder.json", "a folder"]),
        (["--input", "empty.json"] + fast, ["--input", "empty.json", "empty"]),
        (["--input", "ok.json", "-r", "0"] + fast, ["-r", "'0'", "1 to 1000"]),
        (["--input", "ok.json", "-r", "many"] + fast, ["-r", "'many'"]),
        (["--input", "ok.json", "--warmup", "101"] + fast, ["--warmup", "0 to 100"]),
        (["--input", "ok.json", "--rounds", "0"] + fast, ["--rounds", "1 to 100"]),
        (["--input", "ok.json", "--fast"] + fast, ["--fast"]),
        (["--input", "ok.json", "--isolate-bench", "absent"], ["--isolate-bench", "absent"]),
        (["--input", "ok.json", "--isolate-bench", "folder.json"], ["--isolate-bench"]),
    ]
    for args, named in cases:
        expect_refused(cwd, args, named)
    shown = compare(["--help"], cwd)
    check(shown.returncode == 0 and "scripts/compare-node --input FILE" in shown.stdout
          and "--rounds N" in shown.stdout, f"--help shows the usage: {shown.stdout[:300]!r}")

    require_node()
    write(cwd, "malformed.json", b'[{"id": 1,, "name": "a"}]')
    write(cwd, "latin1.json", b'["caf\xe9"]')
    write(cwd, "bom.json", b'\xef\xbb\xbf[1]')
    for name, named in [("malformed.json", ["malformed JSON at byte 10"]),
                        ("latin1.json", ["UTF-8"]), ("bom.json", ["byte order mark"])]:
        expect_refused(cwd, ["--input", name] + FAST, ["--input", name] + named)
    # Node's side on its own: the same files, the options, and the flag it needs.
    for args, named in [
        (["--input", "malformed.json"], ["not JSON (JSON.parse:"]),
        (["--input", "latin1.json"], ["not UTF-8"]),
        (["--input", "bom.json"], ["not JSON", "\\ufeff"]),
        (["--input", "absent.json"], ["no such file"]),
        (["--input", "folder.json"], ["a folder"]),
        (["--input", "empty.json"], ["empty"]),
        (["--input", "ok.json", "--repetitions", "0"], ["--repetitions '0'"]),
        (["--input", "ok.json", "--warmup"], ["--warmup needs a value"]),
        (["--input", "ok.json", "--input", "ok.json"], ["--input is given more than once"]),
        (["--input", "ok.json", "--fast", "1"], ["unknown option '--fast'"]),
        ([], ["--input is required"]),
    ]:
        peer = subprocess.run(["node", "--expose-gc", PEER] + args, cwd=cwd,
                              capture_output=True, text=True, timeout=60)
        where = "node_json_peer " + " ".join(args)
        check(peer.returncode == 2, f"{where}: exit 2, got {peer.returncode}")
        check(len(peer.stderr.strip().splitlines()) == 1, f"{where}: one line: {peer.stderr!r}")
        for part in named + ["accepted"]:
            check(part in peer.stderr, f"{where}: stderr names {part!r}: {peer.stderr!r}")
        check(peer.stdout == "", f"{where}: nothing on stdout")
    plain = subprocess.run(["node", PEER, "--input", "ok.json"], cwd=cwd, capture_output=True,
                           text=True, timeout=60)
    check(plain.returncode == 2 and "--expose-gc" in plain.stderr,
          f"the peer asks for --expose-gc: {plain.stderr!r}")


def test_no_node(cwd):
    write(cwd, "ok.json", b'{"a": [1, 2]}')
    os.mkdir(os.path.join(cwd, "empty-path"))
    env = dict(os.environ, PATH=os.path.join(cwd, "empty-path"))
    result = compare(["--input", "ok.json", "--isolate-bench", BINARY], cwd, env)
    check(result.returncode == 0, f"skipped is exit 0: {result.returncode} {result.stderr!r}")
    lines = result.stdout.strip().splitlines()
    check(len(lines) == 1 and "skipped" in lines[0] and "`node`" in lines[0],
          f"one line says it skipped for want of node: {result.stdout!r}")
    check(result.stderr == "", f"nothing on stderr: {result.stderr!r}")
    # A command line it cannot use is refused all the same.
    expect_refused(cwd, ["--input", "absent.json", "--isolate-bench", BINARY],
                   ["--input", "no such file"], env)


GROUPS = {"report": test_report, "catalog": test_catalog, "bad_input": test_bad_input,
          "no_node": test_no_node}

run_group(GROUPS)

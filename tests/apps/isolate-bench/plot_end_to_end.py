#!/usr/bin/env python3
"""scripts/plot on the reports of a short real run: the charts it promises, as PNG and SVG of
1920x1080 in both themes; malformed, foreign or mismatched input and bad options refused with
one line and exit 2, writing nothing.

Usage: plot_end_to_end.py BINARY GROUP   (GROUP: charts, refused, parameters)
Exits 77 (skipped) when /usr/bin/python3 has no matplotlib; scripts/setup installs it.
"""
import csv
import io
import os
import re
import shutil
import struct
import subprocess
import sys

from end_to_end import check, folder_listing, run, run_group

PLOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "scripts",
                    "plot")
FAST = ["--fps", "1000", "--ui-work", "100us", "--warmup", "0", "-r", "2", "--quiet"]
SIZES = ["10KB", "100KB", "2MB"]  # a sweep whose range exceeds 100x: log axes


def plot(args, cwd):
    return subprocess.run(["/usr/bin/python3", PLOT] + args, cwd=cwd, capture_output=True,
                          text=True, timeout=240)


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    check(head[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: a PNG")
    return struct.unpack(">II", head[16:24])


def svg_size(path):
    with open(path, encoding="utf-8") as f:
        text = f.read(4000)
    match = re.search(r'<svg[^>]*\swidth="([\d.]+)pt"\s+height="([\d.]+)pt"', text)
    check(match is not None, f"{path}: an SVG with its size in points")
    return (float(match.group(1)), float(match.group(2))) if match else (0, 0)


def make_reports(cwd, sizes=SIZES):
    result = run(["json-parse", "--size", ",".join(sizes), "--decoder", "typed",
                  "--mode", "main,run,transfer",
                  "--csv", "r.csv", "--frames", "f.csv"] + FAST, cwd)
    check(result.returncode == 0, f"json-parse runs: {result.stderr}")


def test_charts(cwd):
    make_reports(cwd)
    labels = ["10KB", "100KB", "2MB"]  # the sizes, the only parameter that tells them apart
    expected = ([f"r-bars-{label}" for label in labels] + ["r-sweep"]
                + [f"r-frames-{label}" for label in labels])
    outputs = {}
    for theme in ("light", "dark"):
        out = os.path.join(cwd, theme)
        result = plot(["r.csv", "--frames", "f.csv", "--out", out, "--format", "png,svg",
                       "--theme", theme], cwd)
        check(result.returncode == 0, f"{theme}: plot runs: {result.stderr}")
        check(result.stderr == "", f"{theme}: nothing on stderr: {result.stderr!r}")
        names = sorted(os.listdir(out))
        wanted = sorted(f"{name}.{fmt}" for name in expected for fmt in ("png", "svg"))
        check(names == wanted, f"{theme}: bars, sweep and frames charts: {names}")
        check(sorted(os.path.basename(p) for p in result.stdout.split()) == wanted,
              f"{theme}: stdout lists every file: {result.stdout!r}")
        for name in names:
            path = os.path.join(out, name)
            check(os.path.getsize(path) > 10000, f"{theme} {name}: not empty")
            if name.endswith(".png"):
                check(png_size(path) == (1920, 1080), f"{theme} {name}: 1920x1080")
            else:  # 19.2 x 10.8 inches, 1920x1080 at 100 dpi
                check(svg_size(path) == (1382.4, 777.6), f"{theme} {name}: 19.2 x 10.8 in")
        with open(os.path.join(out, "r-sweep.png"), "rb") as f:
            outputs[theme] = f.read()
    check(outputs["light"] != outputs["dark"], "the themes differ")

    # Without --frames no frame chart; by default PNG only, beside RESULTS.csv.
    os.makedirs(os.path.join(cwd, "beside"))
    shutil.copy(os.path.join(cwd, "r.csv"), os.path.join(cwd, "beside", "run.csv"))
    result = plot([os.path.join("beside", "run.csv")], cwd)
    check(result.returncode == 0, f"default plot runs: {result.stderr}")
    names = sorted(os.listdir(os.path.join(cwd, "beside")))
    check(names == sorted(["run.csv", "run-sweep.png"]
                          + [f"run-bars-{label}.png" for label in labels]),
          f"PNG beside the CSV, no frame chart: {names}")


def check_plot_refused(cwd, args, named, where):
    before = folder_listing(cwd)
    result = plot(args, cwd)
    check(result.returncode == 2, f"{where}: exit 2, got {result.returncode}: {result.stderr}")
    lines = result.stderr.strip().splitlines()
    check(len(lines) == 1, f"{where}: one line on stderr, got {result.stderr!r}")
    check(lines[:1] and lines[0].startswith("scripts/plot: "), f"{where}: says who speaks")
    check(named in result.stderr, f"{where}: names {named!r}: {result.stderr!r}")
    check("accepted" in result.stderr, f"{where}: states what is accepted: {result.stderr!r}")
    check("Traceback" not in result.stderr, f"{where}: no traceback")
    check(result.stdout == "", f"{where}: nothing on stdout")
    check(folder_listing(cwd) == before, f"{where}: no file written")


def write(cwd, name, content, mode="w"):
    with open(os.path.join(cwd, name), mode) as f:
        f.write(content)
    return name


def test_refused(cwd):
    make_reports(cwd, ["1KB"])
    with open(os.path.join(cwd, "r.csv"), newline="") as f:
        report = f.read()
    with open(os.path.join(cwd, "f.csv"), newline="") as f:
        frames = f.read()
    header, first_row = report.split("\r\n")[:2]
    fields = next(csv.reader([first_row]))  # main's first repetition row
    fields[header.split(",").index("repetition")] = "x"
    line = io.StringIO()
    csv.writer(line, lineterminator="").writerow(fields)
    not_a_number = line.getvalue()
    cases = [
        (["missing.csv"], "missing.csv", "a missing file"),
        ([write(cwd, "empty.csv", "")], "empty", "an empty file"),
        ([write(cwd, "foreign.csv", "name,price\r\napple,1\r\n")], "row_type", "a foreign CSV"),
        ([write(cwd, "image.csv", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "wb")], "image.csv",
         "a binary file"),
        ([write(cwd, "header.csv", header + "\r\n")], "without rows", "a header alone"),
        ([write(cwd, "short.csv", header + "\r\n" + first_row.rsplit(",", 3)[0] + "\r\n")],
         "fields", "a row cut short"),
        ([write(cwd, "text.csv", report.replace(first_row, not_a_number, 1))],
         "not a number", "a repetition that is not a number"),
        (["f.csv"], "frames CSV", "the frames CSV given as RESULTS.csv"),
        (["r.csv", "--frames", "r.csv"], "vsync", "RESULTS.csv given as --frames"),
        (["r.csv", "--frames", write(cwd, "other.csv", frames.replace(
            "json-parse,", "sha256,"))], "sha256", "the frames of another scenario"),
        (["r.csv", "--frames", write(cwd, "status.csv", frames.replace(",on_time\r\n",
                                                                       ",late\r\n"))],
         "late", "an unknown status"),
        (["r.csv", "--frames", write(cwd, "mismatch.csv", re.sub(
            r",\d+,\d+,(on_time|janky)\r\n", ",,,dropped\r\n", frames))],
         "RESULTS.csv counted", "every VSync dropped: the frames of another run"),
        (["r.csv", "--format", "gif"], "gif", "an unknown format"),
        (["r.csv", "--format", "png,png"], "--format", "a format twice"),
        (["r.csv", "--theme", "blue"], "blue", "an unknown theme"),
        (["r.csv", "--out", "/proc/plots"], "--out", "a folder no file can be created in"),
        (["r.csv", "--colour"], "--colour", "an unknown option"),
        ([], "RESULTS.csv", "no CSV at all"),
    ]
    for args, named, where in cases:
        check_plot_refused(cwd, args, named, where)


def test_parameters(cwd):
    """Which parameters tell sets apart, and which sets form a sweep, on hand-made sets."""
    sys.path.insert(0, os.path.dirname(PLOT))
    from plotting.parameters import find_sweeps, set_names
    from plotting.results import ParameterSet

    def sets(*rows):
        return [ParameterSet(f"set {i}", dict(row)) for i, row in enumerate(rows)]

    # json-parse: sizes x decoders; products follow the size and tell nothing new.
    grid = sets(*[{"size_bytes": size, "decoder": decoder, "products": str(int(size) // 560)}
                  for decoder in ("typed", "dynamic") for size in ("1000000", "8000000")])
    check(set_names(grid) == ["1MB-typed", "8MB-typed", "1MB-dynamic", "8MB-dynamic"],
          f"names from the size and decoder: {set_names(grid)}")
    key, groups = find_sweeps(grid)
    check(key == "size_bytes", f"the sizes are swept: {key}")
    check([(g, [v for v, _ in members]) for g, members in groups]
          == [({"decoder": "typed"}, [1e6, 8e6]), ({"decoder": "dynamic"}, [1e6, 8e6])],
          f"one sweep per decoder: {groups}")
    # Resolutions: the height follows the width; unordered sets come out in ascending order.
    images = sets({"width": "1920", "height": "1080"}, {"width": "640", "height": "480"})
    key, groups = find_sweeps(images)
    check(key == "width" and [v for v, _ in groups[0][1]] == [640, 1920], "swept by width")
    check(set_names(images) == ["1920", "640"], f"named by width: {set_names(images)}")
    # No sweep: one set, text parameters only, or a value that two sets of a group share.
    check(find_sweeps(sets({"size_bytes": "1"})) is None, "one set is no sweep")
    check(set_names(sets({"size_bytes": "1"})) == [""], "one set needs no name")
    check(find_sweeps(sets({"codec": "zlib"}, {"codec": "libdeflate"})) is None, "text")
    check(find_sweeps(sets({"a": "1", "b": "1"}, {"a": "1", "b": "2"}, {"a": "2", "b": "1"}))
          is not None, "a 2-D grid sweeps its first numeric parameter per value of the other")


def has_matplotlib():
    probe = subprocess.run(["/usr/bin/python3", "-c", "import matplotlib"], capture_output=True)
    return probe.returncode == 0


if not has_matplotlib():
    print("SKIP: /usr/bin/python3 has no matplotlib; scripts/setup installs python3-matplotlib")
    sys.exit(77)
run_group({"charts": test_charts, "refused": test_refused, "parameters": test_parameters})

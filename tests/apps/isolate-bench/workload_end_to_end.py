#!/usr/bin/env python3
"""End-to-end checks of --write-workload: the scenarios with a generated input write it, the
written file is the very input a run measures (a run on it with --input finds the same data),
several inputs get one file each, and every unusable request is one line, exit 2, nothing
written.

Usage: workload_end_to_end.py BINARY GROUP   (GROUP: offered, same_data, several, bad_input)
"""
import hashlib
import json
import os
import struct

from end_to_end import check, check_usage_error, read_csv, run, run_group, scenarios

# Short runs: a 1000 fps display keeps every frames window to a few milliseconds.
FAST = ["--fps", "1000", "--ui-work", "100us", "--warmup", "0", "-r", "2", "--quiet"]
WITH_WORKLOAD = ["image-compress", "json-parse", "sha256"]


def read(cwd, name):
    with open(os.path.join(cwd, name), "rb") as f:
        return f.read()


def write_workload(cwd, args):
    result = run(args, cwd)
    check(result.returncode == 0, f"{' '.join(args)} writes: {result.stderr}")
    check(result.stdout.startswith("Workload: "), f"the file is named on stdout: {result.stdout!r}")
    return result


def parameter(row, key):
    """The value of `key` in a CSV row's parameters column ("size_bytes=2000;decoder=typed")."""
    return dict(p.split("=", 1) for p in row["parameters"].split(";"))[key]


def test_offered(cwd):
    """The option is in the help of the scenarios with a generated input, and only theirs."""
    for scenario in scenarios(cwd):
        offered = "--write-workload" in run([scenario, "--help"], cwd).stdout
        check(offered == (scenario in WITH_WORKLOAD),
              f"{scenario}: --write-workload offered: {offered}")


def test_same_data(cwd):
    # json-parse: the catalog is JSON of the asked size, the same for the same seed, another for
    # another seed, and a run on it finds as many products as the generated run did.
    write_workload(cwd, ["json-parse", "--size", "30KB", "--seed", "3",
                         "--write-workload", "catalog.json"])
    catalog = read(cwd, "catalog.json")
    check(len(catalog) == 30000, f"the catalog has the asked 30000 bytes: {len(catalog)}")
    products = json.loads(catalog.decode("utf-8"))
    check(isinstance(products, list) and len(products) > 0, "the catalog is a JSON list")
    write_workload(cwd, ["json-parse", "--size", "30KB", "--seed", "3",
                         "--write-workload", "again.json"])
    check(read(cwd, "again.json") == catalog, "the same seed writes the same bytes")
    write_workload(cwd, ["json-parse", "--size", "30KB", "--seed", "4",
                         "--write-workload", "other.json"])
    check(read(cwd, "other.json") != catalog, "another seed writes other bytes")
    generated = run(["json-parse", "--size", "30KB", "--seed", "3", "--decoder", "dynamic",
                     "--mode", "main", "--csv", "generated.csv"] + FAST, cwd)
    from_file = run(["json-parse", "--input", "catalog.json", "--mode", "main",
                     "--csv", "from_file.csv"] + FAST, cwd)
    check(generated.returncode == 0 and from_file.returncode == 0,
          f"both runs succeed: {generated.stderr} {from_file.stderr}")
    if generated.returncode == 0 and from_file.returncode == 0:
        row_generated = read_csv(os.path.join(cwd, "generated.csv"))[1][0]
        row_file = read_csv(os.path.join(cwd, "from_file.csv"))[1][0]
        for key in ["size_bytes", "products"]:
            check(parameter(row_generated, key) == parameter(row_file, key),
                  f"{key}: generated {parameter(row_generated, key)}, "
                  f"from the file {parameter(row_file, key)}")
        check(int(parameter(row_file, "products")) == len(products),
              "the run counts the products Python's json reads")

    # sha256: the bytes' digest is the one the generated run prints.
    write_workload(cwd, ["sha256", "--size", "10KB", "--seed", "5", "--write-workload", "m.bin"])
    message = read(cwd, "m.bin")
    check(len(message) == 10000, f"10000 bytes written: {len(message)}")
    hashed = run(["sha256", "--size", "10KB", "--seed", "5", "--mode", "floor", "--no-color"]
                 + FAST + ["--csv", "h.csv"], cwd)
    digest = hashlib.sha256(message).hexdigest()
    check(digest in hashed.stdout, f"the generated run prints the file's digest {digest}")

    # image-compress: a PNG of the asked size; compressing it with --input gives the very PNG
    # the generated run makes (the encoder is deterministic, so equal output means equal pixels).
    write_workload(cwd, ["image-compress", "--resolution", "64x48", "--seed", "6",
                         "--write-workload", "photo.png"])
    png = read(cwd, "photo.png")
    check(png[:8] == b"\x89PNG\r\n\x1a\n", "a PNG signature")
    width, height, depth, colour = struct.unpack(">IIBB", png[16:26])
    check((width, height, depth, colour) == (64, 48, 8, 6),
          f"64x48, 8-bit RGBA: {(width, height, depth, colour)}")
    for name, source in [("out_generated", ["--resolution", "64x48", "--seed", "6"]),
                         ("out_file", ["--input", "photo.png"])]:
        result = run(["image-compress", "--mode", "main", "--output-dir", name, "--csv",
                      name + ".csv"] + source + FAST, cwd)
        check(result.returncode == 0, f"image-compress {source} runs: {result.stderr}")
    outputs = [sorted(os.listdir(os.path.join(cwd, name)))
               for name in ["out_generated", "out_file"] if os.path.isdir(os.path.join(cwd, name))]
    check(len(outputs) == 2 and all(len(o) == 1 for o in outputs),
          f"one PNG from each run: {outputs}")
    if len(outputs) == 2 and all(len(o) == 1 for o in outputs):
        check(read(cwd, os.path.join("out_generated", outputs[0][0])) ==
              read(cwd, os.path.join("out_file", outputs[1][0])),
              "the written image compresses to the same PNG as the generated one")


def test_several(cwd):
    result = write_workload(cwd, ["json-parse", "--size", "1KB,2KB", "--write-workload",
                                  "c.json"])
    check(sorted(os.listdir(cwd)) == ["c-1000.json", "c-2000.json"],
          f"one file per size, tagged by its byte count: {sorted(os.listdir(cwd))}")
    check(len(result.stdout.splitlines()) == 2, "one line per file")
    check(all(len(read(cwd, f"c-{n}.json")) == n for n in [1000, 2000]), "each of its size")
    write_workload(cwd, ["image-compress", "--resolution", "32x16,16x8", "--write-workload",
                         "img.png"])
    check(os.path.exists(os.path.join(cwd, "img-32x16.png")) and
          os.path.exists(os.path.join(cwd, "img-16x8.png")), "images tagged by resolution")


def test_bad_input(cwd):
    with open(os.path.join(cwd, "mine.json"), "w") as f:
        f.write("[1, 2]")
    os.mkdir(os.path.join(cwd, "folder"))
    check_usage_error("json-parse", cwd, ["--write-workload", ""], ["--write-workload"])
    check_usage_error("json-parse", cwd, ["--write-workload", "folder"],
                      ["--write-workload", "is a folder"])
    check_usage_error("json-parse", cwd, ["--write-workload", "missing/c.json"],
                      ["--write-workload", "does not exist"])
    check_usage_error("json-parse", cwd, ["--input", "mine.json", "--write-workload", "c.json"],
                      ["--write-workload", "--input"])
    check_usage_error("json-parse", cwd, ["--write-workload", "c.json", "--csv", "c.csv"],
                      ["--write-workload", "--csv"])
    check_usage_error("spawn", cwd, ["--write-workload", "c.bin"], ["--write-workload"])
    # All or none: the second file's place is taken by a folder, so the first is not written.
    os.mkdir(os.path.join(cwd, "c-2000.json"))
    check_usage_error("json-parse", cwd, ["--size", "1KB,2KB", "--write-workload", "c.json"],
                      ["c-2000.json", "is a folder"])


run_group({"offered": test_offered, "same_data": test_same_data, "several": test_several,
           "bad_input": test_bad_input})

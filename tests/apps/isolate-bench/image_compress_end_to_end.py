#!/usr/bin/env python3
"""End-to-end checks of `isolate-bench image-compress`: --input with the held-out PNG files,
--output-dir files decoded here by a PNG reader written on Python's zlib (not libpng), unusable
files and settings answered with one line and exit 2, and the CSV report.

Usage: image_compress_end_to_end.py BINARY GROUP   (GROUP: input, bad_input, output_dir, csv)
"""
import os
import shutil
import struct
import zlib

from end_to_end import check, check_usage_error, read_csv, run, run_group

FAST = ["--fps", "1000", "--ui-work", "100us", "--warmup", "0", "-r", "1", "--quiet"]
MODES = ["main", "run", "worker", "transfer", "pool"]
METRICS = ["end_to_end_ns", "main_thread_ns", "copy_in_ns", "wake_up_ns", "encode_ns",
           "deflate_ns", "copy_out_ns", "copy_in_bytes", "raw_bytes", "png_bytes",
           "compression_ratio", "throughput_mb_per_s", "images_per_s", "parallel_speedup"]
DATA = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "scenarios",
                                    "image_compress", "tests", "data"))
SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def read_png_rgba8(path):
    """(width, height, pixels) of an 8-bit RGBA, non-interlaced PNG: every chunk's CRC checked,
    the IDAT stream inflated and unfiltered per the PNG specification."""
    with open(path, "rb") as f:
        data = f.read()
    check(data[:8] == SIGNATURE, f"{path}: the PNG signature")
    at, idat, kinds = 8, b"", []
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        kind, body = data[at + 4:at + 8], data[at + 8:at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length:at + 12 + length])
        check(crc == zlib.crc32(kind + body) & 0xFFFFFFFF, f"{path}: the CRC of {kind!r}")
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            check((depth, colour, interlace) == (8, 6, 0), f"{path}: 8-bit RGBA, no interlace")
        elif kind == b"IDAT":
            idat += body
        kinds.append(kind)
        at += 12 + length
    check(kinds[0] == b"IHDR" and kinds[-1] == b"IEND", f"{path}: IHDR first, IEND last")
    raw = zlib.decompress(idat)
    stride = width * 4
    check(len(raw) == height * (1 + stride), f"{path}: a filter byte and a row per line")
    pixels, previous = bytearray(), bytearray(stride)
    for y in range(height):
        kind, row = raw[y * (1 + stride)], bytearray(raw[y * (1 + stride) + 1:(y + 1) * (1 + stride)])
        for i in range(stride):
            left = row[i - 4] if i >= 4 else 0
            up = previous[i]
            upper_left = previous[i - 4] if i >= 4 else 0
            if kind == 1:
                row[i] = (row[i] + left) & 255
            elif kind == 2:
                row[i] = (row[i] + up) & 255
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - upper_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upper_left)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else upper_left)
                row[i] = (row[i] + predictor) & 255
            else:
                check(kind == 0, f"{path}: filter type {kind} is one of 0..4")
        pixels += row
        previous = row
    return width, height, bytes(pixels)


def test_input(cwd):
    shutil.copy(os.path.join(DATA, "photo_rgba.png"), os.path.join(cwd, "photo.png"))
    shutil.copy(os.path.join(DATA, "palette.png"), os.path.join(cwd, "palette.png"))
    with open(os.path.join(DATA, "photo_rgba.rgba"), "rb") as f:
        original = f.read()
    result = run(["image-compress", "--input", "photo.png", "--output-dir", "out",
                  "--workers", "2", "--no-color"] + FAST, cwd)
    check(result.returncode == 0, f"--input photo.png runs: {result.stderr}")
    check("input 'photo.png' (61x41, 10004 bytes RGBA8, from 8-bit RGBA)" in result.stdout,
          f"the input is described: {result.stdout[-2000:]}")
    check("every mode's PNG equalled the reference" in result.stdout, "the modes agreed")
    written = os.listdir(os.path.join(cwd, "out"))
    check(written == ["image-compress-photo-zlib-6.png"], f"one PNG written: {written}")
    width, height, pixels = read_png_rgba8(os.path.join(cwd, "out", written[0]))
    check((width, height) == (61, 41) and pixels == original,
          "the written PNG holds exactly the input's pixels")
    converted = run(["image-compress", "--input", "palette.png", "--mode", "main,worker"] + FAST,
                    cwd)
    check(converted.returncode == 0, f"a palette PNG is converted: {converted.stderr}")
    check("from 8-bit palette" in converted.stdout, "the conversion is stated")


def expect_usage_error(cwd, args, named):
    check_usage_error("image-compress", cwd, args, named)


def test_bad_input(cwd):
    with open(os.path.join(DATA, "photo_rgba.png"), "rb") as f:
        good = f.read()
    files = {
        "text.png": b"just text, not an image\n",
        "empty.png": b"",
        "truncated.png": good[:len(good) // 2],
        "header_only.png": good[:20],
        "crc.png": good[:len(good) // 2] + bytes([good[len(good) // 2] ^ 0x55]) + good[len(good) // 2 + 1:],
        # A valid header claiming 100000 x 100000 pixels: 40 GB as RGBA8.
        "huge.png": SIGNATURE + chunk(b"IHDR", struct.pack(">IIBBBBB", 100000, 100000, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\0" * 16)) + chunk(b"IEND", b""),
        "a_file": b"x",
    }
    for name, content in files.items():
        with open(os.path.join(cwd, name), "wb") as f:
            f.write(content)
    cases = [
        (["--input", "text.png"], ["--input", "not a PNG"]),
        (["--input", "empty.png"], ["--input", "not a PNG"]),
        (["--input", "truncated.png"], ["--input", "corrupt or truncated"]),
        (["--input", "header_only.png"], ["--input", "corrupt or truncated"]),
        (["--input", "crc.png"], ["--input", "corrupt or truncated"]),
        (["--input", "huge.png"], ["--input", "100000x100000", "40000000000 bytes"]),
        (["--input", "absent.png"], ["--input", "absent.png"]),
        (["--input", "text.png", "--resolution", "720p"], ["--resolution", "--input"]),
        (["--resolution", "1080p,1920x1080"], ["--resolution", "named twice"]),
        (["--resolution", "0x10"], ["--resolution", "WIDTHxHEIGHT"]),
        (["--resolution", "8K"], ["--resolution", "720p, 1080p, 4K"]),
        (["--resolution", "65535x65535", "--images", "1000"], ["--resolution", "smaller"]),
        (["--level", "10"], ["--level", "0..9 for zlib"]),
        (["--level", "13", "--codec", "libdeflate"], ["--level"]),
        (["--codec", "gzip"], ["--codec"]),
        (["--codec", "zlib,zlib"], ["--codec"]),
        (["--workers", "0"], ["--workers"]),
        (["--images", "1001"], ["--images"]),
        (["--output-dir", "a_file"], ["--output-dir", "not a folder"]),
        (["--output-dir", "a_file/inside"], ["--output-dir", "not a folder"]),
        (["--output-dir", ""], ["--output-dir"]),
    ]
    for args, named in cases:
        expect_usage_error(cwd, args, named)


def test_output_dir(cwd):
    result = run(["image-compress", "--resolution", "33x7,8x8", "--codec", "zlib,libdeflate",
                  "--level", "9", "--output-dir", "new/images", "--mode", "main"] + FAST, cwd)
    check(result.returncode == 0, f"--output-dir runs: {result.stderr}")
    folder = os.path.join(cwd, "new", "images")
    names = sorted(os.listdir(folder))
    check(names == ["image-compress-33x7-libdeflate-9.png", "image-compress-33x7-zlib-9.png",
                    "image-compress-8x8-libdeflate-9.png", "image-compress-8x8-zlib-9.png"],
          f"one PNG per resolution and codec, no temporary left: {names}")
    for size, (width, height) in [("33x7", (33, 7)), ("8x8", (8, 8))]:
        decoded = [read_png_rgba8(os.path.join(folder, f"image-compress-{size}-{codec}-9.png"))
                   for codec in ("zlib", "libdeflate")]
        check(decoded[0] == decoded[1], f"{size}: both codecs' PNGs hold the same pixels")
        check(decoded[0][:2] == (width, height), f"{size}: the PNG's size")
        check(all(decoded[0][2][i] == 255 for i in range(3, len(decoded[0][2]), 4)),
              f"{size}: the generated photo is opaque")
        path = f"new/images/image-compress-{size}-zlib-9.png"
        # The report wraps its sentences at the terminal's width: compare them unwrapped.
        check(f"Its PNG goes to {path} with the reports." in " ".join(result.stdout.split()),
              f"the conclusions name the path asked for: {result.stdout}")
        check(f"Output file: {path}\n" in result.stdout, "the files written are listed")
    plain = run(["image-compress", "--resolution", "8x8", "--mode", "main"] + FAST, cwd)
    check(plain.returncode == 0 and "Its PNG goes to" not in plain.stdout
          and "Output file" not in plain.stdout, "without --output-dir nothing is written")
    # The PNGs are written with the reports, all or none: a report that cannot be written takes
    # them with it, and a PNG already there is left as it was.
    failing = os.path.join(cwd, "failing")
    os.makedirs(failing)
    kept = os.path.join(failing, "image-compress-8x8-zlib-6.png")
    with open(kept, "wb") as f:
        f.write(b"an earlier file")
    for extra in (["--json", "/dev/full"], ["--csv", "/dev/full"]):
        where = f"--output-dir with {' '.join(extra)}"
        failed = run(["image-compress", "--resolution", "8x8,5x3", "--mode", "main",
                      "--output-dir", failing] + extra + FAST, cwd)
        check(failed.returncode == 1, f"{where}: exit 1, got {failed.returncode}: {failed.stderr}")
        check(len(failed.stderr.strip().splitlines()) == 1, f"{where}: one line: {failed.stderr}")
        check(sorted(os.listdir(failing)) == ["image-compress-8x8-zlib-6.png"],
              f"{where}: no PNG written and no temporary left: {os.listdir(failing)}")
        with open(kept, "rb") as f:
            check(f.read() == b"an earlier file", f"{where}: the earlier file is untouched")



def test_csv(cwd):
    result = run(["image-compress", "--resolution", "40x30", "--workers", "2", "--images", "4",
                  "--csv", "out.csv"] + FAST, cwd)
    check(result.returncode == 0, f"image-compress runs: {result.stderr}")
    header, rows = read_csv(os.path.join(cwd, "out.csv"))
    metric_columns = [c for c in header if c in METRICS]
    check(metric_columns == METRICS, f"metric columns in order: {metric_columns}")
    repetitions = [r for r in rows if r["row_type"] == "repetition"]
    check(sorted(r["mode"] for r in repetitions) == sorted(MODES), "every mode measured once")
    for r in repetitions:
        check(r["parameters"] == "width=40;height=30;codec=zlib;level=6;workers=2;images=4",
              f"the parameters: {r['parameters']}")
        check(r["baseline"] == ("true" if r["mode"] == "main" else "false"), "main is baseline")
        check(float(r["raw_bytes"]) == 40 * 30 * 4, "raw bytes are width x height x 4")
        check(float(r["compression_ratio"]) > 0, "a ratio")
        for key in METRICS:
            check(r[key] != "" and float(r[key]) >= 0, f"{r['mode']}: {key} filled: {r[key]!r}")
        if r["mode"] != "pool":
            check(float(r["parallel_speedup"]) == 1.0, f"{r['mode']}: one isolate at a time")
    check("`pool` with 2 workers compresses 4 images per batch" in result.stdout,
          "the pool's conclusion")


run_group({"input": test_input, "bad_input": test_bad_input, "output_dir": test_output_dir,
           "csv": test_csv})

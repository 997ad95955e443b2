#!/usr/bin/env python3
"""--frames PATH: every scenario writes one row per VSync of every repetition, and each row's
status agrees with its times and with the frame metrics of the report.

Usage: frames_end_to_end.py BINARY GROUP   (GROUP: every_scenario)

The display runs at 1000 fps with 2.5 ms of UI work per frame: every frame is rendered at least
2.5 ms after its VSync, past the 1 ms deadline, so every rendered frame is janky by
construction, and VSyncs pile up behind each frame and are dropped.
"""
import os

from end_to_end import SMALL, check, read_csv, run, run_group, scenarios

FRAMES_HEADER = ["scenario", "mode", "parameter_set", "parameters", "repetition",
                 "representative", "vsync", "due_ns", "started_ns", "finished_ns", "status"]
SLOW_FRAMES = ["--fps", "1000", "--ui-work", "2500us", "--warmup", "0", "-r", "2", "--quiet"]


def check_repetition(where, frames, report_row, fps):
    """The VSyncs of one repetition against the report's row of the same repetition."""
    period = round(1e9 / fps)
    check([int(f["vsync"]) for f in frames] == list(range(len(frames))),
          f"{where}: VSyncs numbered 0, 1, 2... in order")
    for f in frames:
        n = int(f["vsync"])
        at = f"{where} VSync {n}"
        check(int(f["due_ns"]) == round(n * 1e9 / fps), f"{at}: due at n/fps: {f['due_ns']}")
        rendered = f["started_ns"] != "" and f["finished_ns"] != ""
        if not rendered:
            check(f["status"] == "dropped" and f["started_ns"] == f["finished_ns"] == "",
                  f"{at}: no frame, so dropped: {f}")
            continue
        due, started, finished = int(f["due_ns"]), int(f["started_ns"]), int(f["finished_ns"])
        check(due <= started <= finished, f"{at}: due <= started <= finished: {f}")
        expected = "janky" if finished > due + period else "on_time"
        check(f["status"] == expected, f"{at}: {expected} by its times, got {f['status']}")
        check(f["status"] == "janky", f"{at}: 2.5 ms of UI work at 1000 fps is janky: {f}")
    for status, metric in (("dropped", "frames_dropped"), ("janky", "frames_janky")):
        counted = sum(f["status"] == status for f in frames)
        check(counted == int(report_row[metric]),
              f"{where}: {counted} {status} rows, the report's {metric} {report_row[metric]}")
    check({f["representative"] for f in frames} <= {report_row["representative"]},
          f"{where}: representative as in the report")


def test_every_scenario(cwd):
    dropped = 0
    for scenario in scenarios(cwd):
        results, frames_csv = f"{scenario}.csv", f"{scenario}-frames.csv"
        result = run([scenario, "--csv", results, "--frames", frames_csv]
                     + SMALL.get(scenario, []) + SLOW_FRAMES, cwd)
        check(result.returncode == 0, f"{scenario}: runs with --frames: {result.stderr}")
        if result.returncode != 0:
            continue
        header, frames = read_csv(os.path.join(cwd, frames_csv))
        check(header == FRAMES_HEADER, f"{scenario}: the documented columns: {header}")
        _, report = read_csv(os.path.join(cwd, results))
        repetitions = [r for r in report if r["row_type"] == "repetition"]
        by_repetition = {}
        for f in frames:
            key = (f["mode"], f["parameter_set"], f["repetition"])
            by_repetition.setdefault(key, []).append(f)
        # A repetition may have no row: a window the VSync thread never woke in (on a loaded
        # machine) holds no VSync, and the report counts none.
        keys = {(r["mode"], r["parameter_set"], r["repetition"]) for r in repetitions}
        check(set(by_repetition) <= keys,
              f"{scenario}: VSyncs of the report's repetitions only: {sorted(by_repetition)}")
        check(len(by_repetition) > 0, f"{scenario}: VSyncs in the file")
        check(all(f["scenario"] == scenario for f in frames), f"{scenario}: scenario column")
        parameters = {r["parameter_set"]: r["parameters"] for r in repetitions}
        check(all(f["parameters"] == parameters.get(f["parameter_set"]) for f in frames),
              f"{scenario}: parameters as in the report")
        for row in repetitions:
            key = (row["mode"], row["parameter_set"], row["repetition"])
            check_repetition(f"{scenario} {' '.join(key)}", by_repetition.get(key, []), row,
                             float(row["fps"]))
        dropped += sum(f["status"] == "dropped" for f in frames)
    check(dropped > 0, "frames 2.5 times the period drop VSyncs somewhere")


run_group({"every_scenario": test_every_scenario})

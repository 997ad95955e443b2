"""The frames CSV (`--frames PATH`, results/README.md "Frames CSV") read and matched with the
results CSV of the same run: the VSyncs of each mode's representative repetition."""
from dataclasses import dataclass

from plotting.errors import InputError
from plotting.results import read_rows, require_columns

ACCEPTED = "accepted: the --frames CSV of the run that wrote RESULTS.csv (results/README.md)"
COLUMNS = ["scenario", "mode", "parameter_set", "repetition", "vsync", "due_ns", "started_ns",
           "finished_ns", "status"]
STATUSES = ("on_time", "janky", "dropped")


@dataclass
class Vsync:
    index: int
    due_ns: int
    started_ns: int | None  # None: dropped
    finished_ns: int | None
    status: str  # on_time, janky or dropped, as the frames library classified it

    @property
    def frame_time_ns(self):
        """VSync due to its frame finished: how long the user waited for this frame."""
        return None if self.finished_ns is None else self.finished_ns - self.due_ns


def integer(path, text, column, line):
    try:
        return int(text)
    except ValueError:
        raise InputError(f"FRAMES.csv '{path}': line {line}: {column} {text!r} is not a whole "
                         f"number; {ACCEPTED}")


def read_frames(path, results):
    """{(parameter set label, mode): [Vsync...]} of every mode's representative repetition in
    `results`, checked against it: the same scenario, and as many dropped and janky VSyncs as
    the report counted for that repetition."""
    header, rows = read_rows(path, "FRAMES.csv")
    require_columns(path, "FRAMES.csv", header, COLUMNS, ACCEPTED)
    wanted = {}
    for s in results.sets:
        for mode in s.modes.values():
            wanted[(s.label, mode.name, str(mode.representative().index))] = []
    for line, row in enumerate(rows, start=2):
        if row["scenario"] != results.scenario:
            raise InputError(f"FRAMES.csv '{path}': line {line} is of {row['scenario']!r}, "
                             f"RESULTS.csv of {results.scenario!r}; {ACCEPTED}")
        key = (row["parameter_set"], row["mode"], row["repetition"])
        if key not in wanted:
            continue
        status = row["status"]
        if status not in STATUSES:
            raise InputError(f"FRAMES.csv '{path}': line {line}: status {status!r}; accepted: "
                             "on_time, janky or dropped")
        rendered = row["started_ns"] != "" and row["finished_ns"] != ""
        if rendered == (status == "dropped"):
            raise InputError(f"FRAMES.csv '{path}': line {line}: status {status} with "
                             f"{'a' if rendered else 'no'} start and end; {ACCEPTED}")
        times = {c: integer(path, row[c], c, line) if row[c] != "" else None
                 for c in ("vsync", "due_ns", "started_ns", "finished_ns")}
        if times["vsync"] is None or times["due_ns"] is None:
            raise InputError(f"FRAMES.csv '{path}': line {line}: no vsync or due_ns; {ACCEPTED}")
        wanted[key].append(Vsync(times["vsync"], times["due_ns"], times["started_ns"],
                                 times["finished_ns"], status))

    out = {}
    for s in results.sets:
        for mode in s.modes.values():
            repetition = mode.representative()
            vsyncs = wanted[(s.label, mode.name, str(repetition.index))]
            where = f"{mode.name} at {s.label!r}, repetition {repetition.index}"
            # A window can hold no VSync at all (a display thread that never got a core): then
            # the report counted nothing either, which the check below confirms.
            dropped = sum(v.status == "dropped" for v in vsyncs)
            janky = sum(v.status == "janky" for v in vsyncs)
            if (dropped, janky) != (repetition.frames_dropped, repetition.frames_janky):
                raise InputError(
                    f"FRAMES.csv '{path}': {where} has {dropped} dropped and {janky} janky "
                    f"VSyncs, RESULTS.csv counted {repetition.frames_dropped} and "
                    f"{repetition.frames_janky}; {ACCEPTED}")
            out[(s.label, mode.name)] = sorted(vsyncs, key=lambda v: v.index)
    return out


def slowest_frame_ns(frames):
    """The longest frame time among the VSyncs of `frames` (lists of Vsync); 0 when none."""
    times = [v.frame_time_ns for vsyncs in frames for v in vsyncs if v.frame_time_ns is not None]
    return max(times, default=0)

"""The results CSV (results/README.md) read into what the charts need, every value checked.

Only documented columns are read: the identity columns, the primary metric (the first column
after the identity columns, which end with `stop`), `main_thread_ns` where the scenario has it,
the frame metrics `frames_dropped` and `frames_janky`, and the settings and environment columns.
"""
import csv
import math
from dataclasses import dataclass, field

from plotting.errors import InputError

ACCEPTED = "accepted: a CSV report written by isolate-bench (results/README.md)"

IDENTITY = ["scenario", "row_type", "mode", "baseline", "parameter_set", "parameters",
            "repetition", "representative", "statistic", "unstable", "speedup_vs_baseline",
            "speedup_low", "speedup_high", "verdict", "stop"]
FRAME_METRICS = ["frames_dropped", "frames_janky"]
ENVIRONMENT = ["fps", "cpu_model", "logical_cores", "build_type", "commit", "timestamp_utc",
               "command_line"]
BUSY = "main_thread_ns"  # the main isolate's own time, in the scenarios that measure it


@dataclass
class Repetition:
    index: int
    representative: bool
    frames_dropped: int
    frames_janky: int


@dataclass
class ModeStats:
    name: str
    baseline: bool
    median: float = math.nan
    low: float = math.nan   # the minimum over the repetitions
    high: float = math.nan  # the maximum
    count: int = 0
    busy_median: float | None = None
    dropped_median: float = math.nan
    speedup: float | None = None  # baseline / this mode, > 1 is better (speedup_vs_baseline)
    verdict: str = ""
    repetitions: dict = field(default_factory=dict)  # index -> Repetition

    def representative(self):
        return next(r for r in self.repetitions.values() if r.representative)


@dataclass
class ParameterSet:
    label: str
    parameters: dict  # key -> value text, in the column's order
    modes: dict = field(default_factory=dict)  # mode name -> ModeStats, in run order


@dataclass
class Results:
    path: str
    scenario: str
    primary: str  # the primary metric's column
    has_busy: bool
    environment: dict
    sets: list  # ParameterSet, in the CSV's order

    @property
    def fps(self):
        return float(self.environment["fps"])

    @property
    def frame_budget_ns(self):
        return 1e9 / self.fps

    @property
    def primary_is_time(self):
        return self.primary.endswith("_ns")

    def mode_names(self):
        names = []
        for s in self.sets:
            names += [m for m in s.modes if m not in names]
        return names


def read_rows(path, what):
    """The header and rows of the CSV at `path`; InputError for an unreadable or non-CSV file."""
    try:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f, strict=True))
    except FileNotFoundError:
        raise InputError(f"{what} '{path}': no such file; accepted: the path of a CSV file")
    except IsADirectoryError:
        raise InputError(f"{what} '{path}': a folder, not a file; accepted: a CSV file")
    except PermissionError:
        raise InputError(f"{what} '{path}': not readable (permission denied); accepted: a "
                         "CSV file you can read")
    except (UnicodeDecodeError, csv.Error, ValueError) as error:
        reason = "not UTF-8 text" if isinstance(error, UnicodeDecodeError) else str(error)
        raise InputError(f"{what} '{path}': not a CSV file ({reason}); {ACCEPTED}")
    if not rows:
        raise InputError(f"{what} '{path}': empty; {ACCEPTED}")
    header = rows[0]
    body = []
    for number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != len(header):
            raise InputError(f"{what} '{path}': line {number} has {len(row)} fields, the header "
                             f"{len(header)}; {ACCEPTED}")
        body.append(dict(zip(header, row)))
    return header, body


def require_columns(path, what, header, columns, accepted=ACCEPTED):
    missing = [c for c in columns if c not in header]
    if missing:
        raise InputError(f"{what} '{path}': not an isolate-bench CSV: no column "
                         f"{', '.join(repr(c) for c in missing[:3])}; {accepted}")


def number(path, row, column, line, finite=True):
    text = row[column]
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"'{path}': column {column} of a {row['row_type']} row of "
                         f"{row['mode']} holds {text!r}, not a number; {ACCEPTED}")
    if finite and not math.isfinite(value):
        raise InputError(f"'{path}': column {column} of a {row['row_type']} row of "
                         f"{row['mode']} holds {text!r}, not a finite number; {ACCEPTED}")
    return value


def parse_parameters(text):
    """`key=value;key=value` as an ordered dict (the `parameters` column)."""
    out = {}
    for part in text.split(";") if text else []:
        key, _, value = part.partition("=")
        out[key] = value
    return out


def read_results(path):
    header, rows = read_rows(path, "RESULTS.csv")
    if "vsync" in header and "status" in header and "row_type" not in header:
        raise InputError(f"RESULTS.csv '{path}': a frames CSV (--frames), not the report; "
                         "accepted: the report (--csv) first, its frames CSV after --frames")
    require_columns(path, "RESULTS.csv", header, IDENTITY + FRAME_METRICS + ENVIRONMENT)
    primary_at = header.index("stop") + 1
    if primary_at >= len(header) or header[primary_at] in ENVIRONMENT + FRAME_METRICS:
        raise InputError(f"RESULTS.csv '{path}': no metric column after the identity columns; "
                         f"{ACCEPTED}")
    primary = header[primary_at]
    if not rows:
        raise InputError(f"RESULTS.csv '{path}': a header without rows; {ACCEPTED}")
    scenarios = {r["scenario"] for r in rows}
    if len(scenarios) != 1:
        raise InputError(f"RESULTS.csv '{path}': rows of {len(scenarios)} scenarios "
                         f"({', '.join(sorted(scenarios))}); accepted: one run's report")
    has_busy = BUSY in header and primary.endswith("_ns")

    sets = {}
    for line, row in enumerate(rows, start=2):
        kind = row["row_type"]
        if kind not in ("repetition", "summary", "setup"):
            raise InputError(f"RESULTS.csv '{path}': line {line}: row_type {kind!r}; accepted: "
                             "repetition, summary or setup rows (results/README.md)")
        label = row["parameter_set"]
        s = sets.setdefault(label, ParameterSet(label, parse_parameters(row["parameters"])))
        mode = s.modes.setdefault(row["mode"], ModeStats(row["mode"], row["baseline"] == "true"))
        if kind == "repetition":
            index = int(number(path, row, "repetition", line))
            mode.repetitions[index] = Repetition(
                index, row["representative"] == "true",
                int(number(path, row, "frames_dropped", line)),
                int(number(path, row, "frames_janky", line)))
        elif kind == "summary":
            statistic = row["statistic"]
            if statistic == "median":
                mode.median = number(path, row, primary, line)
                mode.dropped_median = number(path, row, "frames_dropped", line)
                if has_busy and row[BUSY] != "":
                    mode.busy_median = number(path, row, BUSY, line)
                if row["speedup_vs_baseline"] != "":
                    mode.speedup = number(path, row, "speedup_vs_baseline", line, finite=False)
                mode.verdict = row["verdict"]
            elif statistic == "min":
                mode.low = number(path, row, primary, line)
            elif statistic == "max":
                mode.high = number(path, row, primary, line)
            elif statistic == "count":
                mode.count = int(number(path, row, primary, line))

    for s in sets.values():
        for mode in s.modes.values():
            where = f"RESULTS.csv '{path}': {mode.name} at {s.label!r}"
            if any(math.isnan(v) for v in (mode.median, mode.low, mode.high)):
                raise InputError(f"{where}: no summary rows (median, min, max) of {primary}; "
                                 f"{ACCEPTED}")
            if not mode.repetitions:
                raise InputError(f"{where}: no repetition rows; {ACCEPTED}")
            marked = [r for r in mode.repetitions.values() if r.representative]
            if len(marked) != 1:
                raise InputError(f"{where}: {len(marked)} repetitions marked representative, "
                                 f"not one; {ACCEPTED}")
        if sum(m.baseline for m in s.modes.values()) != 1:
            raise InputError(f"RESULTS.csv '{path}': {s.label!r} has no single baseline mode; "
                             f"{ACCEPTED}")
    environment = {column: rows[0][column] for column in ENVIRONMENT}
    try:
        fps = float(environment["fps"])
    except ValueError:
        fps = math.nan
    if not 1 <= fps <= 1000:
        raise InputError(f"RESULTS.csv '{path}': fps {environment['fps']!r} is not a rate "
                         f"from 1 to 1000; {ACCEPTED}")
    return Results(path, rows[0]["scenario"], primary, has_busy, environment, list(sets.values()))

#!/usr/bin/env python3
"""Nothing lost, nothing hangs: every scenario's reports under concurrent runs, failing outputs,
signals and memory limits.

Usage: reliability_end_to_end.py BINARY GROUP
  GROUP: concurrent_reports, failing_stdout, all_or_none, output_paths, signals,
         signals_on_a_terminal, memory_limit

Each group runs against every scenario `list` names, so a new scenario is covered without an
edit here (SMALL only makes the known ones quicker).
"""
import os
import re
import resource
import select
import signal
import subprocess
import time

from end_to_end import (BINARY, SMALL, check, check_refused, folder_listing, run, run_group,
                        scenarios)

FAST = ["--fps", "1000", "--ui-work", "100us", "--warmup", "0", "-r", "1", "--quiet"]


# A workload of each known scenario too large for a 1 GiB address space.
HEAVY = {"json-parse": ["--size", "20MB"], "sha256": ["--size", "200MB"],
         "spawn": ["--payload", "400MB"], "messages": ["--size", "300MB"],
         "isolate-memory": ["--isolates", "2000"]}


def listed_scenarios(cwd):
    names = scenarios(cwd)
    check(len(names) >= 2, f"list names the scenarios: {names}")
    return names


def first_mode(scenario, cwd):
    lines = run([scenario, "--help"], cwd).stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Modes (--mode"))
    return lines[start + 1].split()[0]


def quick(scenario, cwd):
    return [scenario, "--mode", first_mode(scenario, cwd)] + SMALL.get(scenario, []) + FAST


def one_line(result, where):
    lines = result.stderr.strip().splitlines()
    check(len(lines) == 1, f"{where}: one line on stderr, got {result.stderr!r}")


def test_concurrent_reports(cwd):
    """24 runs at once into one results folder leave 24 CSVs: a name two runs chose in the same
    second is taken by one, the other takes the next suffix."""
    for scenario in listed_scenarios(cwd):
        results = os.path.join(cwd, scenario)
        args = [BINARY] + quick(scenario, cwd) + ["--results-dir", results]
        runs = [subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True) for _ in range(24)]
        codes = [p.wait(timeout=240) for p in runs]
        errors = [p.stderr.read() for p in runs]
        check(codes == [0] * 24, f"{scenario}: 24 concurrent runs exit 0: {codes} {errors[:2]}")
        files = sorted(os.listdir(results))
        csvs = [name for name in files if name.endswith(".csv") and not name.startswith(".")]
        check(len(csvs) == 24, f"{scenario}: 24 CSVs in the folder, got {len(csvs)}: {files}")
        check(len(files) == len(csvs), f"{scenario}: nothing else left in the folder: {files}")


def test_failing_stdout(cwd):
    """A full stdout is a failed run: exit 1 with one line, and no report file left behind."""
    for scenario in listed_scenarios(cwd):
        for extra in (["--csv", "-"], ["--json", "-", "--csv", "out.csv"], ["--format", "markdown"],
                      []):
            where = f"{scenario} {' '.join(extra)} > /dev/full"
            with open("/dev/full", "w") as full:
                result = subprocess.run([BINARY] + quick(scenario, cwd) + extra
                                        + ["--results-dir", "results"], cwd=cwd, stdout=full,
                                        stderr=subprocess.PIPE, text=True, timeout=240)
            check(result.returncode == 1, f"{where}: exit 1, got {result.returncode}")
            one_line(result, where)
            check("stdout" in result.stderr, f"{where}: stderr names stdout: {result.stderr!r}")
            check(folder_listing(cwd) in ([], ["results"]), f"{where}: no report file written: "
                  f"{folder_listing(cwd)}")


def test_all_or_none(cwd):
    """A report that cannot be written takes the run's other reports with it."""
    for scenario in listed_scenarios(cwd):
        results = os.path.join(cwd, scenario)
        for extra in (["--results-dir", results, "--json", "/dev/full"],
                      ["--csv", "/dev/full", "--json", os.path.join(results, "out.json")],
                      ["--results-dir", results, "--frames", "/dev/full"],
                      ["--csv", "/dev/full", "--frames", os.path.join(results, "f.csv")]):
            os.makedirs(results, exist_ok=True)
            where = f"{scenario} {' '.join(extra)}"
            result = run(quick(scenario, cwd) + extra, cwd)
            check(result.returncode == 1, f"{where}: exit 1, got {result.returncode}")
            one_line(result, where)
            check(os.listdir(results) == [], f"{where}: no report and no temporary file left: "
                  f"{os.listdir(results)}")


def test_output_paths(cwd):
    """Two reports on one path, and folders no file can be created in, are refused before any
    work: exit 2, one line, nothing written."""
    for scenario in listed_scenarios(cwd):
        base = quick(scenario, cwd)
        os.makedirs(os.path.join(cwd, "sub"), exist_ok=True)
        before = folder_listing(cwd)
        cases = [(["--csv", "same", "--json", "same"], "--csv"),
                 (["--csv", "sub/../same.out", "--json", "same.out"], "--csv"),
                 (["--results-dir", "/proc/forbidden"], "--results-dir"),
                 (["--csv", "/proc/report.csv"], "--csv"),
                 (["--json", "/proc/report.json"], "--json"),
                 (["--frames", "/proc/frames.csv"], "--frames"),
                 (["--frames", "-"], "--frames"),
                 (["--csv", "same", "--frames", "same"], "--frames")]
        for extra, named in cases:
            result = run(base + extra, cwd)
            check_refused(result, f"{scenario} {' '.join(extra)}", named, cwd, before)
            check("At Most" not in result.stderr, "the tool's own words")
        # Raw bytes the user typed are shown escaped: no terminal control reaches stderr.
        raw = run(base + ["--json", "no/such/\x1b[31mred\x07.json"], cwd)
        check_refused(raw, f"{scenario} --json with control bytes", "--json", cwd, before)
        check("\x1b" not in raw.stderr and "\x07" not in raw.stderr and "\\x1b[31mred" in
              raw.stderr, f"{scenario}: control bytes escaped: {raw.stderr!r}")
        repeated = run(base + ["--seed", "1", "--seed", "2"], cwd)
        check_refused(repeated, f"{scenario} --seed 1 --seed 2", "--seed", cwd, before)
        check("more than once" in repeated.stderr and "At Most" not in repeated.stderr,
              f"{scenario}: an option given twice is named in the tool's words: "
              f"{repeated.stderr!r}")


def test_signals(cwd):
    """SIGINT and SIGTERM end a run with 130 and 143, one line, and no file left behind."""
    for scenario in listed_scenarios(cwd):
        for sent, code in ((signal.SIGINT, 130), (signal.SIGTERM, 143)):
            results = os.path.join(cwd, f"{scenario}-{sent.name}")
            where = f"{scenario} {sent.name}"
            # 1000 repetitions at 60 fps: far longer than the second before the signal.
            process = subprocess.Popen(
                [BINARY, scenario, "--mode", first_mode(scenario, cwd), "-r", "1000",
                 "--results-dir", results] + SMALL.get(scenario, []),
                cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            time.sleep(1.5)
            check(process.poll() is None, f"{where}: still running when the signal is sent")
            process.send_signal(sent)
            try:
                out, err = process.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                out, err = process.communicate()
                check(False, f"{where}: the run ends after the signal")
            check(process.returncode == code, f"{where}: exit {code}, got {process.returncode}")
            check(len(err.strip().splitlines()) == 1 and sent.name in err,
                  f"{where}: one line naming the signal: {err!r}")
            left = os.listdir(results) if os.path.isdir(results) else []
            check(left == [], f"{where}: no report and no temporary file left: {left}")


# A progress line as drawn on a terminal: `main · repetition 3/1000 · ...`.
PROGRESS = re.compile(r"(?:repetition|warm-up) \d+")
ERASE_LINE = "\r\033[K"


def read_pty(fd, until, seconds):
    """Reads the pty's master side into a string until `until(text)` holds, the other side is
    closed, or `seconds` pass; returns what was read."""
    data = b""
    deadline = time.monotonic() + seconds
    while not until(data.decode("utf-8", "replace")):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: no process holds the terminal any more
            break
        if not chunk:
            break
        data += chunk
    return data.decode("utf-8", "replace")


def screen(text):
    """What a terminal shows after `text`: carriage return, line feed, erase to the end of the
    line, and printable characters written over what is there. Any other control sequence is
    kept as written, so a check on the screen sees it."""
    lines, row, col = [[]], 0, 0
    i = 0
    while i < len(text):
        if text.startswith("\033[K", i):
            del lines[row][col:]
            i += 3
            continue
        char = text[i]
        if char == "\r":
            col = 0
        elif char == "\n":
            row += 1
            if row == len(lines):
                lines.append([])
        else:
            line = lines[row]
            line.extend(" " * (col - len(line)))
            if col < len(line):
                line[col] = char
            else:
                line.append(char)
            col += 1
        i += 1
    return ["".join(line) for line in lines]


def test_signals_on_a_terminal(cwd):
    """On a terminal, SIGINT and SIGTERM during a progress line end the run with 130 and 143,
    the progress line erased and the one-line message on a line of its own from column 0, and no
    file left behind."""
    for scenario in listed_scenarios(cwd):
        for sent, code, message in ((signal.SIGINT, 130, "isolate-bench: interrupted by SIGINT"),
                                    (signal.SIGTERM, 143, "isolate-bench: terminated by SIGTERM")):
            results = os.path.join(cwd, f"{scenario}-{sent.name}-tty")
            where = f"{scenario} {sent.name} on a terminal"
            master, slave = os.openpty()
            try:
                # stdout and stderr on the terminal, as a user running it sees them.
                process = subprocess.Popen(
                    [BINARY, scenario, "--mode", first_mode(scenario, cwd), "-r", "1000",
                     "--results-dir", results] + SMALL.get(scenario, []),
                    cwd=cwd, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
                os.close(slave)
                slave = None
                # The line is drawn after the run's first second.
                before = read_pty(master, lambda text: PROGRESS.search(text), 60)
                drawn = PROGRESS.search(before) is not None
                check(drawn, f"{where}: a progress line is drawn: {before!r}")
                check(process.poll() is None, f"{where}: still running when the signal is sent")
                if process.poll() is None:
                    process.send_signal(sent)
                text = before + read_pty(master, lambda text: False, 60)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
                    check(False, f"{where}: the run ends after the signal")
            finally:
                os.close(master)
                if slave is not None:
                    os.close(slave)
            check(process.returncode == code, f"{where}: exit {code}, got {process.returncode}")
            # The terminal turns the message's "\n" into "\r\n".
            check(text.endswith(message + "\r\n") and text.count("isolate-bench:") == 1,
                  f"{where}: the output ends with the one-line message: {text[-200:]!r}")
            if drawn:
                last = list(PROGRESS.finditer(text))[-1]
                between = text[last.end():text.rfind(message)]
                check(between.endswith(ERASE_LINE) or between.endswith("\n"),
                      f"{where}: the progress line is erased (or ended) before the message: "
                      f"{text[last.start():]!r}")
            shown = [line for line in screen(text) if line.strip()]
            check(shown == [message], f"{where}: the terminal shows the message alone, from "
                  f"column 0 and with no progress text left: {shown!r}")
            left = os.listdir(results) if os.path.isdir(results) else []
            check(left == [], f"{where}: no report and no temporary file left: {left}")


def limit_address_space(limit):
    return lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def test_memory_limit(cwd):
    """Under `ulimit -v`, a run that cannot fit is refused (exit 2) or fails (exit 1) with one
    line, never an abort; json-parse refuses an --input too large for the limit before reading
    it."""
    limit = 1 << 30
    for scenario in listed_scenarios(cwd):
        args = [scenario] + HEAVY.get(scenario, []) + FAST + ["--results-dir", "heavy"]
        result = subprocess.run([BINARY] + args, cwd=cwd, capture_output=True,
                                text=True, timeout=240, preexec_fn=limit_address_space(limit))
        where = f"{scenario} under a 1 GiB address-space limit"
        check(result.returncode in (0, 1, 2), f"{where}: exit 0, 1 or 2, got {result.returncode}:"
              f" {result.stderr!r}")
        if result.returncode != 0:
            one_line(result, where)
    # json-parse's address space peaked at 1.08 GB with --size 20MB (measured): 20 MB cannot fit
    # 1 GiB and is refused before any work, not found out by an allocation failure mid-run.
    before = folder_listing(cwd)
    result = subprocess.run([BINARY, "json-parse", "--size", "20MB"] + FAST, cwd=cwd,
                            capture_output=True, text=True, timeout=240,
                            preexec_fn=limit_address_space(limit))
    check_refused(result, "json-parse --size 20MB under 1 GiB", "--size", cwd, before)
    with open(os.path.join(cwd, "big.json"), "wb") as f:
        f.truncate(300 * 1000 * 1000)  # sparse, no disk used: it must be refused unread
    with open(os.path.join(cwd, "numbers.json"), "w") as f:
        f.write("[" + "0," * 1000000 + "0]")  # 2 MB, but a million values to decode
    for name, what in (("big.json", "300 MB"), ("numbers.json", "a million values")):
        before = folder_listing(cwd)
        result = subprocess.run([BINARY, "json-parse", "--input", name] + FAST, cwd=cwd,
                                capture_output=True, text=True, timeout=240,
                                preexec_fn=limit_address_space(limit))
        check_refused(result, f"json-parse --input ({what}) under 1 GiB", "--input", cwd, before)
        check("memory" in result.stderr and str(limit) in result.stderr,
              f"{what}: the refusal names the estimate and the limit: {result.stderr!r}")


run_group({"concurrent_reports": test_concurrent_reports, "failing_stdout": test_failing_stdout,
           "all_or_none": test_all_or_none, "output_paths": test_output_paths,
           "signals": test_signals, "signals_on_a_terminal": test_signals_on_a_terminal,
           "memory_limit": test_memory_limit})

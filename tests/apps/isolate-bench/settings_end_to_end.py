#!/usr/bin/env python3
"""Settings checked once, before any work, the same way in every scenario.

Usage: settings_end_to_end.py BINARY GROUP   (GROUP: every_scenario, csv_headers, metric_docs)

every_scenario reads the scenarios from `list` and each one's options from its --help, then
feeds every option with a value (sizes, counts, durations, files, choices, modes) its
duplicates, zero, negative and over-limit values: each must end with exit 2, one line on stderr
naming the option and the accepted form, nothing on stdout and no file written. A new scenario
is covered without an edit here.
"""
import os
import re

from end_to_end import check, check_refused, folder_listing, run, run_group, scenarios

FAST = ["--fps", "1000", "--ui-work", "100us", "--warmup", "0", "-r", "1", "--quiet"]
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def declared_options(scenario, cwd):
    """(flag, value form, help, modes) of the scenario's options that take a value."""
    text = run([scenario, "--help"], cwd).stdout
    lines = text.splitlines()
    options = []
    for i, line in enumerate(lines):
        match = re.match(r"^  (?:-\w,)?(--[\w-]+) (\S+)\s*(.*)$", line)
        if not match:
            continue
        flag, form, help_text = match.groups()
        if not help_text and i + 1 < len(lines):  # CLI11 wraps a long form's help to the next line
            help_text = lines[i + 1].strip()
        options.append((flag, form, help_text))
    modes = []
    in_modes = False
    for line in lines:
        if line.startswith("Modes (--mode"):
            in_modes = True
        elif in_modes and line.startswith("  "):
            modes.append(line.split()[0])
        elif in_modes:
            break
    return options, modes


def zero_accepted(help_text):
    """Whether the help states a range starting at zero ("0..100", "0ns..1s")."""
    return re.search(r"\b0(ns)?\.\.", help_text) is not None


def bad_values(flag, form, help_text, modes, cwd):
    if form == "SIZE[,SIZE...]":
        return ["1KB,1KB", "2MB,2000KB", "0", "-1MB", "1000000TB", "1MB,,2MB", "x"]
    if form == "N[,N...]":
        return ["10,10", "-1", "99999999999999999999", "1,,2"] + ([] if zero_accepted(help_text) else ["0"])
    if form in ("N", "FPS"):
        values = ["-1", "99999999999999999999", "x", "1.5e400"]
        if flag != "--seed":
            values += ["0"] if not zero_accepted(help_text) else []
            values += ["1000001"]  # above every count and rate limit the tool has
        return values
    if form == "DURATION[,DURATION...]":
        return ["1ms,1ms", "2ms,2000us", "-1ms", "1000000s", "2", "x", "1ms,,2ms", "1ms,"] + (
            [] if zero_accepted(help_text) else ["0ns"])
    if form == "DURATION":
        return ["-1ms", "1000000s", "2", "x"] + ([] if zero_accepted(help_text) else ["0ns"])
    if form == "FILE":
        fifo = os.path.join(cwd, "fifo")
        if not os.path.exists(fifo):
            os.mkfifo(fifo)
        return ["missing.file", cwd, fifo, "/dev/null", ""]
    if form.startswith("all|"):
        return ["nope", f"{modes[0]},{modes[0]}", "", f"{modes[0]},"]
    if "|" in form:
        return ["nope", "", form.split("|")[0] + "x"]
    return []


def test_every_scenario(cwd):
    names = scenarios(cwd)
    check(len(names) >= 2, f"list names the scenarios: {names}")
    fed = 0
    for scenario in names:
        options, modes = declared_options(scenario, cwd)
        check(modes, f"{scenario} --help lists its modes")
        flags = [flag for flag, _, _ in options]
        for common in ["--mode", "--repetitions", "--max-time", "--warmup", "--fps", "--ui-work", "--seed"]:
            check(common in flags, f"{scenario} takes the common option {common}")
        for flag, form, help_text in options:
            values = bad_values(flag, form, help_text, modes, cwd)
            if form not in ("PATH", "DIR", "FORMAT"):
                check(values, f"{scenario} {flag} {form}: a value form this test knows")
            before = folder_listing(cwd)
            for value in values:
                fed += 1
                result = run([scenario, flag, value] + FAST, cwd)
                check_refused(result, f"{scenario} {flag} {value!r}", flag, cwd, before)
        repeated = run([scenario, "--seed", "1", "--seed", "2"] + FAST, cwd)
        check(repeated.returncode == 2 and len(repeated.stderr.strip().splitlines()) == 1,
              f"{scenario}: an option given twice is one line and exit 2: {repeated.stderr!r}")
    check(fed >= 40 * len(names) // 2, f"every option was fed bad values ({fed} in all)")
    print(f"{fed} bad values fed to {len(names)} scenarios")


PINNED_HEADERS = {
    "json-parse": "scenario,row_type,mode,baseline,parameter_set,parameters,repetition,"
    "representative,statistic,unstable,speedup_vs_baseline,speedup_low,speedup_high,verdict,stop,"
    "end_to_end_ns,main_thread_ns,"
    "copy_in_ns,spawn_ns,parse_ns,decode_ns,map_ns,return_ns,copy_out_ns,copy_in_bytes,"
    "copy_out_bytes,frames_dropped,frames_janky,worst_frame_latency_ns,longest_freeze_ns,"
    "longest_event_ns,ui_busy_share,worker_spawn_ns,fps,ui_work_ns,warmups,repetitions,max_time_ns,"
    "seed,lead_in_frames,lead_out_frames,cpu_model,logical_cores,load_average_1m,load_average_5m,"
    "load_average_15m,compiler,build_type,commit,version,libraries,peak_rss_bytes,timestamp_utc,"
    "command_line",
    "spawn": "scenario,row_type,mode,baseline,parameter_set,parameters,repetition,"
    "representative,statistic,unstable,speedup_vs_baseline,speedup_low,speedup_high,verdict,stop,"
    "result_received_ns,entry_started_ns,"
    "call_returned_ns,frames_dropped,frames_janky,worst_frame_latency_ns,longest_freeze_ns,"
    "longest_event_ns,ui_busy_share,fps,ui_work_ns,warmups,repetitions,max_time_ns,seed,lead_in_frames,"
    "lead_out_frames,cpu_model,logical_cores,load_average_1m,load_average_5m,load_average_15m,"
    "compiler,build_type,commit,version,libraries,peak_rss_bytes,timestamp_utc,command_line",
}
SMALL = {"json-parse": ["--size", "3KB"], "spawn": []}


def test_csv_headers(cwd):
    for scenario, header in PINNED_HEADERS.items():
        result = run([scenario, "--csv", "-"] + SMALL[scenario] + FAST, cwd)
        check(result.returncode == 0, f"{scenario} runs: {result.stderr}")
        first = result.stdout.splitlines()[0] if result.stdout else ""
        check(first == header, f"{scenario}: the CSV header is unchanged:\n{first}\n{header}")


BEGIN = "<!-- generated by `isolate-bench list --metrics`: edit the scenarios, not this block -->"
END = "<!-- end of generated block -->"


def test_metric_docs(cwd):
    generated = run(["list", "--metrics"], cwd)
    check(generated.returncode == 0, "list --metrics exits 0")
    with open(os.path.join(ROOT, "results", "README.md")) as f:
        readme = f.read()
    check(BEGIN in readme and END in readme, "results/README.md has the generated block's markers")
    if BEGIN in readme and END in readme:
        block = readme.split(BEGIN, 1)[1].split(END, 1)[0].strip("\n")
        check(block == generated.stdout.strip("\n"),
              "results/README.md's metric tables equal `isolate-bench list --metrics`; regenerate "
              "the block with scripts/update-results-readme")
    for line in generated.stdout.splitlines():
        if line.startswith("| `"):
            check(not line.rstrip().endswith("|  |"), f"every column has a meaning: {line}")


run_group({"every_scenario": test_every_scenario, "csv_headers": test_csv_headers,
           "metric_docs": test_metric_docs})

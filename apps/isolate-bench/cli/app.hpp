#pragma once
// The isolate-bench command: parses the arguments, runs the chosen scenario and writes its
// reports.
//
// Exit codes: 0 success (also --help, --version, list); 2 bad input, with one line on stderr
// naming the option and the accepted form, before anything runs and before any file is
// created; 1 when the run itself or writing a report (stdout included) failed, or memory ran
// out (one line on stderr, no report file); 130 on SIGINT and 143 on SIGTERM (one line, no
// report file, no temporary).

namespace isolate_bench {

int run_cli(int argc, const char* const* argv);

}  // namespace isolate_bench

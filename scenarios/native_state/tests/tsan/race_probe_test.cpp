// "Native globals race like threads in C", shown by the tool that finds races: the race probe (a
// plain non-atomic global incremented by two isolates) run as a child process of this
// ThreadSanitizer build must be reported as a data race. The child gets its own TSAN_OPTIONS, so
// the suite's (which halt the test binary itself at its first report) cannot decide the outcome.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace {

struct ChildRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

ChildRun run_probe() {
  const std::string command = std::string("TSAN_OPTIONS='halt_on_error=1:exitcode=66' '") +
                              NATIVE_STATE_RACE_PROBE + "' 2>&1";
  ChildRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) run.output += buffer.data();
  const int status = pclose(pipe);
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  return run;
}

TEST(NativeStateRace, ThreadSanitizerReportsTheIsolatesRacingOnAPlainNativeGlobal) {
  const ChildRun run = run_probe();
  EXPECT_NE(run.output.find("WARNING: ThreadSanitizer: data race"), std::string::npos)
      << run.output;
  // The report is about the probe's global, written by the racers.
  EXPECT_NE(run.output.find("plain_counter"), std::string::npos) << run.output;
  EXPECT_EQ(run.exit_code, 66) << run.output;
}

}  // namespace

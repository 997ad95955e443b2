#include "bench/harness/environment.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace {

TEST(Environment, CapturesTheMachineBuildAndCommandLine) {
  const auto env = bench::capture_environment("isolate-bench spawn -r 3", {{"CLI11", "2.1.2"}});
  EXPECT_EQ(env.command_line, "isolate-bench spawn -r 3");
  EXPECT_GT(env.logical_cores, 0u);
  EXPECT_FALSE(env.cpu_model.empty());
  EXPECT_FALSE(env.compiler.empty());
  EXPECT_NE(env.compiler, "unknown");
  EXPECT_FALSE(env.commit.empty());
  EXPECT_FALSE(env.build_type.empty());
  EXPECT_TRUE(
      std::regex_match(env.timestamp_utc, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  ASSERT_FALSE(env.libraries.empty());
  EXPECT_EQ(env.libraries.back().name, "CLI11");
  EXPECT_EQ(env.libraries.back().version, "2.1.2");
}

TEST(Environment, JoinsTheCommandLineQuotingWhatAShellWouldSplit) {
  const char* argv[] = {"isolate-bench", "spawn", "--csv", "my results.csv", "it's"};
  EXPECT_EQ(bench::join_command_line(5, argv),
            "isolate-bench spawn --csv 'my results.csv' 'it'\\''s'");
}

TEST(Environment, VersionLineNamesTheCommit) {
  EXPECT_NE(bench::version_line().find("commit"), std::string::npos);
}

}  // namespace

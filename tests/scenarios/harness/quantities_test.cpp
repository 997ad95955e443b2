#include "bench/harness/quantities.hpp"

#include <gtest/gtest.h>

#include <string>

#include "bench/harness/settings_error.hpp"

namespace {

using bench::SettingsError;

/// The SettingsError message for `call`, or "" if it did not throw.
template <class F>
std::string error_of(F call) {
  try {
    call();
  } catch (const SettingsError& error) {
    return error.what();
  }
  return "";
}

TEST(ParseSize, SiPrefixesArePowersOfTenIecPrefixesPowersOfTwo) {
  using bench::parse_size;
  EXPECT_EQ(parse_size("2MB", "--size"), 2'000'000u);
  EXPECT_EQ(parse_size("2MiB", "--size"), 2'097'152u);
  EXPECT_EQ(parse_size("512KB", "--size"), 512'000u);
  EXPECT_EQ(parse_size("1.5GB", "--size"), 1'500'000'000u);
  EXPECT_EQ(parse_size("0.5KiB", "--size"), 512u);
  EXPECT_EQ(parse_size("1TiB", "--size"), 1ull << 40);
  EXPECT_EQ(parse_size("12345", "--size"), 12'345u);
  EXPECT_EQ(parse_size("7B", "--size"), 7u);
  EXPECT_EQ(parse_size("2mb", "--size"), 2'000'000u);
}

TEST(ParseSize, RejectsEveryMalformedOrImpossibleSizeNamingTheOption) {
  using bench::parse_size;
  for (const char* bad :
       {"", "0", "0MB", "-1MB", "-5", "2XB", "MB", "2 MB", "1.5B", "1..5MB", "0x10", "2MBs",
        "18446744073709551616", "20000000TB", "99999999999999999999999"}) {
    const auto message = error_of([&] { parse_size(bad, "--size"); });
    EXPECT_NE(message.find("--size"), std::string::npos) << "input '" << bad << "': " << message;
    EXPECT_NE(message.find("accepted"), std::string::npos) << message;
  }
  EXPECT_NE(error_of([] { parse_size("2XB", "--size"); }).find("unknown unit 'XB'"),
            std::string::npos);
  EXPECT_NE(error_of([] { parse_size("-1MB", "--size"); }).find("negative"), std::string::npos);
  EXPECT_NE(error_of([] { parse_size("0", "--size"); }).find("at least 1 byte"), std::string::npos);
  EXPECT_NE(error_of([] { parse_size("18446744073709551616", "--size"); }).find("too large"),
            std::string::npos);
}

TEST(ParseSize, TheLargestSizeStillParses) {
  EXPECT_EQ(bench::parse_size("18446744073709551615", "--size"), 18'446'744'073'709'551'615ull);
}

TEST(ParseSizeList, CommaListsKeepTheirOrder) {
  const auto sizes = bench::parse_size_list("1MB,2MiB,8MB", "--size");
  EXPECT_EQ(sizes, (std::vector<std::uint64_t>{1'000'000, 2'097'152, 8'000'000}));
  EXPECT_THROW(bench::parse_size_list("1MB,,2MB", "--size"), SettingsError);
  EXPECT_THROW(bench::parse_size_list("1MB,", "--size"), SettingsError);
  EXPECT_THROW(bench::parse_size_list("1MB,0", "--size"), SettingsError);
}

TEST(ParseSizeList, RefusesASizeGivenTwiceHoweverItIsSpelled) {
  EXPECT_EQ(error_of([] { bench::parse_size_list("1KB,1KB", "--size"); }),
            "--size '1KB,1KB': 1KB is given twice; accepted: a list of different sizes, such as "
            "1MB,2MB,8MB");
  EXPECT_EQ(error_of([] { bench::parse_size_list("2MB,8MB,2000KB", "--size"); }),
            "--size '2MB,8MB,2000KB': 2000KB is the same size as 2MB (2000000 bytes); accepted: a "
            "list of different sizes, such as 1MB,2MB,8MB");
}

TEST(UsableMemory, IsKnownOnThisMachine) {
  EXPECT_GT(bench::usable_memory_bytes(), 0u);
}

TEST(ParseDuration, AcceptsEachUnitAndExactFractions) {
  using bench::parse_duration;
  using namespace std::chrono;
  EXPECT_EQ(parse_duration("2ms", "--ui-work"), milliseconds(2));
  EXPECT_EQ(parse_duration("500us", "--ui-work"), microseconds(500));
  EXPECT_EQ(parse_duration("500µs", "--ui-work"), microseconds(500));
  EXPECT_EQ(parse_duration("250ns", "--ui-work"), nanoseconds(250));
  EXPECT_EQ(parse_duration("1.5s", "--ui-work"), milliseconds(1500));
  EXPECT_EQ(parse_duration("0ms", "--ui-work"), nanoseconds(0));
}

TEST(ParseDuration, RejectsMissingUnitsNegativesAndNonsense) {
  for (const char* bad : {"", "2", "-1ms", "2min", "ms", "1.5ns", "abc", "99999999999s"}) {
    const auto message = error_of([&] { bench::parse_duration(bad, "--ui-work"); });
    EXPECT_NE(message.find("--ui-work"), std::string::npos) << "input '" << bad << "'";
    EXPECT_NE(message.find("ms"), std::string::npos) << message;  // states the accepted units
  }
}

TEST(ParseFps, AcceptsOneToOneThousand) {
  EXPECT_DOUBLE_EQ(bench::parse_fps("60", "--fps"), 60);
  EXPECT_DOUBLE_EQ(bench::parse_fps("59.94", "--fps"), 59.94);
  EXPECT_DOUBLE_EQ(bench::parse_fps("1", "--fps"), 1);
  EXPECT_DOUBLE_EQ(bench::parse_fps("1000", "--fps"), 1000);
  for (const char* bad : {"0", "0.5", "1000.1", "-60", "abc", "", "60fps", "nan", "inf"}) {
    const auto message = error_of([&] { bench::parse_fps(bad, "--fps"); });
    EXPECT_NE(message.find("--fps"), std::string::npos) << "input '" << bad << "'";
    EXPECT_NE(message.find("1 to 1000"), std::string::npos) << message;
  }
}

TEST(ParseInteger, ChecksDigitsAndRange) {
  EXPECT_EQ(bench::parse_integer("10", "--repetitions", 1, 100), 10);
  for (const char* bad : {"0", "101", "-1", "1.5", "ten", "", "99999999999999999999"}) {
    EXPECT_THROW(bench::parse_integer(bad, "--repetitions", 1, 100), SettingsError) << bad;
  }
  EXPECT_EQ(bench::parse_seed("18446744073709551615", "--seed"), 18'446'744'073'709'551'615ull);
  EXPECT_THROW(bench::parse_seed("-1", "--seed"), SettingsError);
  EXPECT_THROW(bench::parse_seed("18446744073709551616", "--seed"), SettingsError);
}

}  // namespace

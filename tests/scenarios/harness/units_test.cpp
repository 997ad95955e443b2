#include "bench/harness/units.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

#include "bench/harness/scenario.hpp"

namespace {

TEST(Units, DurationsScaleToThreeSignificantDigits) {
  EXPECT_EQ(bench::format_duration_ns(850), "850 ns");
  EXPECT_EQ(bench::format_duration_ns(12'345), "12.3 µs");
  EXPECT_EQ(bench::format_duration_ns(12'345, true), "12.3 us");
  EXPECT_EQ(bench::format_duration_ns(4'560'000), "4.56 ms");
  EXPECT_EQ(bench::format_duration_ns(2'000'000), "2 ms");
  EXPECT_EQ(bench::format_duration_ns(1'230'000'000), "1.23 s");
  EXPECT_EQ(bench::format_duration_ns(999'999), "1 ms");  // rounds up into the next unit
  EXPECT_EQ(bench::format_duration_ns(std::numeric_limits<double>::quiet_NaN()), "n/a");
}

TEST(Units, BytesUseSiPrefixes) {
  EXPECT_EQ(bench::format_bytes(512), "512 B");
  EXPECT_EQ(bench::format_bytes(1500), "1.5 KB");
  EXPECT_EQ(bench::format_bytes(2'000'000), "2 MB");
  EXPECT_EQ(bench::format_bytes(2'097'152), "2.1 MB");
  EXPECT_EQ(bench::format_bytes(1.5e9), "1.5 GB");
}

TEST(Units, DescribeSizeEchoesTheExactByteCount) {
  EXPECT_EQ(bench::describe_size(2'000'000), "2 MB (2000000 bytes)");
  EXPECT_EQ(bench::describe_size(2'097'152), "2.1 MB (2097152 bytes)");
}

TEST(Units, ValuesFollowTheirUnit) {
  EXPECT_EQ(bench::format_value(3, bench::Unit::count), "3");
  EXPECT_EQ(bench::format_value(0.5, bench::Unit::count), "0.5");
  EXPECT_EQ(bench::format_value(0.42, bench::Unit::ratio), "42.0 %");
  EXPECT_EQ(bench::format_value(1500, bench::Unit::ns), "1.5 µs");
  EXPECT_EQ(bench::format_value(1500, bench::Unit::bytes), "1.5 KB");
}

}  // namespace

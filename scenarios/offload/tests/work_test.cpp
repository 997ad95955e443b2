// The synthetic work: sliced or whole, the same result; it depends on the payload and the rounds.

#include "work.hpp"

#include <gtest/gtest.h>

#include "bench/harness/generated_bytes.hpp"

namespace offload {
namespace {

TEST(OffloadWork, SlicesGiveTheSameResultAsTheWholeWork) {
  const auto payload = bench::generate_bytes(1003, 5);
  const WorkResult whole = do_work(payload, 10'000);
  for (const std::uint64_t slice : {1ull, 3ull, 999ull, 10'000ull, 50'000ull}) {
    SlicedWork sliced(payload, 10'000, slice);
    std::uint64_t slices = 1;
    while (sliced.run_slice()) ++slices;
    EXPECT_EQ(slices, (10'000 + slice - 1) / slice) << slice;
    EXPECT_EQ(sliced.result().checksum, whole.checksum) << slice;
    EXPECT_EQ(sliced.result().bytes, whole.bytes) << slice;
    EXPECT_FALSE(sliced.run_slice()) << "done stays done";
  }
}

TEST(OffloadWork, TheResultIsAsLongAsThePayloadAndDependsOnItAndOnTheRounds) {
  const auto payload = bench::generate_bytes(64, 1);
  const WorkResult result = do_work(payload, 100);
  EXPECT_EQ(result.bytes.size(), payload.size());
  EXPECT_NE(result.checksum, do_work(payload, 101).checksum);
  EXPECT_NE(result.checksum, do_work(bench::generate_bytes(64, 2), 100).checksum);
  EXPECT_EQ(result.checksum, do_work(payload, 100).checksum);
}

TEST(OffloadWork, ZeroRoundsStillFoldsThePayloadInOneSlice) {
  const auto payload = bench::generate_bytes(10, 3);
  SlicedWork sliced(payload, 0, 4);
  EXPECT_FALSE(sliced.run_slice());
  EXPECT_EQ(sliced.result().checksum, fold_payload(payload));
  EXPECT_EQ(sliced.result().bytes.size(), payload.size());
}

TEST(OffloadWork, CalibrationMeasuresAPositiveRate) {
  EXPECT_GT(measure_rounds_per_ns(1'000'000), 0.0);
}

}  // namespace
}  // namespace offload

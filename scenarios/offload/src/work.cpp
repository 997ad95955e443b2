#include "work.hpp"

#include <algorithm>
#include <cstring>

#include "bench/harness/busy_clock.hpp"

namespace offload {

std::uint64_t fold_payload(std::span<const std::uint8_t> payload) noexcept {
  constexpr std::uint64_t kPrime = 0x100000001b3ULL;
  std::uint64_t state = 0xcbf29ce484222325ULL;
  std::size_t i = 0;
  for (; i + 8 <= payload.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, payload.data() + i, 8);
    state = (state ^ word) * kPrime;
  }
  for (; i < payload.size(); ++i) state = (state ^ payload[i]) * kPrime;
  return state;
}

std::uint64_t crunch(std::uint64_t state, std::uint64_t rounds) noexcept {
  for (std::uint64_t i = 0; i < rounds; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    state ^= state >> 29;
    asm volatile("" : "+r"(state));
  }
  return state;
}

WorkResult finish_work(std::span<const std::uint8_t> payload, std::uint64_t state) {
  WorkResult result;
  result.checksum = state;
  result.bytes.resize(payload.size());
  for (std::size_t i = 0; i < payload.size(); ++i) {
    result.bytes[i] = static_cast<std::uint8_t>(payload[i] ^ (state >> (8 * (i % 8))));
  }
  return result;
}

WorkResult do_work(std::span<const std::uint8_t> payload, std::uint64_t rounds) {
  return finish_work(payload, crunch(fold_payload(payload), rounds));
}

SlicedWork::SlicedWork(std::span<const std::uint8_t> payload, std::uint64_t rounds,
                       std::uint64_t slice_rounds) noexcept
    : payload_(payload), left_(rounds), slice_(slice_rounds) {}

bool SlicedWork::run_slice() {
  if (done_) return false;
  if (!started_) {
    state_ = fold_payload(payload_);
    started_ = true;
  }
  const std::uint64_t now = std::min(left_, slice_);
  state_ = crunch(state_, now);
  left_ -= now;
  if (left_ == 0) {
    result_ = finish_work(payload_, state_);
    done_ = true;
  }
  return !done_;
}

double measure_rounds_per_ns(std::int64_t budget_ns) {
  constexpr std::uint64_t kBlock = 1 << 16;
  std::uint64_t state = 1;
  std::int64_t fastest = 0;
  const auto started = bench::steady_now_ns();
  do {
    const auto block_started = bench::steady_now_ns();
    state = crunch(state, kBlock);
    const auto took = bench::steady_now_ns() - block_started;
    if (took > 0 && (fastest == 0 || took < fastest)) fastest = took;
  } while (bench::steady_now_ns() - started < budget_ns || fastest == 0);
  asm volatile("" : : "r"(state));
  return static_cast<double>(kBlock) / static_cast<double>(fastest);
}

}  // namespace offload

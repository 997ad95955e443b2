#pragma once
// The synthetic CPU work the scenario offloads: a calibrated number of rounds of integer
// arithmetic over a state seeded by the payload, ending in a result as large as the payload
// (what image compression or a decode hands back). Every mode runs exactly this, in one piece or
// in slices, so every mode must arrive at the same checksum.

#include <cstdint>
#include <span>
#include <vector>

namespace offload {

/// What the work hands back: the payload transformed by the final state, and that state.
struct WorkResult {
  std::uint64_t checksum = 0;
  std::vector<std::uint8_t> bytes;
};

/// The state the rounds start from: the payload folded in eight bytes at a time (FNV-1a style).
std::uint64_t fold_payload(std::span<const std::uint8_t> payload) noexcept;

/// `rounds` rounds of multiply, add and xor-shift from `state`. An empty asm statement claims to
/// read and change the state every round, so the compiler can neither drop nor shortcut the loop.
std::uint64_t crunch(std::uint64_t state, std::uint64_t rounds) noexcept;

/// The result of work that ended in `state`: every payload byte mixed with it.
WorkResult finish_work(std::span<const std::uint8_t> payload, std::uint64_t state);

/// The whole work in one piece: fold, crunch, finish.
WorkResult do_work(std::span<const std::uint8_t> payload, std::uint64_t rounds);

/// The work cut into slices of at most `slice_rounds` rounds, the state carried from one slice to
/// the next: the payload is folded in the first slice and the result made in the last, so the
/// slices together do exactly what do_work() does, with the same result.
class SlicedWork {
 public:
  /// Precondition: slice_rounds > 0.
  SlicedWork(std::span<const std::uint8_t> payload, std::uint64_t rounds,
             std::uint64_t slice_rounds) noexcept;

  /// Runs the next slice; returns false once the work is done (then result() holds it).
  bool run_slice();
  WorkResult& result() noexcept { return result_; }

 private:
  std::span<const std::uint8_t> payload_;
  std::uint64_t left_, slice_;
  std::uint64_t state_ = 0;
  bool started_ = false, done_ = false;
  WorkResult result_;
};

/// Rounds per nanosecond on the calling thread: the fastest of repeated timed blocks over about
/// `budget_ns` (the fastest, because a slower block was interrupted, not harder). Positive.
double measure_rounds_per_ns(std::int64_t budget_ns);

}  // namespace offload

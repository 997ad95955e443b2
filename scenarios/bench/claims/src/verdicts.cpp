#include "bench/claims/verdicts.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace bench::claims {

std::string_view verdict_name(ClaimVerdict verdict) noexcept {
  switch (verdict) {
    case ClaimVerdict::holds:
      return "holds";
    case ClaimVerdict::holds_in_shape:
      return "holds in shape";
    case ClaimVerdict::differs_here:
      return "differs here";
    case ClaimVerdict::not_measured:
      return "not measured yet";
  }
  return "not measured yet";
}

namespace {

std::string cores_reason(unsigned cores) {
  return fmt::format("this machine's {} core{}", cores, cores == 1 ? "" : "s");
}

}  // namespace

Judgement judge_range(double measured, Range document, const Reasons& reasons) {
  if (measured >= document.low && measured <= document.high) {
    return {ClaimVerdict::holds, "within the document's range"};
  }
  const bool below = measured < document.low;
  const std::string& why = below ? reasons.below : reasons.above;
  // Same order of magnitude: the figure is off, the sentence a speaker says about it is not.
  const bool same_magnitude =
      below ? measured * kShapeFactor >= document.low : measured <= document.high * kShapeFactor;
  return {same_magnitude ? ClaimVerdict::holds_in_shape : ClaimVerdict::differs_here, why};
}

Judgement judge_dropped_frames(double main_dropped, Range document, const std::string& fewer,
                               const std::string& more) {
  if (main_dropped >= document.low && main_dropped <= document.high) {
    return {ClaimVerdict::holds, "within the document's range"};
  }
  // The claim's point is that the parse on the main isolate costs frames: any dropped frame
  // keeps it, none contradicts it.
  if (main_dropped <= 0) return {ClaimVerdict::differs_here, fewer};
  return {ClaimVerdict::holds_in_shape, main_dropped < document.low ? fewer : more};
}

Judgement judge_more_costs_more(const Statistics& fewer, const Statistics& more) {
  // Every repetition apart: the difference cannot be noise of this run.
  if (more.min > fewer.max) return {ClaimVerdict::holds, "every run with more objects took longer"};
  if (more.median > fewer.median) {
    return {ClaimVerdict::holds_in_shape, "longer by the medians, the runs overlap"};
  }
  return {ClaimVerdict::differs_here, "more objects did not take longer here"};
}

Judgement judge_not_worth_offloading(double main_dropped,
                                     const std::optional<Verdict>& run_against_main) {
  if (main_dropped > 0) {
    return {ClaimVerdict::differs_here, "work under 5 ms dropped frames on the main isolate here"};
  }
  // No frame lost on the main isolate: an isolate can only add its spawn and copies.
  if (run_against_main && *run_against_main == Verdict::better) {
    return {ClaimVerdict::holds_in_shape,
            "no frame to save, though Isolate::run finished sooner (this machine's cores)"};
  }
  return {ClaimVerdict::holds, "no frame dropped on main; Isolate::run only adds its overhead"};
}

Judgement judge_persistent_worker(Verdict worker_against_run) {
  switch (worker_against_run) {
    case Verdict::better:
      return {ClaimVerdict::holds, "the worker answered sooner than a spawn per call"};
    case Verdict::no_clear_difference:
      // The worker still spawns nothing per request; the saving is within this run's noise.
      return {ClaimVerdict::holds_in_shape, "no clear difference in this run's repetitions"};
    case Verdict::worse:
      break;
  }
  return {ClaimVerdict::differs_here, "the worker was slower than a spawn per call here"};
}

Judgement judge_native_race(const Statistics& racy_lost, const Statistics& mutex_lost) {
  if (mutex_lost.max > 0) {
    return {ClaimVerdict::differs_here, "the mutex-guarded global lost updates too"};
  }
  if (racy_lost.median > 0) {
    return {ClaimVerdict::holds, "the unguarded global lost updates; the mutex fixed it"};
  }
  if (racy_lost.max > 0) {
    return {ClaimVerdict::holds_in_shape, "the race lost updates in some runs only"};
  }
  return {ClaimVerdict::differs_here, "no update lost in this run"};
}

Judgement judge_workers_suffice(const std::vector<PoolSpeedup>& pools, unsigned cores) {
  std::optional<double> few;   // the best pool of two or three workers (one is no pool)
  std::optional<double> many;  // the best pool of more than three
  for (const auto& pool : pools) {
    auto& best = pool.workers <= 3 ? few : many;
    best = std::max(best.value_or(0.0), pool.speedup);
  }
  if (!few || !many) {
    return {ClaimVerdict::differs_here, "needs a pool of at most three and one of more"};
  }
  if (*many > *few * (1 + kWorthwhileGain)) {
    return {ClaimVerdict::differs_here,
            cores > 3 ? cores_reason(cores) + " let more workers help"
                      : "more workers than " + cores_reason(cores) + " still helped"};
  }
  // More workers gained nothing worth having. On three cores or fewer that is the machine's
  // limit, not the document's reason (contention on a 4-8 core phone).
  if (cores <= 3) return {ClaimVerdict::holds_in_shape, cores_reason(cores) + " cap the pool"};
  return {ClaimVerdict::holds, "more than three workers added little"};
}

Judgement judge_sharing(double share_copied_bytes, double copy_copied_bytes,
                        Verdict share_against_copy) {
  if (copy_copied_bytes > 0) {
    // What was allocated on the receiver is the direct evidence: a reference, or the data.
    if (share_copied_bytes * 100 > copy_copied_bytes) {
      return {ClaimVerdict::differs_here, "sharing copied as much as the copy"};
    }
    if (share_against_copy == Verdict::worse) {
      return {ClaimVerdict::holds_in_shape, "shared, not copied, but slower here"};
    }
    return {ClaimVerdict::holds, "shared by reference, the data not copied"};
  }
  // No byte counts in this build: the times are all there is.
  switch (share_against_copy) {
    case Verdict::better:
      return {ClaimVerdict::holds, "sharing was faster than copying"};
    case Verdict::no_clear_difference:
      return {ClaimVerdict::holds_in_shape, "native copy: cheap enough to match sharing here"};
    case Verdict::worse:
      break;
  }
  return {ClaimVerdict::differs_here, "sharing was slower than copying here"};
}

Judgement judge_offload_pays(double main_dropped, double offloaded_dropped, unsigned cores,
                             const std::string& within_frame) {
  if (main_dropped <= 0) return {ClaimVerdict::differs_here, within_frame};
  if (offloaded_dropped <= 0) {
    return {ClaimVerdict::holds, "main dropped frames, the isolate none"};
  }
  // Offloaded work still competes with the UI for the cores: fewer frames lost, not none.
  if (offloaded_dropped < main_dropped) {
    return {ClaimVerdict::holds_in_shape, cores_reason(cores) + " shared with the work"};
  }
  return {ClaimVerdict::differs_here, cores_reason(cores) + ": offloading lost as many frames"};
}

}  // namespace bench::claims

#pragma once
// The verdict rules of `isolate-bench claims`, one function per kind of claim. Each is a pure
// function of figures measured in the run, so the rules are tested on fixed inputs and a reader
// can check in one place why a row says what it says.

#include <optional>
#include <string>
#include <vector>

#include "bench/claims/claim.hpp"
#include "bench/harness/confidence.hpp"
#include "bench/harness/statistics.hpp"

namespace bench::claims {

/// A figure outside the document's range by at most this factor still "holds in shape": it is
/// the same order of magnitude, so the sentence a speaker would say ("a few milliseconds")
/// stays true while the number does not.
inline constexpr double kShapeFactor = 10.0;

/// More workers than three must add at least this share of throughput over the best of two or
/// three before the claim "two or three workers suffice" is said to differ: below it, the gain
/// is within the run-to-run noise of a shared machine.
inline constexpr double kWorthwhileGain = 0.10;

/// The document's range of a figure, in the unit of the measurement.
struct Range {
  double low = 0;
  double high = 0;
};

/// Why a figure falls below or above the document's range, in a few words each.
struct Reasons {
  std::string below;
  std::string above;
};

/// A figure against a range: holds inside it; holds in shape within kShapeFactor of it; differs
/// here beyond. The reason outside the range is the side's from `reasons`.
Judgement judge_range(double measured, Range document, const Reasons& reasons);

/// The frames a main-isolate parse dropped against the document's "four or five": holds inside
/// the range; holds in shape when frames dropped, but fewer or more (the jank is real, its size
/// differs: `fewer` or `more` says why); differs here when none dropped (`fewer` says why).
Judgement judge_dropped_frames(double main_dropped, Range document, const std::string& fewer,
                               const std::string& more);

/// "Sending N objects costs more than sending n" (N > n), from the one-way times of each: holds
/// when every repetition with more objects took longer than every one with fewer; holds in shape
/// when only the medians are in that order (the runs overlap); differs here otherwise.
Judgement judge_more_costs_more(const Statistics& fewer, const Statistics& more);

/// "Under 5 ms, offloading is not worth it": work just under 5 ms on the main isolate. Holds when
/// the main isolate dropped no frame with it (nothing for an isolate to save) and Isolate::run was
/// not faster end to end (`run_against_main`: run as the candidate, main the reference); holds
/// in shape when no frame dropped but run finished sooner; differs here when the main isolate
/// dropped frames.
Judgement judge_not_worth_offloading(double main_dropped,
                                     const std::optional<Verdict>& run_against_main);

/// "A persistent worker avoids the spawn per request": the worker against Isolate::run per
/// call, end to end (worker the candidate). Holds when the worker is faster; holds in shape with
/// no clear difference (the worker still spawns nothing per request, but the saving does not
/// show through this run's noise); differs here when the worker is slower.
Judgement judge_persistent_worker(Verdict worker_against_run);

/// "Native globals race across isolates": holds when the unprotected global lost updates in the
/// median repetition and the mutex-guarded one lost none in any; holds in shape when the race
/// lost updates in some repetitions only; differs here when it never lost one, or the mutex did.
Judgement judge_native_race(const Statistics& racy_lost, const Statistics& mutex_lost);

/// Throughput of a pool of persistent workers against one of them, for one pool size.
struct PoolSpeedup {
  int workers = 0;
  double speedup = 0;  ///< the median of images per second over one worker's
};

/// "Two or three workers suffice": holds when more than three workers add less than
/// kWorthwhileGain over the best of two or three; holds in shape when that is so but this machine
/// has three cores or fewer (more workers had no core to run on, the document's reason is
/// contention on a 4-8 core phone); differs here when more workers add more. Differs here also
/// when `pools` lacks a size of at most three or one above three.
Judgement judge_workers_suffice(const std::vector<PoolSpeedup>& pools, unsigned cores);

/// "Within an isolate group, immutable data is shared, not copied" (Dart 2.15), from the bytes
/// each way allocated on the receiver and, where the build counts none (no heap accounting), the
/// one-way times (share the candidate against copy). Holds when sharing copied under a hundredth
/// of what the copy did, and was not slower; holds in shape when it copied that little but was
/// slower here; differs here when it copied as much. Without byte counts: holds when sharing was
/// faster, holds in shape with no clear difference, differs here when it was slower.
Judgement judge_sharing(double share_copied_bytes, double copy_copied_bytes,
                        Verdict share_against_copy);

/// "Move CPU work over a frame into an isolate" (work over 16 ms, hashing a large file): holds
/// when the main isolate dropped frames and the offloaded mode none; holds in shape when offloading
/// dropped fewer but some (`cores`); differs here when the main isolate dropped none
/// (`within_frame` says why), or offloading dropped as many.
Judgement judge_offload_pays(double main_dropped, double offloaded_dropped, unsigned cores,
                             const std::string& within_frame);

}  // namespace bench::claims

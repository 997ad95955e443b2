#include "bench/claims/claims.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>

#include "bench/claims/verdicts.hpp"
#include "bench/harness/frame_metrics.hpp"
#include "bench/harness/units.hpp"

namespace bench::claims {
namespace {

using namespace std::string_literals;
namespace fk = frame_metric_keys;
constexpr double kMs = 1e6;  // nanoseconds in a millisecond
constexpr double kUs = 1e3;

/// A figure a claim reads is missing from a run that did happen: the run's scenario does not
/// measure it (any more). The claim is then "not measured yet", never given a stand-in figure.
struct MissingFigure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Read access to the runs' results, throwing MissingFigure for what is absent.
class Figures {
 public:
  explicit Figures(const RunResults& results) : results_(results) {}

  const ScenarioResult& run(const std::string& tag) const {
    const auto found = results_.find(tag);
    if (found == results_.end()) throw MissingFigure("its scenario is not in this build");
    return found->second;
  }

  /// The parameter set of run `tag` whose parameter `key` is `value` (the first set when `key`
  /// is empty).
  const ParameterResult& set(const std::string& tag, const std::string& key = {},
                             std::int64_t value = 0) const {
    const auto& result = run(tag);
    for (const auto& set : result.parameter_sets) {
      if (key.empty()) return set;
      for (const auto& parameter : set.parameters.parameters) {
        const auto* number = std::get_if<std::int64_t>(&parameter.value);
        if (parameter.key == key && number && *number == value) return set;
      }
    }
    throw MissingFigure(result.scenario + " measured no set with " + key + "=" +
                        std::to_string(value));
  }

  /// The whole-number parameter `key` of `set`.
  static std::int64_t parameter(const ParameterResult& set, const std::string& key) {
    for (const auto& parameter : set.parameters.parameters) {
      const auto* number = std::get_if<std::int64_t>(&parameter.value);
      if (parameter.key == key && number) return *number;
    }
    throw MissingFigure("no parameter " + key);
  }

  static const ModeResult& mode(const ParameterResult& set, const std::string& name) {
    const auto* found = find_mode(set, name);
    if (!found) throw MissingFigure("no mode " + name);
    return *found;
  }

  static const Statistics& stats(const ParameterResult& set, const std::string& name,
                                 const std::string& key) {
    const auto* summary = mode(set, name).summary(key);
    if (!summary) throw MissingFigure("no metric " + key);
    return summary->statistics;
  }

  static double median_of(const ParameterResult& set, const std::string& name,
                          const std::string& key) {
    return stats(set, name, key).median;
  }

  /// `candidate` against `reference` on `key`, repetitions paired (result.hpp's compare()).
  Verdict compared(const std::string& tag, const ParameterResult& set, const std::string& reference,
                   const std::string& candidate, const std::string& key) const {
    const auto* metric = find_metric(run(tag), key);
    if (!metric) throw MissingFigure("no metric " + key);
    const auto ratio = compare(mode(set, reference), mode(set, candidate), *metric);
    if (!ratio) throw MissingFigure("no metric " + key);
    return ratio->verdict;
  }

 private:
  const RunResults& results_;
};

std::string ms(double ns) {
  return format_duration_ns(ns);
}

std::string frames(double count) {
  return format_value(count, Unit::count) + (count == 1 ? " frame" : " frames");
}

/// What a claim shows when measured: its figure and its verdict.
struct Measured {
  std::string figure;
  Judgement judgement;
};

struct ClaimSpec {
  const char* id;
  const char* claim;
  const char* document;
  const char* command;
  std::function<Measured(const Figures&, unsigned cores)> measure;
};

const std::vector<ClaimSpec>& claim_specs() {
  static const std::vector<ClaimSpec> specs{
      {"json-decode-time", "jsonDecode of a 2 MB catalog", "60-80 ms on a mid-range phone",
       "isolate-bench json-parse --size 2MB --decoder dynamic",
       [](const Figures& f, unsigned) {
         const double decode = Figures::median_of(f.set("json"), "main", "decode_ns");
         return Measured{ms(decode),
                         judge_range(decode, {60 * kMs, 80 * kMs},
                                     {"native code (simdjson) vs the Dart VM's jsonDecode",
                                      "this machine decodes slower than the phone"})};
       }},
      {"json-decode-frames", "frames a 2 MB parse on main drops", "4-5 frames at 60 fps",
       "isolate-bench json-parse --size 2MB --decoder dynamic",
       [](const Figures& f, unsigned) {
         const auto& set = f.set("json");
         const double dropped = Figures::median_of(set, "main", fk::dropped);
         return Measured{
             fmt::format("{} at {:g} fps", frames(dropped), f.run("json").settings.display.fps),
             judge_dropped_frames(dropped, {4, 5}, "native code parses faster than the Dart VM",
                                  "this machine parses slower than the phone")};
       }},
      {"spawn-new-group", "spawning an isolate from a new code bundle", "5-50 ms",
       "isolate-bench spawn --mode run,run-cold",
       [](const Figures& f, unsigned) {
         // The coldest spawn this runtime has: Isolate::run on a new OS thread. There is no
         // separate code bundle to load in a C++ process, which is the reason given.
         const double cold = Figures::median_of(f.set("spawn"), "run-cold", "result_received_ns");
         return Measured{ms(cold) + " (coldest here: run on a new thread)",
                         judge_range(cold, {5 * kMs, 50 * kMs},
                                     {"native code: no code bundle to load",
                                      "this machine's thread start-up"})};
       }},
      {"spawn-same-group", "Isolate.spawn within the isolate group", "100-500 µs",
       "isolate-bench spawn",
       [](const Figures& f, unsigned) {
         const double spawn = Figures::median_of(f.set("spawn"), "spawn", "result_received_ns");
         return Measured{ms(spawn), judge_range(spawn, {100 * kUs, 500 * kUs},
                                                {"native code: lighter than a Dart VM isolate",
                                                 "this machine's load"})};
       }},
      {"spawn-run", "Isolate.run's spawn on a modern device", "0.5-5 ms", "isolate-bench spawn",
       [](const Figures& f, unsigned) {
         const double run = Figures::median_of(f.set("spawn"), "run", "result_received_ns");
         return Measured{ms(run), judge_range(run, {0.5 * kMs, 5 * kMs},
                                              {"native code: lighter than a Dart VM isolate",
                                               "this machine's load"})};
       }},
      {"message-2mb-string", "sending a 2 MB string, one way", "1-3 ms each way",
       "isolate-bench messages --kind string --size 2MB",
       [](const Figures& f, unsigned) {
         const double one_way = Figures::median_of(f.set("messages-string"), "copy", "one_way_ns");
         return Measured{ms(one_way), judge_range(one_way, {1 * kMs, 3 * kMs},
                                                  {"native memcpy vs the Dart VM's serializer",
                                                   "this machine's memory bandwidth"})};
       }},
      {"message-sharing", "immutable data shared in a group, not copied",
       "shared by reference (Dart >= 2.15)",
       "isolate-bench messages --kind string --size 2MB --mode copy,share",
       [](const Figures& f, unsigned) {
         const auto& set = f.set("messages-string");
         const double shared = Figures::median_of(set, "share", "copied_bytes");
         const double copied = Figures::median_of(set, "copy", "copied_bytes");
         return Measured{
             fmt::format("2 MB string: shared {} ({} allocated), copied {} ({})",
                         ms(Figures::median_of(set, "share", "one_way_ns")), format_bytes(shared),
                         ms(Figures::median_of(set, "copy", "one_way_ns")), format_bytes(copied)),
             judge_sharing(shared, copied,
                           f.compared("messages-string", set, "copy", "share", "one_way_ns"))};
       }},
      {"message-objects", "10,000 objects cost more to send than 100", "more than 100",
       "isolate-bench messages --kind objects --objects 100,10000",
       [](const Figures& f, unsigned) {
         // The send call itself: the sender makes the receiver's copy, so its cost is the cost
         // of the objects, without the receiver's wake-up that a busy machine stretches.
         const auto& few =
             Figures::stats(f.set("messages-objects", "size", 100), "copy", "sender_busy_ns");
         const auto& many =
             Figures::stats(f.set("messages-objects", "size", 10000), "copy", "sender_busy_ns");
         return Measured{
             fmt::format("send call: 10,000: {}; 100: {}", ms(many.median), ms(few.median)),
             judge_more_costs_more(few, many)};
       }},
      {"isolate-memory", "memory of a freshly spawned isolate", "2-5 MB",
       "isolate-bench isolate-memory --isolates 1000",
       [](const Figures& f, unsigned) {
         const double rss =
             Figures::median_of(f.set("isolate-memory"), "isolate", "rss_per_isolate_bytes");
         return Measured{format_bytes(rss) + " resident",
                         judge_range(rss, {2e6, 5e6},
                                     {"native isolate: no Dart VM heap reserved",
                                      "this build's stacks and heap"})};
       }},
      {"offload-under-5ms", "under 5 ms, offloading is not worth it",
       "< 5 ms: spawn ~0.5 ms + messages", "isolate-bench offload --work 1ms,2ms,4ms,5ms",
       [](const Figures& f, unsigned) {
         const auto& set = f.set("offload", "work_ns", 4'000'000);
         const double dropped = Figures::median_of(set, "main", fk::dropped);
         const double overhead = Figures::median_of(set, "run", "overhead_ns");
         return Measured{fmt::format("4 ms on main: {} dropped; Isolate::run adds {}",
                                     frames(dropped), ms(overhead)),
                         judge_not_worth_offloading(
                             dropped, f.compared("offload", set, "main", "run", "end_to_end_ns"))};
       }},
      {"offload-over-16ms", "over 16 ms, move it to an isolate", "> 16 ms, one frame at 60 fps",
       "isolate-bench offload --work 16ms,20ms,33ms",
       [](const Figures& f, unsigned cores) {
         const auto& set = f.set("offload", "work_ns", 20'000'000);
         const double main = Figures::median_of(set, "main", fk::dropped);
         const double offloaded = std::min(Figures::median_of(set, "run", fk::dropped),
                                           Figures::median_of(set, "worker", fk::dropped));
         return Measured{
             fmt::format("20 ms: main dropped {}, an isolate {}", frames(main), frames(offloaded)),
             judge_offload_pays(main, offloaded, cores,
                                "main kept its frames with 20 ms of work here")};
       }},
      {"persistent-worker", "a persistent worker avoids the spawn per request",
       "no 5-50 ms spawn per request", "isolate-bench offload --mode run,worker",
       [](const Figures& f, unsigned) {
         const auto& set = f.set("offload", "work_ns", 4'000'000);
         const double run = Figures::median_of(set, "run", "overhead_ns");
         const double worker = Figures::median_of(set, "worker", "overhead_ns");
         return Measured{
             fmt::format("overhead per call: Isolate::run {}, worker {}", ms(run), ms(worker)),
             judge_persistent_worker(f.compared("offload", set, "run", "worker", "end_to_end_ns"))};
       }},
      {"native-race", "native globals race across isolates", "they race, as threads in C",
       "isolate-bench native-state",
       [](const Figures& f, unsigned) {
         const auto& set = f.set("native-state");
         const auto& racy = Figures::stats(set, "native-racy", "lost_updates");
         const auto& locked = Figures::stats(set, "native-mutex", "lost_updates");
         return Measured{fmt::format("{} updates lost unguarded, {} with a mutex (medians)",
                                     format_value(racy.median, Unit::count),
                                     format_value(locked.median, Unit::count)),
                         judge_native_race(racy, locked)};
       }},
      {"hash-offload", "hashing a large file belongs in an isolate", "use an isolate",
       "isolate-bench sha256 --size 64MiB",
       [](const Figures& f, unsigned cores) {
         const auto& set = f.set("sha256");
         const double main = Figures::median_of(set, "main", fk::dropped);
         const double offloaded = Figures::median_of(set, "transfer", fk::dropped);
         return Measured{
             fmt::format("{}: main dropped {}, an isolate {}",
                         format_bytes(static_cast<double>(Figures::parameter(set, "size_bytes"))),
                         frames(main), frames(offloaded)),
             judge_offload_pays(main, offloaded, cores, "native SHA-256 hashes it within a frame")};
       }},
      {"workers-suffice", "two or three workers suffice", "2-3 workers on a 4-8 core phone",
       "isolate-bench image-compress --mode pool --workers 4",
       [](const Figures& f, unsigned cores) {
         std::vector<PoolSpeedup> pools;
         std::string figure;
         for (const int workers : {2, 3, 4}) {
           const std::string tag = "pool-" + std::to_string(workers);
           try {
             f.run(tag);
           } catch (const MissingFigure&) {
             continue;  // --quick leaves out the pool of three
           }
           const double speedup = Figures::median_of(f.set(tag), "pool", "parallel_speedup");
           pools.push_back({workers, speedup});
           figure +=
               fmt::format("{}{} workers {:.2f}x", figure.empty() ? "" : ", ", workers, speedup);
         }
         if (pools.empty()) throw MissingFigure("its scenario is not in this build");
         return Measured{figure + " one worker's images/s", judge_workers_suffice(pools, cores)};
       }},
  };
  return specs;
}

}  // namespace

std::vector<ClaimRow> evaluate_claims(const RunResults& results, unsigned cores) {
  const Figures figures(results);
  std::vector<ClaimRow> rows;
  for (const auto& spec : claim_specs()) {
    ClaimRow row{spec.id, spec.claim, spec.document, {}, {}, spec.command};
    try {
      auto measured = spec.measure(figures, cores);
      row.measured = std::move(measured.figure);
      row.judgement = std::move(measured.judgement);
    } catch (const MissingFigure& missing) {
      row.measured = std::string(verdict_name(ClaimVerdict::not_measured));
      row.judgement = {ClaimVerdict::not_measured, missing.what()};
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace bench::claims

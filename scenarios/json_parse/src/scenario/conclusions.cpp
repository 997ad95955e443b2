#include "conclusions.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <optional>

#include "bench/harness/frame_metrics.hpp"
#include "bench/harness/offload_answer.hpp"
#include "bench/harness/units.hpp"
#include "body_crossing.hpp"
#include "timeline.hpp"

namespace json_parse {
namespace {

namespace k = metric_keys;
using bench::format_duration_ns;

using bench::find_mode;
using bench::median;

/// The parameter set `set` measured: its catalog and decoder.
struct Measured {
  const bench::ParameterResult& set;
  const CatalogPoint& point;

  double bytes() const { return static_cast<double>(point.workload->bytes); }
  std::string decoder() const { return std::string(to_string(point.decoder)); }
};

std::string frames(double count) {
  const std::string number = bench::format_value(count, bench::Unit::count);
  return number + (count == 1 ? " frame" : " frames");
}

std::string rate(double bytes, double nanoseconds) {
  if (nanoseconds <= 0) return "n/a";
  return bench::format_bytes(bytes / (nanoseconds / 1e9)) + "/s";
}

std::string where(const Measured& m) {
  return fmt::format("{}, {} decoder", bench::format_bytes(m.bytes()), m.decoder());
}

std::string display_settings(const bench::ScenarioResult& result) {
  return fmt::format(
      "{:g} fps with {} of UI work per frame", result.settings.display.fps,
      format_duration_ns(static_cast<double>(result.settings.display.ui_work.count())));
}

/// Main-isolate parsing of one parameter set: what it cost and the frames it dropped.
struct MainPoint {
  std::string size;
  double bytes, parse, dropped, longest_event;
};

std::optional<MainPoint> main_point(const Measured& m) {
  const auto* main = find_mode(m.set, "main");
  const auto parse = median(main, k::parse);
  const auto dropped = median(main, bench::frame_metric_keys::dropped);
  const auto event = median(main, bench::frame_metric_keys::longest_event);
  if (!parse || !dropped || !event) return std::nullopt;
  return MainPoint{bench::format_bytes(m.bytes()), m.bytes(), *parse, *dropped, *event};
}

/// The sets of `decoder` where the main isolate parsed.
std::vector<MainPoint> main_points(const std::vector<Measured>& sets, const std::string& decoder) {
  std::vector<MainPoint> points;
  for (const auto& m : sets) {
    if (m.decoder() != decoder) continue;
    if (auto point = main_point(m)) points.push_back(*point);
  }
  return points;
}

/// Main-isolate parsing of `m`'s decoder when `m` is its only size: the rate and the longest
/// block the sweep sentence would otherwise give.
std::optional<std::string> single_size_sentence(const bench::ScenarioResult& result,
                                                const std::vector<Measured>& sets,
                                                const Measured& m) {
  const auto points = main_points(sets, m.decoder());
  const auto point = main_point(m);
  if (points.size() != 1 || !point) return std::nullopt;
  return fmt::format(
      "Main isolate, {} decoder, {}: the parse took {} ({}) and blocked the loop for {} at "
      "once; at {} it dropped {} per parse (median).",
      m.decoder(), point->size, format_duration_ns(point->parse), rate(point->bytes, point->parse),
      format_duration_ns(point->longest_event), display_settings(result), frames(point->dropped));
}

/// Main-isolate parsing of one decoder over its sizes: where frames start to drop. Empty with
/// fewer than two sizes (single_size_sentence() tells one).
std::optional<std::string> main_thread_sentence(const bench::ScenarioResult& result,
                                                const std::vector<Measured>& sets,
                                                const std::string& decoder) {
  const auto points = main_points(sets, decoder);
  if (points.size() < 2) return std::nullopt;
  std::string per_size;
  for (const auto& p : points) {
    if (!per_size.empty()) per_size += ", ";
    per_size +=
        fmt::format("{} {} ({})", p.size, bench::format_value(p.dropped, bench::Unit::count),
                    format_duration_ns(p.parse));
  }
  const auto first_drop =
      std::find_if(points.begin(), points.end(), [](const MainPoint& p) { return p.dropped > 0; });
  std::string verdict;
  if (first_drop == points.end()) {
    verdict = fmt::format("no size in this run made it drop frames, up to {}", points.back().size);
  } else if (first_drop == points.begin()) {
    verdict = fmt::format("it drops frames already at the smallest size, {}", first_drop->size);
  } else {
    verdict = fmt::format("it starts to drop frames at {} (at {} it dropped none)",
                          first_drop->size, std::prev(first_drop)->size);
  }
  return fmt::format(
      "Main isolate, {} decoder, at {}: {}. Frames dropped per parse (median) and parse time by "
      "size: {}.",
      decoder, display_settings(result), verdict, per_size);
}

/// The answer to "should this be offloaded here?" for one parameter set: the frames parsing on
/// the main isolate lost against those of the fastest offload, and what the offload cost.
std::optional<std::string> offload_answer_sentence(const bench::ScenarioResult& result,
                                                   const Measured& m) {
  bench::OffloadQuestion question;
  question.did = "parsed";
  for (const auto& mode : m.set.modes) {
    if (mode.mode.name != "main") question.offloads.push_back(mode.mode.name);
  }
  const auto answer = bench::offload_answer(result, m.set, question);
  if (!answer) return std::nullopt;
  return where(m) + ": " + *answer;
}

/// "a", "a and b", "a, b and c".
std::string join_names(const std::vector<std::string>& names) {
  std::string joined;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) joined += i + 1 == names.size() ? " and " : ", ";
    joined += names[i];
  }
  return joined;
}

/// run versus run-send, which differ in both crossings: run-send copies the body in where run
/// shares it (Dart >= 2.15), and copies the products back where run hands them over by exit.
std::optional<std::string> crossings_sentence(const Measured& m) {
  const bench::ParameterResult& set = m.set;
  const auto* run = find_mode(set, "run");
  const auto* send = find_mode(set, "run-send");
  const auto shared_in = median(run, k::copy_in);
  const auto shared_bytes = median(run, k::copy_in_bytes);
  const auto copy_in = median(send, k::copy_in);
  const auto copied_in = median(send, k::copy_in_bytes);
  const auto copy_out = median(send, k::copy_out);
  const auto copied_out = median(send, k::copy_out_bytes);
  const auto exit_return = median(run, k::return_to_main);
  const auto send_return = median(send, k::return_to_main);
  if (!shared_in || !shared_bytes || !copy_in || !copied_in || !copy_out || !copied_out ||
      !exit_return || !send_return) {
    return std::nullopt;
  }
  std::vector<std::string> sharing;
  for (const auto& mode : set.modes) {
    if (body_crossing_of(mode.mode.name) == BodyCrossing::shared) {
      sharing.push_back(mode.mode.name);
    }
  }
  return fmt::format(
      "{}: run-send copied the body in ({}, {}) where {} {} it (Dart ≥ 2.15; run: {}, {}), and "
      "the {} products back through a port ({}, {}): they reached the main isolate {} after the "
      "parse, against {} by exit (run).",
      where(m), bench::format_bytes(*copied_in), format_duration_ns(*copy_in), join_names(sharing),
      sharing.size() == 1 ? "shares" : "share", bench::format_bytes(*shared_bytes),
      format_duration_ns(*shared_in), m.point.workload->products, bench::format_bytes(*copied_out),
      format_duration_ns(*copy_out), format_duration_ns(*send_return),
      format_duration_ns(*exit_return));
}

std::optional<std::string> worker_spawn_sentence(const bench::ScenarioResult& result) {
  std::vector<double> spawns;
  std::vector<std::string> modes;
  for (const auto& set : result.parameter_sets) {
    for (const auto& mode : set.modes) {
      const auto found = mode.setup.find(k::worker_spawn);
      if (found == mode.setup.end()) continue;
      spawns.push_back(found->second);
      if (std::find(modes.begin(), modes.end(), mode.mode.name) == modes.end()) {
        modes.push_back(mode.mode.name);
      }
    }
  }
  if (spawns.empty()) return std::nullopt;
  const auto [low, high] = std::minmax_element(spawns.begin(), spawns.end());
  const std::string span = *low == *high
                               ? format_duration_ns(*low)
                               : format_duration_ns(*low) + " to " + format_duration_ns(*high);
  // Only the modes that ran and measured a spawn are named.
  const std::string who =
      modes.size() == 1
          ? "The persistent worker (" + modes.front() + ") took"
          : "The persistent workers (" + fmt::format("{}", fmt::join(modes, ", ")) + ") took";
  return fmt::format("{} {} to spawn, once in setup, outside the per-parse figures.", who, span);
}

constexpr const char* kDocumentScale =
    "For scale: the document quotes 60-80 ms for jsonDecode of 2 MB on a mid-range phone (4-5 "
    "frames dropped at 60 fps)";

/// The set to hold beside the document's figure: the dynamic decoder (jsonDecode's
/// counterpart) parsed on the main isolate, at 2 MB when the run has it. Null when none.
const Measured* scale_reference(const std::vector<Measured>& sets) {
  const Measured* chosen = nullptr;
  for (const auto& m : sets) {
    if (m.point.decoder != DecoderKind::dynamic) continue;
    if (!median(find_mode(m.set, "main"), k::parse)) continue;
    if (chosen == nullptr || m.bytes() == 2'000'000) chosen = &m;
  }
  return chosen;
}

std::string scale_sentence_without_main() {
  return std::string(kDocumentScale) +
         "; this run parsed nothing with the dynamic decoder (its counterpart) on the main "
         "isolate to set beside it.";
}

std::string scale_sentence(const Measured& chosen) {
  const auto* main = find_mode(chosen.set, "main");
  const double parse = *median(main, k::parse);
  const double dropped = median(main, bench::frame_metric_keys::dropped).value_or(0);
  const double bytes = chosen.bytes();
  std::string sentence = fmt::format(
      "{}; here the dynamic decoder decoded and mapped {} on the main isolate in {} ({}), "
      "dropping {}",
      kDocumentScale, bench::format_bytes(bytes), format_duration_ns(parse), rate(bytes, parse),
      frames(dropped));
  if (bytes == 2'000'000 && parse > 0) {
    sentence += fmt::format(", {:.0f} to {:.0f} times faster", 60e6 / parse, 80e6 / parse);
    sentence += dropped > 0 ? ": still the stutter shows here"
                            : ", so the stutter the document describes at 2 MB needs a larger "
                              "body (or a slower machine) to show here";
  }
  return sentence + ".";
}

}  // namespace

bench::Conclusions json_parse_conclusions(const bench::ScenarioResult& result,
                                          const std::vector<CatalogPoint>& points) {
  std::vector<Measured> sets;
  std::vector<std::string> decoders;
  for (const auto& set : result.parameter_sets) {
    sets.push_back({set, points.at(set.index)});
    if (std::find(decoders.begin(), decoders.end(), sets.back().decoder()) == decoders.end()) {
      decoders.push_back(sets.back().decoder());
    }
  }
  // Under each set's table, first what a reader came for, should this be offloaded here; then
  // what copying the body in and the products back costs against sharing and exit (once per
  // size: the decoders cross the same body and products) and the document's phone beside this
  // machine; with --details the main isolate's rate and longest block when the set is its
  // decoder's only size (the answer has its time). After
  // every table: where main-thread parsing starts to drop frames over the sizes, the persistent
  // workers' spawn.
  bench::Conclusions conclusions;
  const Measured* scale_set = scale_reference(sets);
  const bool input = !points.empty() && points.front().workload->input.has_value();
  std::vector<double> sizes_told;
  for (std::size_t i = 0; i < sets.size(); ++i) {
    const Measured& m = sets[i];
    if (auto sentence = offload_answer_sentence(result, m)) conclusions.add(i, *sentence);
    if (std::find(sizes_told.begin(), sizes_told.end(), m.bytes()) == sizes_told.end()) {
      if (auto sentence = crossings_sentence(m)) {
        conclusions.add(i, *sentence);
        sizes_told.push_back(m.bytes());
      }
    }
    if (!input && &m == scale_set) conclusions.add(i, scale_sentence(*scale_set));
    if (auto sentence = single_size_sentence(result, sets, m)) {
      conclusions.add_detail(i, *sentence);
    }
  }
  for (const auto& decoder : decoders) {
    if (auto sentence = main_thread_sentence(result, sets, decoder)) {
      conclusions.run.push_back(*sentence);
    }
  }
  if (auto sentence = worker_spawn_sentence(result)) conclusions.run.push_back(*sentence);
  if (input && !points.front().workload->skipped_reason.empty()) {
    conclusions.run.push_back("The input is not a product list, so the mapping step was skipped (" +
                              points.front().workload->skipped_reason +
                              "); every mode hands back the decoded tree instead.");
  }
  if (!input && scale_set == nullptr) conclusions.run.push_back(scale_sentence_without_main());
  return conclusions;
}

}  // namespace json_parse

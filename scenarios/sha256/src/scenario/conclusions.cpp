#include "conclusions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "bench/harness/frame_metrics.hpp"
#include "bench/harness/offload_answer.hpp"
#include "bench/harness/units.hpp"
#include "timeline.hpp"

namespace sha256 {
namespace {

namespace k = metric_keys;
using bench::format_duration_ns;

using bench::find_mode;
using bench::median;

std::string frames(double count) {
  return bench::format_value(count, bench::Unit::count) + (count == 1 ? " frame" : " frames");
}

std::string percent(double share) {
  return fmt::format("{:.1f} %", share * 100);
}

std::string gb_per_s(double mb_per_s) {
  return fmt::format("{:.2f} GB/s", mb_per_s / 1000);
}

std::string where(const HashPoint& point) {
  return fmt::format("{} in {} chunks", point.workload->label,
                     bench::format_bytes(static_cast<double>(point.chunk)));
}

std::string digest_line(const HashPoint& point) {
  if (!point.record->digest) return {};
  const std::string hex = to_hex(*point.record->digest);
  if (point.workload->input) {
    // sha256sum's own format, so the line can be compared with (or fed to) `sha256sum -c`.
    return fmt::format("{}  {}", hex, point.workload->input->string());
  }
  return fmt::format("SHA-256 of the generated {}: {} (every mode agreed)", point.workload->label,
                     hex);
}

/// The end-to-end metric's declaration, for comparisons between modes.
const bench::MetricSpec& end_to_end_spec() {
  static const bench::MetricSpec spec = hash_metric_specs().front();
  return spec;
}

std::optional<std::string> floor_sentence(const bench::ParameterResult& set,
                                          const HashPoint& point) {
  const auto* floor = find_mode(set, "floor");
  const auto e2e = median(floor, k::end_to_end);
  const auto rate = median(floor, k::throughput);
  if (!e2e || !rate) return std::nullopt;
  return fmt::format("{}: the floor (a plain thread, no isolate) hashes it in {}, {}.",
                     where(point), format_duration_ns(*e2e), gb_per_s(*rate));
}

std::optional<std::string> main_sentence(const bench::ParameterResult& set, const HashPoint& point,
                                         double fps) {
  const auto* main = find_mode(set, "main");
  const auto busy = median(main, k::main_thread);
  const auto dropped = median(main, bench::frame_metric_keys::dropped);
  const auto janky = median(main, bench::frame_metric_keys::janky);
  if (!busy || !dropped || !janky) return std::nullopt;
  const int due = vsyncs_during(*busy, fps);
  const int predicted = std::max(0, due - 1);
  const std::string spans =
      due == 0   ? "no VSync falls due meanwhile, which predicts no dropped frame"
      : due == 1 ? "1 VSync falls due meanwhile and is rendered late, which predicts no dropped "
                   "frame"
                 : fmt::format(
                       "{} VSyncs fall due meanwhile and all but the newest are "
                       "coalesced, which predicts {} dropped",
                       due, frames(predicted));
  return fmt::format(
      "{}: `main` holds the main isolate for {} per hash; at {:g} fps {}: it "
      "dropped {} and {} janky (medians).",
      where(point), format_duration_ns(*busy), fps, spans, frames(*dropped),
      bench::format_value(*janky, bench::Unit::count));
}

std::optional<std::string> chunking_sentence(const bench::ParameterResult& set,
                                             const HashPoint& point) {
  const auto* main = find_mode(set, "main");
  const auto* chunked = find_mode(set, "chunked-main");
  const auto main_e2e = median(main, k::end_to_end);
  const auto chunked_e2e = median(chunked, k::end_to_end);
  const auto main_dropped = median(main, bench::frame_metric_keys::dropped);
  const auto chunked_dropped = median(chunked, bench::frame_metric_keys::dropped);
  const auto longest = median(chunked, bench::frame_metric_keys::longest_event);
  if (!main_e2e || !chunked_e2e || !main_dropped || !chunked_dropped || !longest) {
    return std::nullopt;
  }
  const double cost = *chunked_e2e - *main_e2e;
  // The verdict from the paired rounds says whether the cost is real or noise could flip it.
  const auto compared = bench::compare(*main, *chunked, end_to_end_spec());
  return fmt::format(
      "{}: chunking on the main isolate (`chunked-main`) {} {} ({:+.1f} %) end to end against "
      "`main` ({} -> {}, medians{}) and drops {} instead of {}: its longest event is {}.",
      where(point), cost >= 0 ? "costs" : "saves", format_duration_ns(std::abs(cost)),
      *main_e2e > 0 ? cost / *main_e2e * 100 : 0.0, format_duration_ns(*main_e2e),
      format_duration_ns(*chunked_e2e),
      compared ? "; " + bench::describe_comparison(*compared, end_to_end_spec()) : "",
      frames(*chunked_dropped), frames(*main_dropped), format_duration_ns(*longest));
}

std::optional<std::string> offload_sentence(const bench::ParameterResult& set,
                                            const HashPoint& point) {
  struct Offload {
    std::string name;
    double share, busy, dropped;
    std::string verdict;  ///< against the floor, end to end; empty when the floor did not run
  };
  const auto* floor = find_mode(set, "floor");
  std::vector<Offload> offloads;
  for (const char* name : {"run", "transfer", "worker"}) {
    const auto* mode = find_mode(set, name);
    const auto share = median(mode, k::floor_share);
    const auto busy = median(mode, k::main_thread);
    const auto dropped = median(mode, bench::frame_metric_keys::dropped);
    if (!share || !busy || !dropped) continue;
    std::string verdict;
    if (floor) {
      if (const auto compared = bench::compare(*floor, *mode, end_to_end_spec())) {
        verdict = std::string(bench::verdict_word(compared->verdict, true));
        if (compared->verdict != bench::Verdict::no_clear_difference) verdict += " than the floor";
      }
    }
    offloads.push_back({name, *share, *busy, *dropped, std::move(verdict)});
  }
  if (offloads.empty()) return std::nullopt;
  const auto best =
      std::max_element(offloads.begin(), offloads.end(),
                       [](const auto& a, const auto& b) { return a.share < b.share; });
  std::string others;
  for (const auto& offload : offloads) {
    others += fmt::format("{}`{}` {} of the floor{}, main isolate busy {}, {} dropped",
                          others.empty() ? "" : "; ", offload.name, percent(offload.share),
                          offload.verdict.empty() ? "" : " (" + offload.verdict + ")",
                          format_duration_ns(offload.busy), frames(offload.dropped));
  }
  return fmt::format(
      "{}: of the offloads, `{}` keeps the most of the floor's throughput end to end ({}; the "
      "worker's one-off spawn excluded): {}.",
      where(point), best->name, percent(best->share), others);
}

}  // namespace

int vsyncs_during(double busy_ns, double fps) {
  const double period = 1e9 / fps;
  return static_cast<int>(std::floor((busy_ns + period / 2) / period));
}

bench::Conclusions sha256_conclusions(const bench::ScenarioResult& result,
                                      const std::vector<HashPoint>& points) {
  // Per set: whether to offload, which offload keeps the most throughput, what chunking on the
  // main isolate gives instead, the digest; with --details the frames the hash time predicts
  // and the floor.
  bench::Conclusions conclusions;
  conclusions.per_set.resize(result.parameter_sets.size());
  bench::OffloadQuestion question;
  question.did = "hashed";
  question.offloads = {"run", "transfer", "worker"};
  for (std::size_t i = 0; i < result.parameter_sets.size(); ++i) {
    const auto& set = result.parameter_sets[i];
    const HashPoint& point = points.at(set.index);
    const std::string digest = digest_line(point);
    if (auto answer = bench::offload_answer(result, set, question)) {
      conclusions.add(i, where(point) + ": " + *answer);
    }
    for (auto sentence : {offload_sentence(set, point), chunking_sentence(set, point)}) {
      if (sentence) conclusions.add(i, std::move(*sentence));
    }
    // The digest lets a reader check the data against another tool's (sha256sum, a Dart app
    // hashing the --write-workload file): it stays in view.
    if (!digest.empty()) conclusions.add(i, digest);
    for (auto sentence :
         {main_sentence(set, point, result.settings.display.fps), floor_sentence(set, point)}) {
      if (sentence) conclusions.add_detail(i, std::move(*sentence));
    }
  }
  conclusions.run.push_back(
      fmt::format("{}: SHA-256 through EVP takes the {} code path on this CPU.", openssl_version(),
                  openssl_sha256_path()));
  return conclusions;
}

}  // namespace sha256

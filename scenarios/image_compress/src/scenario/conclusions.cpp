#include "conclusions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <thread>

#include "bench/harness/frame_metrics.hpp"
#include "bench/harness/offload_answer.hpp"
#include "bench/harness/units.hpp"
#include "timeline.hpp"

namespace image_compress {
namespace {

namespace k = metric_keys;
namespace f = bench::frame_metric_keys;
using bench::find_mode;
using bench::format_duration_ns;
using bench::median;

std::string frames(double count) {
  return bench::format_value(count, bench::Unit::count) + (count == 1 ? " frame" : " frames");
}

std::string image_name(const ImagePoint& point) {
  return point.workload->input ? point.workload->label : point.workload->name;
}

std::string where(const ImagePoint& point) {
  return fmt::format("{}, {} level {}", image_name(point), codec_name(point.png.codec),
                     point.png.level);
}

std::string size_sentence(const ImagePoint& point) {
  const double raw = static_cast<double>(point.workload->image.raw_bytes());
  const double png = static_cast<double>(point.reference->png.size());
  std::string sentence = fmt::format(
      "{}: {} of RGBA8 compress to a PNG of {}, {:.2f}x smaller{}.", where(point),
      bench::format_bytes(raw), bench::format_bytes(png), png > 0 ? raw / png : 0.0,
      point.workload->input
          ? fmt::format(" (the file was {}, decoded to RGBA8)", point.workload->converted_from)
          : std::string(" (photo-like pixels generated from --seed)"));
  if (point.reference->output) {
    // Named as asked: the file is written with the reports, after this sentence is made.
    sentence +=
        fmt::format(" Its PNG goes to {} with the reports.", point.reference->output->string());
  }
  return sentence;
}

std::optional<std::string> main_sentence(const bench::ParameterResult& set, const ImagePoint& point,
                                         double fps) {
  const auto* main = find_mode(set, "main");
  const auto busy = median(main, k::main_thread);
  const auto dropped = median(main, f::dropped);
  const auto janky = median(main, f::janky);
  if (!busy || !dropped || !janky) return std::nullopt;
  return fmt::format(
      "{}: compressing on the main isolate (`main`) holds it for {} per image, {:.1f} frame "
      "periods at {:g} fps: it dropped {} and {} janky (medians).",
      where(point), format_duration_ns(*busy), *busy * fps / 1e9, fps, frames(*dropped),
      bench::format_value(*janky, bench::Unit::count));
}

std::optional<std::string> offload_sentence(const bench::ScenarioResult& result,
                                            const bench::ParameterResult& set,
                                            const ImagePoint& point) {
  struct Offload {
    std::string name;
    double end_to_end, busy, dropped;
  };
  std::vector<Offload> offloads;
  for (const char* name : {"run", "worker", "transfer"}) {
    const auto* mode = find_mode(set, name);
    const auto e2e = median(mode, k::end_to_end);
    const auto busy = median(mode, k::main_thread);
    const auto dropped = median(mode, f::dropped);
    if (e2e && busy && dropped) offloads.push_back({name, *e2e, *busy, *dropped});
  }
  if (offloads.empty()) return std::nullopt;
  const auto fastest =
      std::min_element(offloads.begin(), offloads.end(),
                       [](const auto& a, const auto& b) { return a.end_to_end < b.end_to_end; });
  std::string all;
  for (const auto& offload : offloads) {
    all +=
        fmt::format("{}`{}` {} end to end, main isolate busy {}, {} dropped",
                    all.empty() ? "" : "; ", offload.name, format_duration_ns(offload.end_to_end),
                    format_duration_ns(offload.busy), frames(offload.dropped));
  }
  // The verdict from the paired rounds, not the ratio of medians: a few milliseconds either way
  // on a second of work is noise a second run can flip.
  std::string versus_main;
  const auto* main = find_mode(set, "main");
  if (const auto* metric = bench::find_metric(result, k::end_to_end); main && metric) {
    if (const auto compared = bench::compare(*main, *find_mode(set, fastest->name), *metric)) {
      versus_main = " (against `main`: " + bench::describe_comparison(*compared, *metric) + ")";
    }
  }
  return fmt::format(
      "{}: the offload with the lowest median is `{}`{}, costing the main isolate {} per image "
      "(the worker's "
      "one-off spawn excluded): {}.",
      where(point), fastest->name, versus_main, format_duration_ns(fastest->busy), all);
}

std::optional<std::string> deflate_share_sentence(const bench::ParameterResult& set,
                                                  const ImagePoint& point) {
  for (const char* name : {"main", "worker", "transfer", "run", "pool"}) {
    const auto encode = median(set, name, k::encode);
    const auto deflate = median(set, name, k::deflate);
    if (!encode || !deflate || *encode <= 0) continue;
    return fmt::format(
        "{}: of the encoder's {} per image (`{}`), the codec's deflate takes {} ({:.0f} %); "
        "choosing the row filters takes the rest.",
        where(point), format_duration_ns(*encode), name, format_duration_ns(*deflate),
        *deflate / *encode * 100);
  }
  return std::nullopt;
}

/// zlib against libdeflate on the same image, when both ran: what the codec choice buys.
std::optional<std::string> codec_sentence(const bench::ScenarioResult& result,
                                          const bench::ParameterResult& set,
                                          const std::vector<ImagePoint>& points) {
  const ImagePoint& point = points.at(set.index);
  if (point.png.codec != Codec::libdeflate) return std::nullopt;
  for (const auto& other : result.parameter_sets) {
    const ImagePoint& zlib = points.at(other.index);
    if (zlib.workload != point.workload || zlib.png.codec != Codec::zlib) continue;
    for (const char* name : {"main", "worker", "transfer", "run", "pool"}) {
      const auto fast = median(set, name, k::deflate);
      const auto slow = median(other, name, k::deflate);
      if (!fast || !slow || *slow <= 0) continue;
      const double size_change = static_cast<double>(point.reference->png.size()) /
                                     static_cast<double>(zlib.reference->png.size()) -
                                 1;
      return fmt::format(
          "{}: libdeflate deflates in {} where zlib takes {} ({:.2f}x the time, `{}` medians), "
          "and its PNG is {:+.1f} % the size of zlib's ({} against {}).",
          image_name(point), format_duration_ns(*fast), format_duration_ns(*slow), *fast / *slow,
          name, size_change * 100,
          bench::format_bytes(static_cast<double>(point.reference->png.size())),
          bench::format_bytes(static_cast<double>(zlib.reference->png.size())));
    }
  }
  return std::nullopt;
}

std::optional<std::string> pool_sentence(const bench::ParameterResult& set,
                                         const ImagePoint& point) {
  const auto* pool = find_mode(set, "pool");
  const auto rate = median(pool, k::images_per_s);
  const auto speedup = median(pool, k::parallel_speedup);
  const auto mb = median(pool, k::throughput);
  if (!rate || !speedup || !mb) return std::nullopt;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned ceiling = std::min<unsigned>(cores, static_cast<unsigned>(point.workers));
  return fmt::format(
      "{}: `pool` with {} workers compresses {} images per batch at {:.1f} images/s ({:.0f} MB/s "
      "of raw pixels), {:.2f}x the same batch on one of its workers; with {} cores here the "
      "ceiling is {}x.",
      where(point), point.workers, point.images, *rate, *mb, *speedup, cores, ceiling);
}

}  // namespace

bench::Conclusions image_compress_conclusions(const bench::ScenarioResult& result,
                                              const std::vector<ImagePoint>& points) {
  // Per set: whether to offload, the image and its PNG, the pool's batch rate; with --details
  // the main isolate's frames, every offload's figures, the encoder's split. For the run: the
  // codecs, and zlib against libdeflate where both compressed one image.
  bench::Conclusions conclusions;
  conclusions.per_set.resize(result.parameter_sets.size());
  bench::OffloadQuestion question;
  question.did = "compressed";
  question.offloads = {"run", "worker", "transfer"};
  const double fps = result.settings.display.fps;
  for (std::size_t i = 0; i < result.parameter_sets.size(); ++i) {
    const auto& set = result.parameter_sets[i];
    const ImagePoint& point = points.at(set.index);
    if (auto answer = bench::offload_answer(result, set, question)) {
      conclusions.add(i, where(point) + ": " + *answer);
    }
    conclusions.add(i, size_sentence(point));
    if (auto sentence = pool_sentence(set, point)) conclusions.add(i, *sentence);
    for (auto sentence : {main_sentence(set, point, fps), offload_sentence(result, set, point),
                          deflate_share_sentence(set, point)}) {
      if (sentence) conclusions.add_detail(i, std::move(*sentence));
    }
  }
  conclusions.run.push_back(
      fmt::format("Codecs: {}; every mode's PNG equalled the reference.", codec_versions()));
  for (const auto& set : result.parameter_sets) {
    if (auto sentence = codec_sentence(result, set, points)) conclusions.run.push_back(*sentence);
  }
  return conclusions;
}

}  // namespace image_compress

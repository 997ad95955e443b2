// The sentences under the table, computed from this run's medians.

#include <fmt/format.h>

#include <optional>

#include "bench/harness/units.hpp"
#include "messages_scenario.hpp"

namespace messages {
namespace {

namespace k = metric_keys;
using bench::format_duration_ns;

using bench::median;

std::string times(double ratio) {
  return ratio >= 10 ? fmt::format("{:.0f}x", ratio) : fmt::format("{:.1f}x", ratio);
}

/// One sentence per parameter set: every way's one-way median next to the floor's.
std::string set_sentence(const Point& point, const bench::ParameterResult& set) {
  const auto floor = median(set, "floor", k::latency);
  std::string text = point.label() + ", one way:";
  bool first = true;
  for (const char* way : {"copy", "transfer", "share", "exit"}) {
    const auto value = median(set, way, k::latency);
    if (!value) continue;
    text += fmt::format("{} {} {}", first ? "" : ",", way, format_duration_ns(*value));
    if (floor && *floor > 0) text += fmt::format(" ({} the floor)", times(*value / *floor));
    first = false;
  }
  if (first) text += " no way but the floor ran";
  if (floor)
    text += fmt::format("; the floor (a plain copy on one thread) takes {}",
                        format_duration_ns(*floor));
  std::string trips;
  for (const char* way : {"copy", "transfer", "share"}) {
    if (const auto value = median(set, way, k::round_trip)) {
      trips += fmt::format("{} {} {}", trips.empty() ? "" : ",", way, format_duration_ns(*value));
    }
  }
  if (!trips.empty()) {
    text += "; there and back:" + trips;
    if (const auto floor_trip = median(set, "floor", k::round_trip)) {
      text += fmt::format(" (two plain copies: {})", format_duration_ns(*floor_trip));
    }
  }
  return text + ".";
}

bool about_two_mb(std::uint64_t size) {
  return size >= 1'900'000 && size <= 2'200'000;  // 2 MB or 2 MiB
}

/// The document's 2 MB string figure beside a set that sends about 2 MB of string by copy.
std::optional<std::string> two_mb_string_sentence(const Point& point,
                                                  const bench::ParameterResult& set) {
  if (point.kind != Kind::string || !about_two_mb(point.size)) return std::nullopt;
  const auto copy = median(set, "copy", k::latency);
  if (!copy) return std::nullopt;
  const double ms = *copy / 1e6;
  const char* verdict = ms < 1 ? "below" : ms <= 3 ? "inside" : "above";
  std::string text = fmt::format(
      "The document says sending a 2MB string costs ~1-3 ms each way; here a {} string by copy "
      "takes {} one way, {} that range",
      bench::describe_size(point.size), format_duration_ns(*copy), verdict);
  if (const auto share = median(set, "share", k::latency)) {
    text += fmt::format(", and by share {}, whatever its size", format_duration_ns(*share));
  }
  return text +
         " (a desktop core copies memory faster than a phone's, and the copy here is a "
         "memcpy-like string copy, not the Dart VM's serializer).";
}

std::optional<std::string> objects_sentence(const std::vector<Point>& points,
                                            const bench::ScenarioResult& result, Kind kind) {
  const bench::ParameterResult* fewest = nullptr;
  const bench::ParameterResult* most = nullptr;
  for (const auto& set : result.parameter_sets) {
    const Point& point = points.at(set.index);
    if (point.kind != kind || !median(set, "copy", k::latency)) continue;
    if (fewest == nullptr || point.size < points.at(fewest->index).size) fewest = &set;
    if (most == nullptr || point.size > points.at(most->index).size) most = &set;
  }
  if (fewest == nullptr || fewest == most) return std::nullopt;
  const Point& few = points.at(fewest->index);
  const Point& many = points.at(most->index);
  const double few_ns = *median(*fewest, "copy", k::latency);
  const double many_ns = *median(*most, "copy", k::latency);
  std::string text = fmt::format(
      "By copy, {} products{} take {} one way and {} take {}: {} the time for {} the objects "
      "(the document: \"10,000 objects cost more than 100\")",
      few.size, kind == Kind::value ? " as an iso::Value tree" : "", format_duration_ns(few_ns),
      many.size, format_duration_ns(many_ns), times(many_ns / few_ns),
      times(static_cast<double>(many.size) / few.size));
  if (const auto floor = median(*most, "floor", k::latency); floor && *floor > 0) {
    text += fmt::format("; at {} products the copy is {} {} copy constructor", many.size,
                        times(many_ns / *floor),
                        kind == Kind::value ? "the iso::Value tree's" : "the structs'");
  }
  return text + ".";
}

/// Whether each O(1) way stays flat from the smallest size to the largest.
std::vector<std::string> flat_sentences(const std::vector<Point>& points,
                                        const bench::ScenarioResult& result) {
  std::vector<std::string> sentences;
  if (result.parameter_sets.size() < 2) return sentences;
  for (const char* way : {"copy", "transfer", "share", "exit"}) {
    const bench::ParameterResult* smallest = nullptr;
    const bench::ParameterResult* largest = nullptr;
    for (const auto& set : result.parameter_sets) {
      if (!median(set, way, k::latency)) continue;
      const auto size = points.at(set.index).data_bytes;
      if (smallest == nullptr || size < points.at(smallest->index).data_bytes) smallest = &set;
      if (largest == nullptr || size > points.at(largest->index).data_bytes) largest = &set;
    }
    if (smallest == nullptr || smallest == largest) continue;
    const double low = *median(*smallest, way, k::latency);
    const double high = *median(*largest, way, k::latency);
    const double growth = low > 0 ? high / low : 0;
    const double data_growth = static_cast<double>(points.at(largest->index).data_bytes) /
                               static_cast<double>(points.at(smallest->index).data_bytes);
    const bool rebuilt = std::string_view(way) == "transfer" &&
                         points.at(largest->index).kind == Kind::string && growth > 2;
    sentences.push_back(fmt::format(
        "{}: {} one way at {}, {} at {} ({} the data): {}{}.", way, format_duration_ns(low),
        points.at(smallest->index).label(), format_duration_ns(high),
        points.at(largest->index).label(), times(data_growth),
        growth <= 2 ? fmt::format("flat in size (within 2x: {})", times(growth))
                    : fmt::format("it grows with the data ({})", times(growth)),
        rebuilt ? " (the bytes move in O(1), but the receiver makes a string of them again: "
                  "a copy; --kind bytes shows the move alone)"
                : ""));
  }
  return sentences;
}

}  // namespace

bench::Conclusions build_conclusions(const std::vector<Point>& points,
                                     const bench::ScenarioResult& result) {
  // Under each set's table: every way's one-way time next to the floor, and the document's
  // 2 MB figure where the set sends about that much; after every table, how the ways grow
  // with the number of objects and the size.
  bench::Conclusions conclusions;
  conclusions.per_set.resize(result.parameter_sets.size());
  bool two_mb_told = false;
  for (std::size_t i = 0; i < result.parameter_sets.size(); ++i) {
    const auto& set = result.parameter_sets[i];
    const Point& point = points.at(set.index);
    conclusions.add(i, set_sentence(point, set));
    if (two_mb_told) continue;
    if (auto sentence = two_mb_string_sentence(point, set)) {
      conclusions.add(i, *sentence);
      two_mb_told = true;
    }
  }
  for (const Kind kind : {Kind::objects, Kind::value}) {
    if (auto sentence = objects_sentence(points, result, kind))
      conclusions.run.push_back(*sentence);
  }
  for (auto& sentence : flat_sentences(points, result))
    conclusions.run.push_back(std::move(sentence));
  return conclusions;
}

}  // namespace messages

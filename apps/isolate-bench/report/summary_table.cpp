#include "report/summary_table.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "bench/harness/frame_metrics.hpp"
#include "bench/harness/units.hpp"

namespace isolate_bench {
namespace {

std::string with_marker(std::string text, bool unstable) {
  return unstable ? text + " *" : text;
}

/// The values of `key` over `mode`'s repetitions, in order (0 where a repetition lacks it).
std::vector<double> values_of(const bench::ModeResult& mode, const std::string& key) {
  std::vector<double> values;
  for (const auto& repetition : mode.repetitions) {
    const auto found = repetition.values.find(key);
    values.push_back(found == repetition.values.end() ? 0.0 : found->second);
  }
  return values;
}

/// The metric before `index` in `result.metrics` whose values equal metric `index`'s in every
/// repetition of every mode of `set` (so its row would repeat that one), or nullptr.
const bench::MetricSpec* same_as_earlier(const bench::ScenarioResult& result,
                                         const bench::ParameterResult& set, std::size_t index) {
  const auto& metric = result.metrics[index];
  // Durations and sizes only, and not all zero: equal frame counts, or two steps that no mode
  // has, are a coincidence of this run rather than one figure under two names.
  if (metric.unit != bench::Unit::ns && metric.unit != bench::Unit::bytes) return nullptr;
  if (std::all_of(set.modes.begin(), set.modes.end(),
                  [&](const auto& mode) { return measured_nothing(mode, metric); })) {
    return nullptr;
  }
  for (std::size_t e = 0; e < index; ++e) {
    const auto& earlier = result.metrics[e];
    if (earlier.unit != metric.unit) continue;
    const bool same = std::all_of(set.modes.begin(), set.modes.end(), [&](const auto& mode) {
      return mode.summary(metric.key) != nullptr && mode.summary(earlier.key) != nullptr &&
             values_of(mode, metric.key) == values_of(mode, earlier.key);
    });
    if (same) return &earlier;
  }
  return nullptr;
}

}  // namespace

bool is_frame_metric(const std::string& key) {
  const auto specs = bench::frame_metric_specs();
  return std::any_of(specs.begin(), specs.end(),
                     [&](const bench::MetricSpec& spec) { return spec.key == key; });
}

bool measured_nothing(const bench::ModeResult& mode, const bench::MetricSpec& metric) {
  if (metric.unit != bench::Unit::ns && metric.unit != bench::Unit::bytes) return false;
  if (mode.repetitions.empty()) return false;
  const auto values = values_of(mode, metric.key);
  return std::all_of(values.begin(), values.end(), [](double v) { return v == 0; });
}

SummaryTable build_summary_table(const bench::ScenarioResult& result,
                                 const bench::ParameterResult& set, bool ascii) {
  SummaryTable table;
  table.header.push_back("");
  for (const auto& mode : set.modes) {
    table.header.push_back(mode.baseline ? mode.mode.name + " (baseline)" : mode.mode.name);
  }
  const auto& baseline = set.modes.front();
  const std::string range_separator = ascii ? " .. " : " … ";
  std::vector<std::string> unstable_notes;
  std::vector<std::string> outlier_notes;

  std::vector<std::string> not_measured;
  // Labels of later metrics that repeat an earlier one, by the earlier one's key.
  std::vector<std::pair<std::string, std::string>> merged;
  std::vector<bool> skip(result.metrics.size(), false);
  for (std::size_t m = 1; m < result.metrics.size(); ++m) {
    if (const auto* earlier = same_as_earlier(result, set, m)) {
      merged.emplace_back(earlier->key, result.metrics[m].label);
      skip[m] = true;
    }
  }
  for (std::size_t m = 0; m < result.metrics.size(); ++m) {
    const auto& metric = result.metrics[m];
    if (skip[m]) continue;
    const bool frame = is_frame_metric(metric.key);
    std::string label = metric.label;
    for (const auto& [key, also] : merged) {
      if (key == metric.key) label += " = " + also;
    }
    if (std::all_of(set.modes.begin(), set.modes.end(),
                    [&](const auto& mode) { return measured_nothing(mode, metric); })) {
      not_measured.push_back(label);
      continue;
    }
    SummaryRow median{label + " (median)", {}, true};
    SummaryRow range{"  min" + range_separator + "max", {}, false};
    SummaryRow ratio{"  vs " + baseline.mode.name, {}, false};
    SummaryRow ratio_range{"  speedup, 95 %", {}, false};
    for (const auto& mode : set.modes) {
      const auto* summary = mode.summary(metric.key);
      if (!summary) {
        median.cells.push_back("n/a");
        range.cells.push_back("n/a");
        ratio.cells.push_back("n/a");
        ratio_range.cells.push_back("n/a");
        continue;
      }
      if (measured_nothing(mode, metric)) {
        for (auto* row : {&median, &range, &ratio, &ratio_range}) row->cells.emplace_back();
        continue;
      }
      const auto& s = summary->statistics;
      // Frame counts are small integers whose CV says little; they are flagged in CSV/JSON,
      // and the table marks only the times and sizes a reader compares.
      const bool mark = s.unstable && !frame;
      median.cells.push_back(with_marker(bench::format_value(s.median, metric.unit, ascii), mark));
      range.cells.push_back(bench::format_value(s.min, metric.unit, ascii) + range_separator +
                            bench::format_value(s.max, metric.unit, ascii));
      if (mode.baseline) {
        ratio.cells.push_back("");
        ratio_range.cells.push_back("");
      } else if (const auto compared = bench::compare(baseline, mode, metric)) {
        std::string verdict(bench::verdict_word(compared->verdict, bench::is_time(metric)));
        if (!compared->interval.reaches_level()) verdict += " (too few)";
        ratio.cells.push_back(verdict);
        ratio_range.cells.push_back(bench::format_ratio(compared->interval.low) + range_separator +
                                    bench::format_ratio(compared->interval.high));
      } else {
        ratio.cells.push_back("n/a");
        ratio_range.cells.push_back("n/a");
      }
      if (s.outliers.count() > 0 && &metric == &result.primary_metric()) {
        outlier_notes.push_back(
            fmt::format("{} {} of {}", mode.mode.name, s.outliers.count(), s.count));
      }
      if (mark) {
        unstable_notes.push_back(fmt::format("{} {} (CV {:.0f} %)", mode.mode.name, metric.label,
                                             s.coefficient_of_variation * 100));
      }
    }
    table.rows.push_back(std::move(median));
    if (!frame) table.rows.push_back(std::move(range));
    if (&metric == &result.primary_metric() && set.modes.size() > 1) {
      table.rows.push_back(std::move(ratio));
      table.rows.push_back(std::move(ratio_range));
    }
  }

  for (const auto& metric : result.setup_metrics) {
    SummaryRow row{"setup: " + metric.label, {}, &metric == &result.setup_metrics.front()};
    for (const auto& mode : set.modes) {
      const auto found = mode.setup.find(metric.key);
      row.cells.push_back(
          found == mode.setup.end() ? "" : bench::format_value(found->second, metric.unit, ascii));
    }
    table.rows.push_back(std::move(row));
  }

  if (!not_measured.empty()) {
    table.footnotes.push_back(fmt::format(
        "Not measured in this parameter set (0 in every repetition of every mode; blank cells "
        "are the same for one mode): {}.",
        fmt::join(not_measured, ", ")));
  }
  if (!unstable_notes.empty()) {
    std::string note = "* unstable (coefficient of variation above 10 %): ";
    for (std::size_t i = 0; i < unstable_notes.size(); ++i) {
      note += (i ? ", " : "") + unstable_notes[i];
    }
    table.footnotes.push_back(note + "; rerun with more --repetitions or on a quieter machine.");
  }
  if (!outlier_notes.empty()) {
    std::string note =
        fmt::format("Outliers of {} beyond Tukey's fences (counted, kept in every figure): ",
                    result.primary_metric().label);
    for (std::size_t i = 0; i < outlier_notes.size(); ++i) {
      note += (i ? ", " : "") + outlier_notes[i];
    }
    table.footnotes.push_back(note + ".");
  }
  if (set.modes.size() > 1) {
    table.footnotes.push_back(fmt::format(
        "vs {0}: speedup is {0}'s {1} over the mode's, taken round by round (the modes ran "
        "side by side) with the 95 % interval of its median; above 1 the mode did better. "
        "The verdict is faster or slower only when the interval leaves out 1{2}.",
        baseline.mode.name, result.primary_metric().label,
        baseline.repetitions.size() < bench::kFewestForConfidence
            ? fmt::format("; with fewer than {} rounds it cannot (too few)",
                          bench::kFewestForConfidence)
            : ""));
  }
  if (auto note = describe_rounds(result, set)) table.footnotes.push_back(*note);
  return table;
}

std::string describe_settings(const bench::ScenarioResult& result, bool ascii) {
  const auto& s = result.settings;
  const std::string repetitions =
      s.auto_repetitions
          ? fmt::format(
                "repetitions: auto (±{:.0f} %, at least {}, at most {} a set)",
                bench::kAutoTolerance * 100, s.repetitions,
                bench::format_duration_ns(
                    static_cast<double>(s.max_time.value_or(bench::kDefaultMaxTime).count()),
                    ascii))
          : fmt::format("{} repetition{} per mode", s.repetitions, s.repetitions == 1 ? "" : "s");
  return fmt::format(
      "{} · {} warm-up{} · {:g} fps, {} UI work a frame · seed {}", repetitions, s.warmups,
      s.warmups == 1 ? "" : "s", s.display.fps,
      bench::format_duration_ns(static_cast<double>(s.display.ui_work.count()), ascii), s.seed);
}

std::optional<std::string> describe_rounds(const bench::ScenarioResult& result,
                                           const bench::ParameterResult& set) {
  if (set.stop == bench::StopReason::fixed_count) return std::nullopt;
  const auto& metric = result.primary_metric();
  const double tolerance = bench::kAutoTolerance * 100;
  const std::string ran = fmt::format("{} repetitions per mode ran", set.rounds);
  if (set.stop == bench::StopReason::converged) {
    return fmt::format("{}: every mode's median {} is known to ±{:.0f} % at 95 % confidence.", ran,
                       metric.label, tolerance);
  }
  std::vector<std::string> wide;
  for (const auto& mode : set.modes) {
    const auto* summary = mode.summary(metric.key);
    if (summary == nullptr) continue;
    const auto& st = summary->statistics;
    if (bench::is_within(st.median_interval, st.median, bench::kAutoTolerance)) continue;
    const double low = st.median > 0 ? (st.median_interval.low / st.median - 1) * 100 : 0;
    const double high = st.median > 0 ? (st.median_interval.high / st.median - 1) * 100 : 0;
    wide.push_back(fmt::format("{} ({:+.0f} % to {:+.0f} %)", mode.mode.name, low, high));
  }
  const std::string why =
      set.stop == bench::StopReason::time_budget
          ? fmt::format("the {} budget (--max-time) ran out",
                        bench::format_duration_ns(static_cast<double>(
                            result.settings.max_time.value_or(bench::kDefaultMaxTime).count())))
          : "the repetition limit was reached";
  return fmt::format("{} before {}; still wider than ±{:.0f} %: the median {} of {}.", ran, why,
                     tolerance, metric.label, fmt::join(wide, ", "));
}

std::string describe_representative(const bench::ScenarioResult& result,
                                    const bench::ModeResult& mode) {
  const auto& repetition = mode.repetitions.at(mode.representative);
  return fmt::format("{} - repetition {} of {} (the median by {})", mode.mode.name,
                     repetition.index, mode.repetitions.size(), result.primary_metric().label);
}

std::vector<std::pair<std::string, std::string>> describe_environment(
    const bench::ScenarioResult& result) {
  const auto& e = result.environment;
  std::string libraries;
  for (const auto& library : e.libraries) {
    libraries += (libraries.empty() ? "" : ", ") + library.name + " " + library.version;
  }
  const auto load = e.load_average_1m < 0
                        ? std::string("unknown")
                        : fmt::format("{:.2f} {:.2f} {:.2f} (1, 5, 15 min, at start)",
                                      e.load_average_1m, e.load_average_5m, e.load_average_15m);
  return {
      {"CPU", fmt::format("{} ({} logical cores)", e.cpu_model, e.logical_cores)},
      {"load", load},
      {"build", fmt::format("isolate-bench {}, commit {}, {} build, {}", e.version, e.commit,
                            e.build_type, e.compiler)},
      {"libraries", libraries},
      {"peak memory", e.peak_rss_bytes == 0
                          ? std::string("unknown")
                          : fmt::format("{} ({} bytes) resident, the run's peak",
                                        bench::format_bytes(static_cast<double>(e.peak_rss_bytes)),
                                        e.peak_rss_bytes)},
      {"measured", e.timestamp_utc},
      {"command", e.command_line},
  };
}

}  // namespace isolate_bench

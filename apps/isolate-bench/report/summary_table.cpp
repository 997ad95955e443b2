#include "report/summary_table.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "bench/harness/frame_metrics.hpp"
#include "bench/harness/units.hpp"

namespace isolate_bench {
namespace {

bool is_frame_metric(const std::string& key) {
  const auto specs = bench::frame_metric_specs();
  return std::any_of(specs.begin(), specs.end(),
                     [&](const bench::MetricSpec& spec) { return spec.key == key; });
}

std::string with_marker(std::string text, bool unstable) {
  return unstable ? text + " *" : text;
}

}  // namespace

std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
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

  for (const auto& metric : result.metrics) {
    const bool frame = is_frame_metric(metric.key);
    SummaryRow median{metric.label + " (median)", {}, true};
    SummaryRow range{"  min" + range_separator + "max", {}, false};
    SummaryRow ratio{"  vs " + baseline.mode.name, {}, false};
    for (const auto& mode : set.modes) {
      const auto* summary = mode.summary(metric.key);
      if (!summary) {
        median.cells.push_back("n/a");
        range.cells.push_back("n/a");
        ratio.cells.push_back("n/a");
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
      } else {
        const auto factor = bench::speedup(baseline, mode, metric);
        ratio.cells.push_back(factor ? bench::describe_speedup(*factor, metric) : "n/a");
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
    }
  }

  for (const auto& metric : result.setup_metrics) {
    SummaryRow row{"setup: " + metric.label, {}, &metric == &result.setup_metrics.front()};
    for (const auto& mode : set.modes) {
      const auto found = mode.setup.find(metric.key);
      row.cells.push_back(
          found == mode.setup.end() ? "-" : bench::format_value(found->second, metric.unit, ascii));
    }
    table.rows.push_back(std::move(row));
  }

  if (!unstable_notes.empty()) {
    std::string note = "* unstable (coefficient of variation above 10 %): ";
    for (std::size_t i = 0; i < unstable_notes.size(); ++i) {
      note += (i ? ", " : "") + unstable_notes[i];
    }
    table.footnotes.push_back(note + "; rerun with more --repetitions or on a quieter machine.");
  }
  return table;
}

std::string describe_settings(const bench::ScenarioResult& result, bool ascii) {
  const auto& s = result.settings;
  return fmt::format(
      "{} repetition{} per mode after {} warm-up{} · {:g} fps, {} of UI work per frame · seed {}",
      s.repetitions, s.repetitions == 1 ? "" : "s", s.warmups, s.warmups == 1 ? "" : "s",
      s.display.fps,
      bench::format_duration_ns(static_cast<double>(s.display.ui_work.count()), ascii), s.seed);
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
      {"measured", e.timestamp_utc},
      {"command", e.command_line},
  };
}

}  // namespace isolate_bench

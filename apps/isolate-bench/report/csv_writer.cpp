// RFC 4180 CSV: one row per mode x parameter set x repetition, summary rows per statistic, one
// setup row per mode and parameter set. Every column is documented in results/README.md; the
// order is fixed: identity columns, metric columns (the scenario's, the frame metrics, the setup
// metrics), then settings and environment repeated on every row, so any row stands alone.

#include <functional>
#include <optional>

#include "report/csv_fields.hpp"
#include "report/numbers.hpp"
#include "report/report_writer.hpp"

namespace isolate_bench {
namespace {

struct Identity {
  std::string row_type, mode, baseline, parameter_set, parameters, repetition, representative,
      statistic, unstable, speedup, speedup_low, speedup_high, verdict, stop;
};

class CsvWriter final : public ReportWriter {
 public:
  std::string render(const bench::ScenarioResult& result) const override {
    std::vector<std::string> header{"scenario",
                                    "row_type",
                                    "mode",
                                    "baseline",
                                    "parameter_set",
                                    "parameters",
                                    "repetition",
                                    "representative",
                                    "statistic",
                                    "unstable",
                                    "speedup_vs_baseline",
                                    "speedup_low",
                                    "speedup_high",
                                    "verdict",
                                    "stop"};
    for (const auto& metric : result.metrics) header.push_back(metric.key);
    for (const auto& metric : result.setup_metrics) header.push_back(metric.key);
    const auto environment = environment_fields(result);
    for (const auto& [name, value] : environment) header.push_back(name);

    std::string out;
    append_csv_row(out, header);
    const std::size_t metric_count = result.metrics.size();
    const std::size_t setup_count = result.setup_metrics.size();

    auto emit = [&](const Identity& id, const std::function<std::string(std::size_t)>& metric,
                    const std::function<std::string(std::size_t)>& setup) {
      std::vector<std::string> row{
          result.scenario, id.row_type,    id.mode,           id.baseline,  id.parameter_set,
          id.parameters,   id.repetition,  id.representative, id.statistic, id.unstable,
          id.speedup,      id.speedup_low, id.speedup_high,   id.verdict,   id.stop};
      for (std::size_t i = 0; i < metric_count; ++i) row.push_back(metric(i));
      for (std::size_t i = 0; i < setup_count; ++i) row.push_back(setup(i));
      for (const auto& [name, value] : environment) row.push_back(value);
      append_csv_row(out, row);
    };
    auto none = [](std::size_t) { return std::string(); };

    for (const auto& set : result.parameter_sets) {
      const auto& baseline = set.modes.front();
      for (const auto& mode : set.modes) {
        Identity id;
        id.mode = mode.mode.name;
        id.baseline = mode.baseline ? "true" : "false";
        id.parameter_set = set.parameters.label;
        id.parameters = join_parameters(set.parameters);

        for (std::size_t r = 0; r < mode.repetitions.size(); ++r) {
          const auto& repetition = mode.repetitions[r];
          Identity rep = id;
          rep.row_type = "repetition";
          rep.repetition = std::to_string(repetition.index);
          rep.representative = r == mode.representative ? "true" : "false";
          emit(
              rep,
              [&](std::size_t i) {
                const auto found = repetition.values.find(result.metrics[i].key);
                return found == repetition.values.end() ? std::string()
                                                        : exact_number(found->second);
              },
              none);
        }

        std::string unstable;
        for (const auto& summary : mode.summaries) {
          if (summary.statistics.unstable) unstable += (unstable.empty() ? "" : ";") + summary.key;
        }
        const auto& primary = result.primary_metric();
        const auto factor = bench::speedup(baseline, mode, primary);
        const auto compared =
            mode.baseline ? std::nullopt : bench::compare(baseline, mode, primary);
        using Pick = double (*)(const bench::Statistics&);
        const std::pair<const char*, Pick> statistics[] = {
            {"min", [](const bench::Statistics& s) { return s.min; }},
            {"median", [](const bench::Statistics& s) { return s.median; }},
            {"mean", [](const bench::Statistics& s) { return s.mean; }},
            {"p90", [](const bench::Statistics& s) { return s.p90; }},
            {"max", [](const bench::Statistics& s) { return s.max; }},
            {"stddev", [](const bench::Statistics& s) { return s.stddev; }},
            {"cv", [](const bench::Statistics& s) { return s.coefficient_of_variation; }},
            {"count", [](const bench::Statistics& s) { return static_cast<double>(s.count); }},
            {"median_low", [](const bench::Statistics& s) { return s.median_interval.low; }},
            {"median_high", [](const bench::Statistics& s) { return s.median_interval.high; }},
            {"median_confidence",
             [](const bench::Statistics& s) { return s.median_interval.confidence; }},
            {"outliers",
             [](const bench::Statistics& s) { return static_cast<double>(s.outliers.count()); }},
        };
        for (const auto& [name, pick] : statistics) {
          Identity summary = id;
          summary.row_type = "summary";
          summary.statistic = name;
          summary.unstable = unstable;
          summary.stop = std::string(bench::stop_reason_name(set.stop));
          if (std::string_view(name) == "median") {
            if (factor) summary.speedup = exact_number(*factor);
            if (compared) {
              summary.speedup_low = exact_number(compared->interval.low);
              summary.speedup_high = exact_number(compared->interval.high);
              summary.verdict =
                  std::string(bench::verdict_word(compared->verdict, bench::is_time(primary)));
            }
          }
          emit(
              summary,
              [&, pick = pick](std::size_t i) {
                const auto* s = mode.summary(result.metrics[i].key);
                return s ? exact_number(pick(s->statistics)) : std::string();
              },
              none);
        }

        if (setup_count > 0) {
          Identity setup = id;
          setup.row_type = "setup";
          emit(setup, none, [&](std::size_t i) {
            const auto found = mode.setup.find(result.setup_metrics[i].key);
            return found == mode.setup.end() ? std::string() : exact_number(found->second);
          });
        }
      }
    }
    return out;
  }

 private:
  static std::vector<std::pair<std::string, std::string>> environment_fields(
      const bench::ScenarioResult& result) {
    const auto& s = result.settings;
    const auto& e = result.environment;
    std::string libraries;
    for (const auto& library : e.libraries) {
      libraries += (libraries.empty() ? "" : ";") + library.name + "=" + library.version;
    }
    return {
        {"fps", exact_number(s.display.fps)},
        {"ui_work_ns", std::to_string(s.display.ui_work.count())},
        {"warmups", std::to_string(s.warmups)},
        {"repetitions", s.auto_repetitions ? "auto" : std::to_string(s.repetitions)},
        {"max_time_ns",
         s.auto_repetitions && s.max_time ? std::to_string(s.max_time->count()) : ""},
        {"seed", std::to_string(s.seed)},
        {"lead_in_frames", std::to_string(s.lead_in_frames)},
        {"lead_out_frames", std::to_string(s.lead_out_frames)},
        {"cpu_model", e.cpu_model},
        {"logical_cores", std::to_string(e.logical_cores)},
        {"load_average_1m", exact_number(e.load_average_1m)},
        {"load_average_5m", exact_number(e.load_average_5m)},
        {"load_average_15m", exact_number(e.load_average_15m)},
        {"compiler", e.compiler},
        {"build_type", e.build_type},
        {"commit", e.commit},
        {"version", e.version},
        {"libraries", libraries},
        {"peak_rss_bytes", std::to_string(e.peak_rss_bytes)},
        {"timestamp_utc", e.timestamp_utc},
        {"command_line", e.command_line},
    };
  }
};

}  // namespace

std::unique_ptr<ReportWriter> make_csv_writer() {
  return std::make_unique<CsvWriter>();
}

}  // namespace isolate_bench

// One JSON document with everything the CSV holds, in a nested shape for tools, plus the
// conclusions. Numbers that are not finite (a coefficient of variation over a zero mean) are
// written as null, since JSON has no infinity.

#include <fmt/format.h>

#include <cmath>

#include "report/escaping.hpp"
#include "report/numbers.hpp"
#include "report/report_writer.hpp"

namespace isolate_bench {
namespace {

std::string number(double value) {
  return std::isfinite(value) ? exact_number(value) : "null";
}

std::string boolean(bool value) {
  return value ? "true" : "false";
}

/// Writes a JSON object or array from already-rendered members.
std::string object(const std::vector<std::pair<std::string, std::string>>& members,
                   const std::string& indent) {
  if (members.empty()) return "{}";
  std::string out = "{\n";
  for (std::size_t i = 0; i < members.size(); ++i) {
    out += indent + "  " + json_quote(members[i].first) + ": " + members[i].second;
    out += i + 1 < members.size() ? ",\n" : "\n";
  }
  return out + indent + "}";
}

std::string array(const std::vector<std::string>& items, const std::string& indent) {
  if (items.empty()) return "[]";
  std::string out = "[\n";
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += indent + "  " + items[i];
    out += i + 1 < items.size() ? ",\n" : "\n";
  }
  return out + indent + "]";
}

std::string measurements(const bench::Measurements& values, const std::string& indent) {
  std::vector<std::pair<std::string, std::string>> members;
  for (const auto& [key, value] : values) members.emplace_back(key, number(value));
  return object(members, indent);
}

std::string metric_specs(const std::vector<bench::MetricSpec>& specs, const std::string& indent) {
  std::vector<std::string> items;
  for (const auto& spec : specs) {
    items.push_back(fmt::format(
        "{{\"key\": {}, \"label\": {}, \"unit\": {}, \"lower_is_better\": {}, "
        "\"description\": {}}}",
        json_quote(spec.key), json_quote(spec.label), json_quote(bench::unit_name(spec.unit)),
        boolean(spec.lower_is_better), json_quote(spec.description)));
  }
  return array(items, indent);
}

std::string parameter_value(const std::variant<std::int64_t, double, std::string>& value) {
  if (std::holds_alternative<std::string>(value)) return json_quote(std::get<std::string>(value));
  if (const auto* real = std::get_if<double>(&value)) return number(*real);
  return parameter_text(value);
}

class JsonWriter final : public ReportWriter {
 public:
  std::string render(const bench::ScenarioResult& result) const override {
    const auto& s = result.settings;
    const auto& e = result.environment;
    std::vector<std::pair<std::string, std::string>> libraries;
    for (const auto& library : e.libraries)
      libraries.emplace_back(library.name, json_quote(library.version));

    std::vector<std::string> sets;
    for (const auto& set : result.parameter_sets) sets.push_back(parameter_set(result, set));
    std::vector<std::string> conclusions;
    for (const auto& sentence : result.conclusions) conclusions.push_back(json_quote(sentence));

    return object(
               {
                   {"scenario", json_quote(result.scenario)},
                   {"summary", json_quote(result.summary)},
                   {"primary_metric", json_quote(result.primary_metric().key)},
                   {"settings",
                    object({{"fps", number(s.display.fps)},
                            {"ui_work_ns", std::to_string(s.display.ui_work.count())},
                            {"warmups", std::to_string(s.warmups)},
                            {"repetitions", s.auto_repetitions ? json_quote("auto")
                                                               : std::to_string(s.repetitions)},
                            {"max_time_ns", s.auto_repetitions && s.max_time
                                                ? std::to_string(s.max_time->count())
                                                : "null"},
                            {"seed", std::to_string(s.seed)},
                            {"lead_in_frames", std::to_string(s.lead_in_frames)},
                            {"lead_out_frames", std::to_string(s.lead_out_frames)}},
                           "  ")},
                   {"environment", object({{"cpu_model", json_quote(e.cpu_model)},
                                           {"logical_cores", std::to_string(e.logical_cores)},
                                           {"load_average_1m", number(e.load_average_1m)},
                                           {"load_average_5m", number(e.load_average_5m)},
                                           {"load_average_15m", number(e.load_average_15m)},
                                           {"compiler", json_quote(e.compiler)},
                                           {"build_type", json_quote(e.build_type)},
                                           {"commit", json_quote(e.commit)},
                                           {"version", json_quote(e.version)},
                                           {"libraries", object(libraries, "    ")},
                                           {"peak_rss_bytes", std::to_string(e.peak_rss_bytes)},
                                           {"timestamp_utc", json_quote(e.timestamp_utc)},
                                           {"command_line", json_quote(e.command_line)}},
                                          "  ")},
                   {"metrics", metric_specs(result.metrics, "  ")},
                   {"setup_metrics", metric_specs(result.setup_metrics, "  ")},
                   {"parameter_sets", array(sets, "  ")},
                   {"conclusions", array(conclusions, "  ")},
               },
               "") +
           "\n";
  }

 private:
  static std::string parameter_set(const bench::ScenarioResult& result,
                                   const bench::ParameterResult& set) {
    const std::string indent = "    ";
    std::vector<std::pair<std::string, std::string>> parameters;
    for (const auto& p : set.parameters.parameters)
      parameters.emplace_back(p.key, parameter_value(p.value));
    std::vector<std::string> modes;
    for (const auto& mode : set.modes) modes.push_back(mode_result(result, set, mode));
    std::vector<std::string> conclusions, further;
    for (const auto& sentence : set.conclusions) conclusions.push_back(json_quote(sentence));
    for (const auto& sentence : set.further_conclusions) further.push_back(json_quote(sentence));
    return object({{"label", json_quote(set.parameters.label)},
                   {"parameters", object(parameters, indent)},
                   {"rounds", std::to_string(set.rounds)},
                   {"stop", json_quote(bench::stop_reason_name(set.stop))},
                   {"measuring_time_ns", std::to_string(set.measuring_time.count())},
                   {"modes", array(modes, indent)},
                   {"conclusions", array(conclusions, indent)},
                   {"further_conclusions", array(further, indent)}},
                  indent);
  }

  static std::string mode_result(const bench::ScenarioResult& result,
                                 const bench::ParameterResult& set, const bench::ModeResult& mode) {
    const std::string indent = "      ";
    std::vector<std::string> repetitions;
    for (std::size_t r = 0; r < mode.repetitions.size(); ++r) {
      const auto& repetition = mode.repetitions[r];
      repetitions.push_back(object({{"index", std::to_string(repetition.index)},
                                    {"representative", boolean(r == mode.representative)},
                                    {"values", measurements(repetition.values, indent + "    ")}},
                                   indent + "  "));
    }
    std::vector<std::pair<std::string, std::string>> summary;
    bool unstable = false;
    for (const auto& metric : mode.summaries) {
      const auto& st = metric.statistics;
      unstable = unstable || st.unstable;
      summary.emplace_back(
          metric.key,
          fmt::format("{{\"count\": {}, \"min\": {}, \"median\": {}, \"mean\": {}, \"p90\": {}, "
                      "\"max\": {}, \"stddev\": {}, \"cv\": {}, \"unstable\": {}, "
                      "\"median_low\": {}, \"median_high\": {}, \"median_confidence\": {}, "
                      "\"outliers_below\": {}, \"outliers_above\": {}}}",
                      st.count, number(st.min), number(st.median), number(st.mean), number(st.p90),
                      number(st.max), number(st.stddev), number(st.coefficient_of_variation),
                      boolean(st.unstable), number(st.median_interval.low),
                      number(st.median_interval.high), number(st.median_interval.confidence),
                      st.outliers.below, st.outliers.above));
    }
    const auto& primary = result.primary_metric();
    const auto factor = bench::speedup(set.modes.front(), mode, primary);
    const auto compared =
        mode.baseline ? std::nullopt : bench::compare(set.modes.front(), mode, primary);
    return object(
        {{"name", json_quote(mode.mode.name)},
         {"description", json_quote(mode.mode.description)},
         {"baseline", boolean(mode.baseline)},
         {"repetition_count", std::to_string(mode.repetitions.size())},
         {"speedup_vs_baseline", factor ? number(*factor) : "null"},
         {"speedup_low", compared ? number(compared->interval.low) : "null"},
         {"speedup_high", compared ? number(compared->interval.high) : "null"},
         {"speedup_confidence", compared ? number(compared->interval.confidence) : "null"},
         {"verdict",
          compared ? json_quote(bench::verdict_word(compared->verdict, bench::is_time(primary)))
                   : "null"},
         {"unstable", boolean(unstable)},
         {"setup", measurements(mode.setup, indent + "  ")},
         {"summary", object(summary, indent + "  ")},
         {"repetitions", array(repetitions, indent + "  ")}},
        indent);
  }
};

}  // namespace

std::unique_ptr<ReportWriter> make_json_writer() {
  return std::make_unique<JsonWriter>();
}

}  // namespace isolate_bench

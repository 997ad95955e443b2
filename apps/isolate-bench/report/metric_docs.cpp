#include "report/metric_docs.hpp"

#include <fmt/format.h>

#include <cctype>

#include "bench/harness/frame_metrics.hpp"

namespace isolate_bench {
namespace {

std::string metric_rows(const std::vector<bench::MetricSpec>& metrics, std::string_view prefix) {
  std::string rows;
  for (const auto& metric : metrics) {
    rows += fmt::format("| `{}` | {} | {}{} |\n", metric.key, bench::unit_name(metric.unit), prefix,
                        metric.description);
  }
  return rows;
}

constexpr const char* kTableHead = "| column | unit | meaning |\n|---|---|---|\n";

}  // namespace

std::string metric_docs_markdown(const std::vector<const bench::Scenario*>& scenarios) {
  std::string out = "### Frame metrics (every scenario)\n\n";
  out += kTableHead + metric_rows(bench::frame_metric_specs(), "");
  for (const auto* scenario : scenarios) {
    std::string summary = scenario->summary();
    if (!summary.empty()) summary.front() = static_cast<char>(std::toupper(summary.front()));
    out +=
        fmt::format("\n### {}\n\n{}.\n\nModes (`--mode`; the first one run is the baseline):\n\n",
                    scenario->name(), summary);
    for (const auto& mode : scenario->modes()) {
      out += fmt::format("- `{}`: {}\n", mode.name, mode.description);
    }
    const auto parameters = scenario->parameter_specs();
    if (!parameters.empty()) {
      out += "\nParameters (the `parameters` column):\n\n";
      for (const auto& parameter : parameters) {
        out += fmt::format("- `{}`: {}\n", parameter.key, parameter.description);
      }
    }
    out += std::string("\n") + kTableHead + metric_rows(scenario->metrics(), "");
    out += metric_rows(scenario->setup_metrics(), "setup rows only: ");
  }
  return out;
}

}  // namespace isolate_bench

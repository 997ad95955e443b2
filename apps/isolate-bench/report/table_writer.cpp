// The terminal table (fmt): what a person reads right after a run.

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "report/report_writer.hpp"
#include "report/summary_table.hpp"

namespace isolate_bench {
namespace {

std::string pad(const std::string& text, std::size_t width) {
  const auto used = display_width(text);
  return text + std::string(width > used ? width - used : 0, ' ');
}

std::string indent(const std::string& block, const std::string& prefix) {
  std::string out;
  std::istringstream lines(block);
  for (std::string line; std::getline(lines, line);) out += prefix + line + "\n";
  return out;
}

class TableWriter final : public ReportWriter {
 public:
  explicit TableWriter(bench::FilmstripStyle style) : style_(style) {}

  std::string render(const bench::ScenarioResult& result) const override {
    const bool ascii = !style_.unicode;
    std::string out = fmt::format("{}: {}\n{}\n", result.scenario, result.summary,
                                  describe_settings(result, ascii));
    for (const auto& set : result.parameter_sets) {
      out += "\n" + bold(set.parameters.label) + "\n";
      out += render_table(build_summary_table(result, set, ascii));
    }
    if (!result.conclusions.empty()) {
      out += "\n";
      for (const auto& sentence : result.conclusions) out += sentence + "\n";
    }
    out += render_filmstrips(result);
    out += "\n";
    for (const auto& [name, value] : describe_environment(result)) {
      out += fmt::format("{:<10} {}\n", name + ":", value);
    }
    return out;
  }

 private:
  std::string bold(const std::string& text) const {
    return style_.color ? "\033[1m" + text + "\033[0m" : text;
  }

  std::string render_table(const SummaryTable& table) const {
    std::vector<std::size_t> widths(table.header.size(), 0);
    auto widen = [&](std::size_t column, const std::string& text) {
      widths[column] = std::max(widths[column], display_width(text));
    };
    for (std::size_t c = 0; c < table.header.size(); ++c) widen(c, table.header[c]);
    for (const auto& row : table.rows) {
      widen(0, row.label);
      for (std::size_t c = 0; c < row.cells.size(); ++c) widen(c + 1, row.cells[c]);
    }
    auto line = [&](const std::string& label, const std::vector<std::string>& cells) {
      std::string text = pad(label, widths[0]);
      for (std::size_t c = 0; c < cells.size(); ++c) text += "   " + pad(cells[c], widths[c + 1]);
      while (!text.empty() && text.back() == ' ') text.pop_back();
      return text + "\n";
    };
    std::string out = line(table.header[0], {table.header.begin() + 1, table.header.end()});
    for (const auto& row : table.rows) out += line(row.label, row.cells);
    for (const auto& note : table.footnotes) out += note + "\n";
    return out;
  }

  std::string render_filmstrips(const bench::ScenarioResult& result) const {
    std::string out =
        "\nFrames: one cell per VSync of the repetition's window (lead-in, work, "
        "lead-out), the median repetition of each mode\n";
    bench::FilmstripStyle strip = style_;
    strip.width = std::max<std::size_t>(style_.width > 4 ? style_.width - 4 : 10, 10);
    for (const auto& set : result.parameter_sets) {
      if (result.parameter_sets.size() > 1) out += set.parameters.label + "\n";
      for (const auto& mode : set.modes) {
        if (mode.repetitions.empty()) continue;
        out += "  " + describe_representative(result, mode) + "\n";
        out += indent(bench::render_filmstrip(mode.repetitions[mode.representative].frames, strip),
                      "    ");
      }
    }
    return out;
  }

  bench::FilmstripStyle style_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_table_writer(bench::FilmstripStyle style) {
  return std::make_unique<TableWriter>(style);
}

}  // namespace isolate_bench

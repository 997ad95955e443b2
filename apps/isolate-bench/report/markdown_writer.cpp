// GitHub-flavoured Markdown: the terminal report's compact shape (a table a doc can paste, the
// filmstrips in its rows, the set's first conclusions as a list under it), no colour; with
// --details the full breakdown follows.

#include <fmt/format.h>

#include "report/compact_table.hpp"
#include "report/escaping.hpp"
#include "report/report_writer.hpp"
#include "report/summary_table.hpp"

namespace isolate_bench {
namespace {

/// Cells of Markdown strips: wide enough for the windows of most runs, narrow enough to paste.
constexpr std::size_t kStripCells = 40;

/// Whether some mode's window has more VSyncs than a Markdown strip has cells.
bool compressed(const bench::ScenarioResult& result) {
  for (const auto& set : result.parameter_sets) {
    for (const auto& mode : set.modes) {
      if (!mode.repetitions.empty() &&
          mode.repetitions[mode.representative].frames.frames.size() > kStripCells) {
        return true;
      }
    }
  }
  return false;
}

std::string table_row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const auto& text : cells) out += " " + text + " |";
  return out + "\n";
}

class MarkdownWriter final : public ReportWriter {
 public:
  explicit MarkdownWriter(bool details) : details_(details) {}

  std::string render(const bench::ScenarioResult& result) const override {
    std::string out = fmt::format("## {}: {}\n\n{}\n", result.scenario, result.summary,
                                  describe_settings(result, false));
    std::vector<CompactTable> tables;
    for (const auto& set : result.parameter_sets) {
      tables.push_back(build_compact_table(result, set, false));
      out += fmt::format("\n### {}\n\n", tables.back().heading);
      out += render_compact(tables.back());
      out += render_sentences(set.conclusions);
    }
    out += "\n";
    for (const auto& line : compact_footer(result, tables, false, compressed(result)))
      out += markdown_cell(line) + "\n\n";
    out += render_sentences(result.conclusions, /*after_blank=*/false);
    if (details_) out += render_details(result);
    out += "\n";
    for (const auto& [name, value] : describe_environment(result)) {
      out += fmt::format("- {}: {}\n", name, name == "command" ? "`" + value + "`" : value);
    }
    return out;
  }

 private:
  /// A list, after a blank line when `after_blank` (a list right under a table would join it).
  static std::string render_sentences(const std::vector<std::string>& sentences,
                                      bool after_blank = true) {
    if (sentences.empty()) return {};
    std::string out = after_blank ? "\n" : "";
    for (const auto& sentence : sentences) out += "- " + sentence + "\n";
    return out;
  }

  static std::string render_compact(const CompactTable& table) {
    std::vector<std::string> header{"mode"};
    std::string rule = "|---|";
    for (const auto& column : table.columns) {
      header.push_back(markdown_cell(column.header));
      rule += column.numeric ? "---:|" : "---|";
    }
    header.push_back("frames");
    rule += "---|\n";
    std::string out = table_row(header) + rule;
    const bench::FilmstripStyle style{kStripCells, true, false};
    for (const auto& row : table.rows) {
      std::vector<std::string> cells{row.best ? "**" + markdown_cell(row.mode) + "** ▸"
                                              : markdown_cell(row.mode)};
      for (const auto& c : row.cells) cells.push_back(markdown_cell(c.text));
      std::string strip;
      if (row.frames != nullptr) {
        strip = bench::render_filmstrip(*row.frames, style);
        strip = "`" + strip.substr(0, strip.find('\n')) + "`";
      }
      cells.push_back(strip);
      out += table_row(cells);
    }
    return out;
  }

  static std::string render_details(const bench::ScenarioResult& result) {
    std::string out;
    for (const auto& set : result.parameter_sets) {
      const auto table = build_summary_table(result, set, false);
      out += fmt::format("\n### Details: {}\n\n|", set.parameters.label);
      for (const auto& header : table.header) out += " " + markdown_cell(header) + " |";
      out += "\n|---|";
      for (std::size_t c = 1; c < table.header.size(); ++c) out += "---:|";
      out += "\n";
      for (const auto& row : table.rows) {
        out += "| " + markdown_cell(row.label) + " |";
        for (const auto& text : row.cells) out += " " + markdown_cell(text) + " |";
        out += "\n";
      }
      for (const auto& note : table.footnotes) out += "\n" + markdown_cell(note) + "\n";
      out += render_sentences(set.further_conclusions);
    }
    out += "\nFrames of the median repetition of each mode (one cell per VSync):\n\n```\n";
    const bench::FilmstripStyle style{76, true, false};
    for (const auto& set : result.parameter_sets) {
      if (result.parameter_sets.size() > 1) out += set.parameters.label + "\n";
      for (const auto& mode : set.modes) {
        if (mode.repetitions.empty()) continue;
        out += describe_representative(result, mode) + "\n";
        out += bench::render_filmstrip(mode.repetitions[mode.representative].frames, style);
      }
    }
    return out + "```\n";
  }

  bool details_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_markdown_writer(bool details) {
  return std::make_unique<MarkdownWriter>(details);
}

}  // namespace isolate_bench

// GitHub-flavoured Markdown: the terminal table's content, ready to paste into docs.

#include <fmt/format.h>

#include "report/report_writer.hpp"
#include "report/summary_table.hpp"

namespace isolate_bench {
namespace {

/// Markdown text: pipes (cell separators) and asterisks (emphasis) escaped.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|' || c == '*') out += '\\';
    out += c;
  }
  return out;
}

class MarkdownWriter final : public ReportWriter {
 public:
  std::string render(const bench::ScenarioResult& result) const override {
    std::string out = fmt::format("## {}: {}\n\n{}\n", result.scenario, result.summary,
                                  describe_settings(result, false));
    for (const auto& set : result.parameter_sets) {
      const auto table = build_summary_table(result, set, false);
      out += fmt::format("\n### {}\n\n|", set.parameters.label);
      for (const auto& header : table.header) out += " " + cell(header) + " |";
      out += "\n|---|";
      for (std::size_t c = 1; c < table.header.size(); ++c) out += "---:|";
      out += "\n";
      for (const auto& row : table.rows) {
        out += "| " + cell(row.label) + " |";
        for (const auto& text : row.cells) out += " " + cell(text) + " |";
        out += "\n";
      }
      for (const auto& note : table.footnotes) out += "\n" + cell(note) + "\n";
    }
    if (!result.conclusions.empty()) {
      out += "\n";
      for (const auto& sentence : result.conclusions) out += "- " + sentence + "\n";
    }
    out += "\nFrames of the median repetition of each mode (one cell per VSync):\n\n```\n";
    bench::FilmstripStyle style{76, true, false};
    for (const auto& set : result.parameter_sets) {
      if (result.parameter_sets.size() > 1) out += set.parameters.label + "\n";
      for (const auto& mode : set.modes) {
        if (mode.repetitions.empty()) continue;
        out += describe_representative(result, mode) + "\n";
        out += bench::render_filmstrip(mode.repetitions[mode.representative].frames, style);
      }
    }
    out += "```\n\n";
    for (const auto& [name, value] : describe_environment(result)) {
      out += fmt::format("- {}: {}\n", name, name == "command" ? "`" + value + "`" : value);
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<ReportWriter> make_markdown_writer() {
  return std::make_unique<MarkdownWriter>();
}

}  // namespace isolate_bench

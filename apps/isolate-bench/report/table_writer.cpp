// The terminal report (fmt): what a person reads right after a run. By default the compact
// table of each parameter set (one row per mode, its filmstrip in the row) with its first
// conclusions right under it, a few footer lines, the conclusions that compare the sets and the
// environment: the first screen tells the story. With --details the full breakdown follows
// (every metric by mode, each set's further conclusions, the unstable figures by name, each
// filmstrip with its legend).

#include <fmt/format.h>

#include <algorithm>

#include "report/compact_table.hpp"
#include "report/report_writer.hpp"
#include "report/summary_table.hpp"
#include "report/text_layout.hpp"

namespace isolate_bench {
namespace {

constexpr const char* kReset = "\033[0m";
constexpr const char* kBold = "\033[1m";
constexpr const char* kRed = "\033[31m";
constexpr const char* kAmber = "\033[33m";

/// Below this many cells a filmstrip says too little beside the figures: the strips get lines
/// of their own under the table instead.
constexpr std::size_t kFewestStripCells = 8;
constexpr const char* kGap = "  ";

std::string indent(const std::string& block, const std::string& prefix) {
  std::string out;
  for (const auto& line : lines_of(block)) out += prefix + line + "\n";
  return out;
}

/// The first line of a rendered filmstrip: its cells, without the legend.
std::string strip_cells(const bench::FrameLog& log, bench::FilmstripStyle style,
                        std::size_t cells) {
  style.width = std::max<std::size_t>(cells, 1);
  const std::string strip = bench::render_filmstrip(log, style);
  return strip.substr(0, strip.find('\n'));
}

class TableWriter final : public ReportWriter {
 public:
  TableWriter(bench::FilmstripStyle style, bool details) : style_(style), details_(details) {}

  std::string render(const bench::ScenarioResult& result) const override {
    const bool ascii = !style_.unicode;
    std::string out = wrap(result.scenario + ": " + result.summary, width());
    out += wrap(describe_settings(result, ascii), width());
    std::vector<CompactTable> tables;
    bool compressed = false;  // some strip shows several VSyncs a cell
    for (const auto& set : result.parameter_sets) {
      tables.push_back(build_compact_table(result, set, ascii));
      out += "\n" + paint(wrap(tables.back().heading, width()), kBold);
      out += render_compact(tables.back(), compressed);
      out += render_sentences(set.conclusions);
    }
    out += "\n";
    for (const auto& line : compact_footer(result, tables, ascii, compressed)) {
      out += wrap(line, width());
    }
    if (!result.conclusions.empty()) out += "\n" + render_sentences(result.conclusions);
    if (details_) out += render_details(result, ascii);
    out += "\n" + render_environment(result);
    return out;
  }

 private:
  std::size_t width() const { return std::max<std::size_t>(style_.width, 40); }

  /// Sentences one after another, each wrapped with a hanging indent so a reader sees where one
  /// ends; a sentence that fits a line stays exactly as written (a digest line in sha256sum's
  /// format can be copied as it is).
  std::string render_sentences(const std::vector<std::string>& sentences) const {
    std::string out;
    for (const auto& sentence : sentences) out += wrap(sentence, width(), "", "  ");
    return out;
  }

  std::string paint(const std::string& text, const char* colour) const {
    if (!style_.color || text.empty()) return text;
    // Colour each line on its own, so a wrapped heading keeps its colour and ends clean.
    std::string out;
    for (const auto& line : lines_of(text)) out += colour + line + kReset + "\n";
    return text.back() == '\n' ? out : out.substr(0, out.size() - 1);
  }

  /// `table` without the columns a narrow terminal cannot hold (each is in --details).
  CompactTable fitted(CompactTable table) const {
    std::size_t used = 2 + display_width("mode");
    for (const auto& row : table.rows) used = std::max(used, 2 + display_width(row.mode));
    std::vector<std::size_t> widths;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      std::size_t w = display_width(table.columns[c].header);
      for (const auto& row : table.rows) w = std::max(w, display_width(row.cells[c].text));
      widths.push_back(w);
      used += std::string(kGap).size() + w;
    }
    for (std::size_t c = table.columns.size(); c-- > 0 && used > width();) {
      if (!table.columns[c].droppable) continue;
      used -= std::string(kGap).size() + widths[c];
      table.columns.erase(table.columns.begin() + static_cast<std::ptrdiff_t>(c));
      for (auto& row : table.rows) {
        row.cells.erase(row.cells.begin() + static_cast<std::ptrdiff_t>(c));
      }
    }
    return table;
  }

  std::string render_compact(const CompactTable& full, bool& compressed) const {
    const CompactTable table = fitted(full);
    const bool any_best = std::any_of(table.rows.begin(), table.rows.end(),
                                      [](const CompactRow& row) { return row.best; });
    const std::string marker = style_.unicode ? "▸" : ">";
    std::size_t mode_width = display_width("mode");
    for (const auto& row : table.rows) mode_width = std::max(mode_width, display_width(row.mode));
    std::vector<std::size_t> widths;
    for (const auto& column : table.columns) widths.push_back(display_width(column.header));
    for (const auto& row : table.rows) {
      for (std::size_t c = 0; c < row.cells.size(); ++c) {
        widths[c] = std::max(widths[c], display_width(row.cells[c].text));
      }
    }
    std::size_t used = (any_best ? 2 : 0) + mode_width;
    for (const auto w : widths) used += std::string(kGap).size() + w;
    const std::size_t room = width() > used + 2 ? width() - used - 2 : 0;
    const bool strips_in_rows = room >= kFewestStripCells;

    auto line = [&](const std::string& mark, const std::string& mode,
                    const std::vector<std::string>& cells, const std::string& strip) {
      std::string text = any_best ? pad_right(mark, 1) + " " : "";
      text += pad_right(mode, mode_width);
      for (std::size_t c = 0; c < cells.size(); ++c) {
        text += kGap;
        text += table.columns[c].numeric ? pad_left(cells[c], widths[c])
                                         : pad_right(cells[c], widths[c]);
      }
      if (!strip.empty()) text += kGap + strip;
      while (!text.empty() && text.back() == ' ') text.pop_back();
      return text + "\n";
    };
    std::vector<std::string> headers;
    for (const auto& column : table.columns) headers.push_back(column.header);
    std::string out = line("", "mode", headers, strips_in_rows ? "frames" : "");
    std::string strips;
    for (const auto& row : table.rows) {
      std::vector<std::string> cells;
      for (std::size_t c = 0; c < row.cells.size(); ++c) {
        const auto& cell = row.cells[c];
        // Pad first, then colour: escape codes take no columns but would upset the padding.
        const std::string padded = table.columns[c].numeric ? pad_left(cell.text, widths[c])
                                                            : pad_right(cell.text, widths[c]);
        const char* colour = cell.tone == CellTone::dropped ? kRed
                             : cell.tone == CellTone::janky ? kAmber
                                                            : nullptr;
        cells.push_back(colour ? paint(padded, colour) : padded);
      }
      const std::string mode = row.best ? paint(row.mode, kBold) : row.mode;
      std::string strip;
      if (row.frames != nullptr) {
        const std::size_t cells = strips_in_rows ? room : width() - mode_width - 6;
        compressed = compressed || row.frames->frames.size() > cells;
        strip = strip_cells(*row.frames, style_, cells);
      }
      out += line(row.best ? marker : "", mode, cells, strips_in_rows ? strip : "");
      if (!strips_in_rows && !strip.empty()) {
        strips += "  " + pad_right(mode, mode_width) + kGap + strip + "\n";
      }
    }
    if (!strips.empty()) out += "frames\n" + strips;
    return out;
  }

  /// The detailed table, cut into blocks of modes that fit the width (the label column
  /// repeated), so no row wraps.
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
    std::string out;
    for (std::size_t first = 1; first < table.header.size();) {
      std::size_t last = first;
      std::size_t used = widths[0] + 3 + widths[first];
      while (last + 1 < table.header.size() && used + 3 + widths[last + 1] <= width()) {
        used += 3 + widths[++last];
      }
      auto line = [&](const std::string& label, const std::vector<std::string>& cells) {
        std::string text = pad_right(label, widths[0]);
        for (std::size_t c = first; c <= last; ++c)
          text += "   " + pad_right(cells[c - 1], widths[c]);
        while (!text.empty() && text.back() == ' ') text.pop_back();
        return text + "\n";
      };
      if (first > 1) out += "\n";
      out += line(table.header[0], {table.header.begin() + 1, table.header.end()});
      for (const auto& row : table.rows) out += line(row.label, row.cells);
      first = last + 1;
    }
    for (const auto& note : table.footnotes) out += wrap(note, width());
    return out;
  }

  std::string render_details(const bench::ScenarioResult& result, bool ascii) const {
    std::string out;
    for (const auto& set : result.parameter_sets) {
      out += "\n" + paint(wrap("Details: " + set.parameters.label, width()), kBold);
      out += render_table(build_summary_table(result, set, ascii));
      out += render_sentences(set.further_conclusions);
    }
    out += "\n" + wrap(
                      "Frames: one cell per VSync of the repetition's window (lead-in, work, "
                      "lead-out), the median repetition of each mode",
                      width());
    bench::FilmstripStyle strip = style_;
    strip.width = std::max<std::size_t>(width() - 4, 10);
    for (const auto& set : result.parameter_sets) {
      if (result.parameter_sets.size() > 1) out += wrap(set.parameters.label, width());
      for (const auto& mode : set.modes) {
        if (mode.repetitions.empty()) continue;
        out += "  " + describe_representative(result, mode) + "\n";
        out += indent(bench::render_filmstrip(mode.repetitions[mode.representative].frames, strip),
                      "    ");
      }
    }
    return out;
  }

  /// The facts of the machine and the build: one line each with --details, else run together
  /// in a short paragraph so the report stays on one screen.
  std::string render_environment(const bench::ScenarioResult& result) const {
    const auto facts = describe_environment(result);
    std::string out;
    if (details_) {
      for (const auto& [name, value] : facts) out += fmt::format("{:<10} {}\n", name + ":", value);
      return out;
    }
    std::string joined;
    for (const auto& [name, value] : facts) {
      joined += (joined.empty() ? "" : (style_.unicode ? " · " : "; ")) + name + ": " + value;
    }
    return wrap(joined, width());
  }

  bench::FilmstripStyle style_;
  bool details_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_table_writer(bench::FilmstripStyle style, bool details) {
  return std::make_unique<TableWriter>(style, details);
}

}  // namespace isolate_bench

#include "bench/frames/filmstrip.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

#include "bench/frames/metrics.hpp"

namespace bench {

namespace {

struct Glyphs {
  const char* cell;
  const char* colour;
  const char* label;
};

constexpr const char* kReset = "\x1b[0m";
constexpr std::array<Glyphs, 3> kUnicode{{{"\u2581", "\x1b[32m", "on time"},
                                          {"\u2584", "\x1b[33m", "janky"},
                                          {"\u2588", "\x1b[31m", "dropped"}}};
constexpr std::array<Glyphs, 3> kAscii{
    {{".", "\x1b[32m", "on time"}, {"!", "\x1b[33m", "janky"}, {"X", "\x1b[31m", "dropped"}}};

std::size_t severity(FrameOutcome outcome) {
  return static_cast<std::size_t>(outcome);
}

/// Appends cells, opening a colour only when it changes, so the text stays short.
class StripWriter {
 public:
  StripWriter(const FilmstripStyle& style, std::string& out)
      : glyphs_(style.unicode ? kUnicode : kAscii), color_(style.color), out_(out) {}

  void cell(std::size_t kind) {
    if (color_ && kind != open_colour_) {
      out_ += glyphs_[kind].colour;
      open_colour_ = kind;
    }
    out_ += glyphs_[kind].cell;
  }
  void text(const std::string& s) {
    close_colour();
    out_ += s;
  }
  void close_colour() {
    if (color_ && open_colour_ != kNone) out_ += kReset;
    open_colour_ = kNone;
  }

 private:
  static constexpr std::size_t kNone = 99;
  const std::array<Glyphs, 3>& glyphs_;
  bool color_;
  std::string& out_;
  std::size_t open_colour_ = kNone;
};

std::string describe_window(const FrameLog& log) {
  const double seconds = std::chrono::duration<double>(log.stopped - log.started).count();
  const std::string length =
      seconds >= 1.0 ? fmt::format("{:.2f} s", seconds) : fmt::format("{:.0f} ms", seconds * 1e3);
  return fmt::format("{} at {:g} fps", length, log.config.fps);
}

}  // namespace

std::string render_filmstrip(const FrameLog& log, const FilmstripStyle& style) {
  validate(log.config);
  const std::size_t width = std::max<std::size_t>(style.width, 1);
  const std::size_t vsyncs = log.frames.size();
  const std::size_t per_cell = vsyncs == 0 ? 1 : (vsyncs + width - 1) / width;

  std::array<std::size_t, 3> counts{};
  std::string out;
  StripWriter strip(style, out);
  if (vsyncs == 0)
    strip.text(style.unicode ? "\u2014 no VSync in the window \u2014"
                             : "-- no VSync in the window --");
  std::size_t worst = 0;
  for (std::size_t n = 0; n < vsyncs; ++n) {
    const std::size_t kind = severity(classify(log.frames[n], log.config));
    ++counts[kind];
    worst = std::max(worst, kind);
    if ((n + 1) % per_cell == 0 || n + 1 == vsyncs) {
      strip.cell(worst);
      worst = 0;
    }
  }
  strip.text("\n");

  const auto& glyphs = style.unicode ? kUnicode : kAscii;
  const char* item_separator = style.unicode ? " \u00b7 " : ", ";
  const char* part_separator = style.unicode ? " \u2502 " : " | ";
  StripWriter legend(style, out);
  for (std::size_t kind = 0; kind < glyphs.size(); ++kind) {
    if (kind > 0) legend.text(item_separator);
    legend.cell(kind);
    legend.text(fmt::format(" {} {}", glyphs[kind].label, counts[kind]));
  }
  const std::string cell_size =
      per_cell == 1 ? "1 cell = 1 VSync" : fmt::format("1 cell = {} VSyncs, worst shown", per_cell);
  legend.text(fmt::format("{}{} VSync{} in {}{}{}\n", part_separator, vsyncs,
                          vsyncs == 1 ? "" : "s", describe_window(log), item_separator, cell_size));
  return out;
}

}  // namespace bench

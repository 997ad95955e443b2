#pragma once
// The filmstrip: a one-line picture of a run, one cell per VSync, for terminals and slides.
//
//   ▁▁▁▁▁▁▁▁▁▁▁▁▄████▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁
//   ▁ on time 57 · ▄ janky 1 · █ dropped 2 │ 60 VSyncs in 1.00 s at 60 fps · 1 cell = 1 VSync
//
// Cells: on time `▁`, janky `▄`, dropped `█` (ASCII: `.`, `!`, `X`); with colour, green, yellow
// and red. The bar height carries the meaning on its own, so the strip stays legible in black
// and white. When there are more VSyncs than `width`, each cell stands for the same number of
// consecutive VSyncs (the last cell maybe fewer) and shows the worst of them
// (dropped > janky > on time); the legend says how many VSyncs one cell holds.

#include <cstddef>
#include <cstdio>
#include <string>

#include "bench/frames/display.hpp"

namespace bench {

struct FilmstripStyle {
  std::size_t width = 80;  // columns for the strip; 0 is treated as 1
  bool unicode = true;     // UTF-8 block characters, else ASCII
  bool color = false;      // ANSI colours
};

/// The style for writing to `stream`:
/// - color: only if `stream` is a TTY, `no_color_flag` is false, NO_COLOR is unset or empty
///   and TERM is not "dumb".
/// - unicode: the locale (LC_ALL, else LC_CTYPE, else LANG) names UTF-8, and TERM is not "dumb".
/// - width: the terminal's columns (ioctl) when `stream` is a TTY, else COLUMNS when it is a
///   positive number, else 80; at least 10.
/// A null stream counts as not a TTY. Never fails.
FilmstripStyle detect_filmstrip_style(std::FILE* stream, bool no_color_flag);

/// The strip line and the legend line, each ending in '\n'. The strip has at most
/// max(style.width, 1) cells; a log without VSyncs gives a strip saying so. With color=false the
/// text contains no escape sequence; with unicode=false it is pure ASCII.
/// Throws std::invalid_argument when log.config is invalid (see validate).
std::string render_filmstrip(const FrameLog& log, const FilmstripStyle& style);

}  // namespace bench

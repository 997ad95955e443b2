#pragma once
// The frame log as CSV, one row per VSync, for spreadsheets and plotting.
//
// Columns (header row first, comma-separated, '\n' line ends). Times are microseconds relative
// to log.started, with three decimals (nanosecond resolution); an absent time is an empty field.
//   vsync        index of the VSync in the window, from 0
//   due_us       when the VSync fired
//   deadline_us  due + 1/fps: finishing later makes the frame janky
//   posted_us    when the VSync thread handed it to the main loop (empty in hand-made logs)
//   started_us   when its frame started (empty: dropped)
//   finished_us  when its frame finished (empty: dropped)
//   latency_us   finished - due (empty: dropped)
//   outcome      on_time, janky or dropped (see metrics.hpp)

#include <ostream>

#include "bench/frames/display.hpp"

namespace bench {

/// Writes the header and one row per VSync to `out`. Throws std::invalid_argument when
/// log.config is invalid; stream failures are left in the stream's state, as with operator<<.
void write_frame_csv(std::ostream& out, const FrameLog& log);

}  // namespace bench

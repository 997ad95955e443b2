#pragma once
// What a run leaves behind when it cannot finish normally: on SIGINT or SIGTERM, or when
// std::terminate is reached (an allocation failure on an isolate's thread, for one), the
// temporary report files are removed, an open progress line is ended, one line is printed and
// the process exits: 130 for SIGINT, 143 for SIGTERM, 1 for terminate.
//
// Everything here is async-signal-safe where a signal handler uses it: temporaries live in a
// fixed table that is appended to, never reused, so the handler never reads a half-written path.

#include <cstddef>

namespace isolate_bench {

/// Installs the SIGINT/SIGTERM handlers and the terminate handler. Call once, first in main().
void install_abandon_handlers();

/// Records `path` (a temporary file) to be removed if the run is abandoned. Returns a ticket for
/// forget_temporary(), or -1 when the table is full or the path too long (it is then not
/// removed by a signal; the normal error paths still remove it).
int remember_temporary(const char* path) noexcept;

/// The temporary behind `ticket` was renamed into place or removed: leave it alone.
void forget_temporary(int ticket) noexcept;

/// Tells the handlers whether a progress line is drawn on stderr (it is ended before the
/// last line is printed).
void set_progress_line_open(bool open) noexcept;

/// Brackets one drawing of the progress line. begin marks the line open before anything is
/// written and returns false once the run is being abandoned (draw nothing then); the handlers
/// wait for a drawing under way on another thread, so no progress text follows their line.
bool begin_progress_draw() noexcept;
void end_progress_draw() noexcept;

}  // namespace isolate_bench

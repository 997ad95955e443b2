#pragma once
// A simulated display for the main isolate: a VSync source thread and a frame pipeline.
//
// Timeline of one window (start() .. stop()):
// - VSync n is due at `started + vsync_offset(fps, n)`, n = 0, 1, 2, ... (the first one at
//   start()). The VSync thread waits for each absolute deadline, so there is no drift however long
//   the window is; a late wake-up delays that one VSync, never the following ones.
// - At each VSync the thread marks it pending and, if no VSync was pending yet, posts one event
//   to the isolate that called start(). So at most one VSync event waits in the loop's queue;
//   a newer VSync replaces the pending one, as in Flutter's engine (the replaced one is dropped).
// - The event renders the newest pending VSync: `ui_work` of real CPU work on the isolate.
// - stop() ends the window. The VSync still waiting for the loop at that moment (if any) is left
//   out of the log: its fate is not known yet. Every VSync in the log is therefore settled:
//   rendered, or dropped because a newer VSync replaced it.
//
// The VSync thread asks for the lowest real-time priority (see FrameLog::vsync_realtime).
// The VSync thread and the isolate share one atomic (the pending VSync); each keeps its own part
// of the log until stop() joins the thread, so recording costs the isolate two clock reads and a
// vector append per frame, nothing else.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace bench {

using Clock = std::chrono::steady_clock;

struct DisplayConfig {
  double fps = 60.0;                                                // 1..1000
  std::chrono::nanoseconds ui_work = std::chrono::milliseconds(2);  // CPU cost of one frame, >= 0
};

/// Throws std::invalid_argument (naming the field and the accepted range) when fps is not within
/// 1..1000 (NaN included) or ui_work is negative.
void validate(const DisplayConfig& config);

/// One refresh period, 1/fps rounded to the nearest nanosecond. Precondition: fps within 1..1000.
std::chrono::nanoseconds frame_period(double fps);

/// When VSync n is due, relative to the window start: n/fps rounded to the nearest nanosecond
/// (computed from n, not by adding periods, so rounding never accumulates).
std::chrono::nanoseconds vsync_offset(double fps, std::int64_t n);

struct FrameRecord {                         // one per VSync
  Clock::time_point due;                     // when the VSync fired (its scheduled instant)
  std::optional<Clock::time_point> started;  // absent: dropped (coalesced, never rendered)
  std::optional<Clock::time_point> finished;
  /// When the VSync thread had handed this VSync to the main loop (after waking for `due`);
  /// absent in hand-made logs. `posted - due` is the thread's wake-up lateness.
  std::optional<Clock::time_point> posted{};
};

struct FrameLog {
  DisplayConfig config;
  Clock::time_point started, stopped;         // the measured window
  std::vector<FrameRecord> frames;            // in VSync order
  std::chrono::nanoseconds longest_event{0};  // longest single event on the main loop in the window
  /// Whether the VSync thread ran at real-time priority (SCHED_FIFO, lowest level), as a display
  /// interrupt would; false when the system refused it (then it ran at normal priority).
  bool vsync_realtime = false;
};

/// Created, started and stopped on the main isolate (the one that renders frames).
class Display {
 public:
  /// Throws std::invalid_argument for fps outside 1..1000 or negative ui_work (see validate).
  explicit Display(DisplayConfig config);
  /// Stops if still running (the log is discarded). Must run on the isolate that started it.
  ~Display();
  Display(Display&&) noexcept;
  Display& operator=(Display&&) noexcept;
  Display(const Display&) = delete;
  Display& operator=(const Display&) = delete;

  /// Resets the calling isolate's loop stats, opens the VSync port on it and starts the VSync
  /// thread; the window starts now. While running, the open port keeps the isolate alive.
  /// Throws iso::IsolateError when called outside an isolate, std::logic_error when already
  /// running, std::system_error when the thread cannot be started (nothing is left running).
  void start();

  /// Stops and joins the VSync thread, closes the port and returns the window's log. Must be
  /// called on the isolate that called start(); throws std::logic_error when not running.
  FrameLog stop();

  /// How many VSyncs the VSync thread has handed to the isolate since start() (rendered, dropped
  /// or still pending); 0 when not running.
  std::size_t vsyncs_posted() const noexcept;

  bool is_running() const noexcept;
  const DisplayConfig& config() const noexcept { return config_; }

 private:
  struct Session;
  DisplayConfig config_;
  std::unique_ptr<Session> session_;
};

}  // namespace bench

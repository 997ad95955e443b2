#pragma once
// The frame log a Display would record for a given timeline, computed exactly: the reference the
// live display is checked against, and the way to build synthetic timelines for tests.
//
// The model is the Display's pipeline on a single event loop that runs one event at a time:
// - VSync n arrives at the loop at `vsyncs[n].arrives`. If no VSync is pending it queues one VSync
//   event; otherwise it replaces the pending VSync (which is then dropped).
// - Each busy span is one other event (a block of work) that arrives at `arrives` (default:
//   `begin`) and runs for `end - begin`, starting at `begin` or when the loop is free, whichever
//   is later. A timer's event arrives at its deadline, a little before it begins to run.
// - The loop serves events in order of arrival; when a busy span and a VSync event arrived at the
//   same instant the busy span runs first (timers run before port messages in the core).
// - A VSync event starting at time s renders the newest VSync that arrived at or before s; it
//   starts at s and finishes at s + config.ui_work. Older pending VSyncs are dropped.
// - `stopped` ends the window: a VSync event that would start at or after it is not run, and the
//   VSync it would have rendered, with every later one, is left out of the log (as Display::stop
//   leaves out the VSync whose fate is still unknown). VSyncs it replaced stay in as dropped.

#include <optional>
#include <vector>

#include "bench/frames/display.hpp"

namespace bench {

struct VsyncArrival {
  Clock::time_point due;      // the VSync's scheduled instant
  Clock::time_point arrives;  // when the main loop could first see it (>= due in a live run)
};

struct BusySpan {
  Clock::time_point begin, end;                // another event on the main loop
  std::optional<Clock::time_point> arrives{};  // when it was ready to run; absent: at begin
};

struct SimulatedRun {
  DisplayConfig config;
  Clock::time_point started, stopped;
  std::vector<VsyncArrival> vsyncs;  // in VSync order, arrivals not decreasing
  std::vector<BusySpan> busy;        // ordered by arrival
};

/// VSyncs exactly on schedule (arrives == due) for every n with due < stopped.
/// Throws std::invalid_argument for an invalid config (see validate).
std::vector<VsyncArrival> ideal_vsyncs(const DisplayConfig& config, Clock::time_point started,
                                       Clock::time_point stopped);

/// The log the model above produces; longest_event is the longest busy span or frame.
/// Throws std::invalid_argument for an invalid config, VSync arrivals out of order, or busy spans
/// out of order of arrival, arriving after they begin, or ending before they begin.
FrameLog simulate(const SimulatedRun& run);

}  // namespace bench

// frames-check: the frame budget check of the simulated display, measured live on this machine.
//
//   1. An idle main isolate at 60 fps, then at 120 fps: no frame may drop, and the VSync
//      delivery jitter (frame start minus VSync due) must have p99 under 1 ms.
//   2. A 50 ms block on the main isolate at 60 fps, at several phases against the VSync grid:
//      2 or 3 frames drop, exactly the ones the frame model (bench::simulate) predicts from the
//      same measured timestamps (VSync hand-over times and the block's start and end).
//
// Every figure is measured in the run that prints it. Exit status: 0 when every check passes,
// 1 when one fails, 2 for bad arguments.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "bench/frames/busy_work.hpp"
#include "bench/frames/display.hpp"
#include "bench/frames/filmstrip.hpp"
#include "bench/frames/frame_csv.hpp"
#include "bench/frames/metrics.hpp"
#include "bench/frames/simulate.hpp"
#include "iso/iso.hpp"
#include "output/atomic_file.hpp"

namespace {

using namespace std::chrono_literals;
using bench::Clock;

constexpr auto kJitterBudget = 1ms;
constexpr auto kBlock = 50ms;

struct Options {
  double seconds = 10;
  int blocks = 6;
  bool no_color = false;
  std::string csv_dir;
};

const char* const kUsage =
    "usage: frames-check [--seconds S (0.1..3600, default 10)] [--blocks N (1..100, default 6)]"
    " [--csv DIR] [--no-color]";

[[noreturn]] void bad_usage(const std::string& problem) {
  std::fprintf(stderr, "frames-check: %s; %s\n", problem.c_str(), kUsage);
  std::exit(2);
}

template <class T>
T parse_number(std::string_view flag, std::string_view text, T low, T high) {
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() ||
      !(value >= low && value <= high)) {
    bad_usage(fmt::format("{} needs a number from {} to {}, got '{}'", flag, low, high, text));
  }
  return value;
}

Options parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&]() -> std::string_view {
      if (i + 1 >= argc) bad_usage(fmt::format("{} needs a value", arg));
      return argv[++i];
    };
    if (arg == "--seconds") {
      options.seconds = parse_number<double>(arg, value(), 0.1, 3600);
    } else if (arg == "--blocks") {
      options.blocks = parse_number<int>(arg, value(), 1, 100);
    } else if (arg == "--csv") {
      options.csv_dir = value();
      if (!std::filesystem::is_directory(options.csv_dir)) {
        bad_usage(fmt::format("--csv needs an existing directory, got '{}'", options.csv_dir));
      }
    } else if (arg == "--no-color") {
      options.no_color = true;
    } else if (arg == "--help" || arg == "-h") {
      std::printf("%s\n", kUsage);
      std::exit(0);
    } else {
      bad_usage(fmt::format("unknown argument '{}'", arg));
    }
  }
  return options;
}

double ms(std::chrono::nanoseconds d) {
  return static_cast<double>(d.count()) / 1e6;
}

/// Writes the log's CSV to DIR/name whole or not at all.
void save_csv(const Options& options, const std::string& name, const bench::FrameLog& log) {
  if (options.csv_dir.empty()) return;
  std::ostringstream csv;
  bench::write_frame_csv(csv, log);
  try {
    isolate_bench::write_file_atomically(std::filesystem::path(options.csv_dir) / name, csv.str());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "frames-check: %s\n", error.what());
    std::exit(1);
  }
}

/// The p-th percentile of `posted - due`: how late the VSync thread woke.
std::chrono::nanoseconds wake_lateness(const bench::FrameLog& log, double p) {
  std::vector<std::chrono::nanoseconds> late;
  for (const auto& frame : log.frames) {
    if (frame.posted) late.push_back(*frame.posted - frame.due);
  }
  std::sort(late.begin(), late.end());
  return bench::nearest_rank(late, p);
}

bool check_idle(const Options& options, const bench::FilmstripStyle& style, double fps) {
  const bench::DisplayConfig config{fps, 2ms};
  const auto window =
      std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.seconds));
  const bench::FrameLog log = iso::run_main([&]() -> iso::Future<bench::FrameLog> {
    bench::Display display(config);
    display.start();
    co_await iso::delay(window);
    co_return display.stop();
  });
  const bench::FrameMetrics m = bench::measure(log);
  const bool pass = m.dropped == 0 && m.p99_start_delay < kJitterBudget;

  fmt::print("\n== Idle main isolate, {:g} fps, {:g} ms UI work per frame, {:.2f} s\n", fps,
             ms(config.ui_work), std::chrono::duration<double>(log.stopped - log.started).count());
  fmt::print("{}", bench::render_filmstrip(log, style));
  fmt::print("  VSync thread at {} priority\n", log.vsync_realtime ? "real-time" : "normal");
  fmt::print("  VSyncs due {}, rendered {}, dropped {}, janky {}\n", m.due, m.rendered, m.dropped,
             m.janky);
  fmt::print(
      "  delivery jitter (frame start - VSync due): p50 {:.3f} ms, p99 {:.3f} ms, max {:.3f} ms\n",
      ms(m.p50_start_delay), ms(m.p99_start_delay), ms(m.worst_start_delay));
  fmt::print("    of which VSync thread wake-up (posted - due): p50 {:.3f} ms, p99 {:.3f} ms\n",
             ms(wake_lateness(log, 50)), ms(wake_lateness(log, 99)));
  fmt::print(
      "  frame latency p50 {:.3f} ms, p99 {:.3f} ms; longest freeze {:.3f} ms; "
      "UI busy {:.1f} %; longest event {:.3f} ms\n",
      ms(m.p50_latency), ms(m.p99_latency), ms(m.longest_freeze), m.ui_busy_share * 100,
      ms(m.longest_event));
  fmt::print("  {} no frame dropped and jitter p99 < {} ms\n", pass ? "PASS" : "FAIL",
             ms(kJitterBudget));
  save_csv(options, fmt::format("idle-{:g}fps.csv", fps), log);
  return pass;
}

struct BlockRun {
  bench::FrameLog log;
  Clock::time_point timer_due, began, ended;
};

/// One window at 60 fps: 200 ms idle, the 50 ms block starting `phase` after a VSync, 200 ms idle.
BlockRun run_block(const bench::DisplayConfig& config, std::chrono::nanoseconds phase) {
  return iso::run_main([&]() -> iso::Future<BlockRun> {
    bench::Display display(config);
    display.start();
    BlockRun run;
    run.timer_due = Clock::now() + 12 * bench::frame_period(config.fps) + phase;
    co_await iso::delay(run.timer_due - Clock::now());
    run.began = Clock::now();
    bench::busy_for(kBlock);
    run.ended = Clock::now();
    co_await iso::delay(200ms);
    run.log = display.stop();
    co_return run;
  });
}

std::vector<std::size_t> dropped_vsyncs(const bench::FrameLog& log) {
  std::vector<std::size_t> dropped;
  for (std::size_t n = 0; n < log.frames.size(); ++n) {
    if (bench::classify(log.frames[n], log.config) == bench::FrameOutcome::dropped) {
      dropped.push_back(n);
    }
  }
  return dropped;
}

std::string list(const std::vector<std::size_t>& values) {
  return values.empty() ? "none" : fmt::format("{}", fmt::join(values, " "));
}

/// The frame model fed with the live run's own timestamps.
bench::FrameLog simulate_from(const BlockRun& run, bool measured_arrivals) {
  bench::SimulatedRun model;
  model.config = run.log.config;
  model.started = run.log.started;
  model.stopped = run.log.stopped;
  if (measured_arrivals) {
    for (const auto& frame : run.log.frames) model.vsyncs.push_back({frame.due, *frame.posted});
  } else {
    model.vsyncs = bench::ideal_vsyncs(model.config, model.started, model.stopped);
  }
  // The block runs in the event of a timer: it was ready at the timer's deadline.
  model.busy = {{run.began, run.ended, std::min(run.timer_due, run.began)}};
  return bench::simulate(model);
}

bool check_blocks(const Options& options, const bench::FilmstripStyle& style) {
  const bench::DisplayConfig config{60, 2ms};
  const auto period = bench::frame_period(config.fps);
  fmt::print("\n== A {} ms block on the main isolate, {:g} fps, {} phases against the VSync grid\n",
             ms(kBlock), config.fps, options.blocks);
  fmt::print("  {:>9} {:>9} {:>7} {:>14} {:>14} {:>14} {:>9}  {}\n", "phase ms", "block ms", "live",
             "model(meas.)", "model(ideal)", "dropped VSyncs", "janky", "verdict");
  bool all_pass = true;
  std::vector<std::size_t> live_counts;
  for (int i = 0; i < options.blocks; ++i) {
    const auto phase = period * i / options.blocks;
    const BlockRun run = run_block(config, phase);
    const auto live = dropped_vsyncs(run.log);
    const auto modelled = dropped_vsyncs(simulate_from(run, true));
    const auto ideal = dropped_vsyncs(simulate_from(run, false));
    const bench::FrameMetrics m = bench::measure(run.log);
    const bool pass = (m.dropped == 2 || m.dropped == 3) && live == modelled;
    all_pass = all_pass && pass;
    live_counts.push_back(m.dropped);
    // Where the block really began against the VSync grid of this window.
    const auto measured_phase =
        std::chrono::duration_cast<std::chrono::nanoseconds>(run.began - run.log.started) % period;
    fmt::print("  {:>9.2f} {:>9.3f} {:>7} {:>14} {:>14} {:>14} {:>9}  {}\n", ms(measured_phase),
               ms(run.ended - run.began), m.dropped, modelled.size(), ideal.size(), list(live),
               m.janky, pass ? "PASS" : (live == modelled ? "FAIL (count)" : "FAIL (model)"));
    if (i == 0) {
      fmt::print("{}", bench::render_filmstrip(run.log, style));
      save_csv(options, "block-50ms-60fps.csv", run.log);
    }
  }
  if (!all_pass) {
    fmt::print(
        "  note: the model assumes an idle main loop takes a VSync the moment it arrives. When "
        "the\n"
        "  main isolate's thread is not scheduled in time (a loaded machine), the block's timer "
        "is\n"
        "  due by the time it runs, and the core runs due timers before queued messages: the live\n"
        "  run then drops one VSync more than the model.\n");
  }
  std::sort(live_counts.begin(), live_counts.end());
  fmt::print("  median dropped per block: {}\n", live_counts[live_counts.size() / 2]);
  fmt::print(
      "  {} 2 or 3 frames dropped per block, the same VSyncs as the model on the measured "
      "timestamps\n",
      all_pass ? "PASS" : "FAIL");
  return all_pass;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse_options(argc, argv);
  const bench::FilmstripStyle style = bench::detect_filmstrip_style(stdout, options.no_color);
  bool pass = true;
  pass = check_idle(options, style, 60) && pass;
  pass = check_idle(options, style, 120) && pass;
  pass = check_blocks(options, style) && pass;
  fmt::print("\n{}\n", pass ? "All frame checks passed." : "Some frame checks FAILED.");
  return pass ? 0 : 1;
}

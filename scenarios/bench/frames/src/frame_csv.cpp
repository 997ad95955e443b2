#include "bench/frames/frame_csv.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>

#include "bench/frames/metrics.hpp"

namespace bench {

namespace {

std::string micros(Clock::duration d) {
  return fmt::format(
      "{:.3f}",
      static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(d).count()) / 1e3);
}

std::string since(const FrameLog& log, const std::optional<Clock::time_point>& t) {
  return t ? micros(*t - log.started) : std::string();
}

}  // namespace

void write_frame_csv(std::ostream& out, const FrameLog& log) {
  validate(log.config);
  const auto period = frame_period(log.config.fps);
  out << "vsync,due_us,deadline_us,posted_us,started_us,finished_us,latency_us,outcome\n";
  for (std::size_t n = 0; n < log.frames.size(); ++n) {
    const FrameRecord& frame = log.frames[n];
    const FrameOutcome outcome = classify(frame, log.config);
    const std::string latency =
        outcome == FrameOutcome::dropped ? std::string() : micros(*frame.finished - frame.due);
    out << fmt::format("{},{},{},{},{},{},{},{}\n", n, micros(frame.due - log.started),
                       micros(frame.due + period - log.started), since(log, frame.posted),
                       since(log, frame.started), since(log, frame.finished), latency,
                       to_string(outcome));
  }
}

}  // namespace bench

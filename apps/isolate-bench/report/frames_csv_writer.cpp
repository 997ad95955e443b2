// RFC 4180 CSV of every VSync of every repetition: the per-frame data behind the frame metrics,
// for frame charts. Columns are documented in results/README.md ("Frames CSV"). The status is
// the frames library's own classification (bench::classify), the one the frame metrics count.

#include "bench/frames/metrics.hpp"
#include "report/csv_fields.hpp"
#include "report/report_writer.hpp"

namespace isolate_bench {
namespace {

/// Nanoseconds from the window's start to `t`; empty when the instant is absent (dropped).
std::string since_window_start(const bench::FrameLog& log,
                               const std::optional<bench::Clock::time_point>& t) {
  if (!t) return {};
  return std::to_string(
      std::chrono::duration_cast<std::chrono::nanoseconds>(*t - log.started).count());
}

class FramesCsvWriter final : public ReportWriter {
 public:
  std::string render(const bench::ScenarioResult& result) const override {
    std::string out;
    append_csv_row(
        out, {"scenario", "mode", "parameter_set", "parameters", "repetition", "representative",
              "vsync", "due_ns", "started_ns", "finished_ns", "status"});
    for (const auto& set : result.parameter_sets) {
      const std::string parameters = join_parameters(set.parameters);
      for (const auto& mode : set.modes) {
        for (std::size_t r = 0; r < mode.repetitions.size(); ++r) {
          const auto& repetition = mode.repetitions[r];
          const auto& log = repetition.frames;
          for (std::size_t n = 0; n < log.frames.size(); ++n) {
            const auto& frame = log.frames[n];
            append_csv_row(
                out,
                {result.scenario, mode.mode.name, set.parameters.label, parameters,
                 std::to_string(repetition.index), r == mode.representative ? "true" : "false",
                 std::to_string(n), since_window_start(log, frame.due),
                 since_window_start(log, frame.started), since_window_start(log, frame.finished),
                 bench::to_string(bench::classify(frame, log.config))});
          }
        }
      }
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<ReportWriter> make_frames_csv_writer() {
  return std::make_unique<FramesCsvWriter>();
}

}  // namespace isolate_bench

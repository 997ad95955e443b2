// Modes `main` and `chunked-main`: the work on the main isolate itself.
//   main          the whole work in one event: every VSync that falls due meanwhile waits
//   chunked-main  a slice per event, yielding to the loop in between: the frames due meanwhile
//                 render between slices; the total grows by the frames' time

#include "bench/harness/busy_clock.hpp"
#include "bench/harness/loop_yield.hpp"
#include "runners.hpp"
#include "work.hpp"

namespace offload {
namespace {

using bench::steady_now_ns;

class MainRunner final : public CallRunner {
 public:
  explicit MainRunner(const WorkPoint& point) : CallRunner(point, "main") {}

  iso::Future<bench::Measurements> run_once() override {
    CallTimeline t;
    t.in_hand_ns = steady_now_ns();
    const WorkResult result = do_work(payload(), point_.rounds);
    t.usable_ns = steady_now_ns();
    t.work_ns = t.main_busy_ns = t.usable_ns - t.in_hand_ns;
    co_return finish(t, result.checksum);
  }
};

class ChunkedMainRunner final : public CallRunner {
 public:
  explicit ChunkedMainRunner(const WorkPoint& point) : CallRunner(point, "chunked-main") {}

  iso::Future<bench::Measurements> run_once() override {
    CallTimeline t;
    bench::BusyClock busy;
    bench::LoopYield yield("offload yield");
    SlicedWork work(payload(), point_.rounds, point_.slice_rounds);
    t.in_hand_ns = steady_now_ns();
    while (true) {
      busy.start();
      const bool more = work.run_slice();
      busy.stop();
      if (!more) break;
      co_await yield();
    }
    t.usable_ns = steady_now_ns();
    // Here the main isolate's busy stretches are the work: nothing else runs in them.
    t.work_ns = t.main_busy_ns = busy.total_ns();
    co_return finish(t, work.result().checksum);
  }
};

}  // namespace

std::unique_ptr<bench::ModeRunner> make_main_runner(const WorkPoint& point) {
  return std::make_unique<MainRunner>(point);
}

std::unique_ptr<bench::ModeRunner> make_chunked_main_runner(const WorkPoint& point) {
  return std::make_unique<ChunkedMainRunner>(point);
}

}  // namespace offload

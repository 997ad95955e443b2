#include "bench/frames/display.hpp"

#include <pthread.h>
#include <sched.h>

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

#include "bench/frames/busy_work.hpp"
#include "iso/isolate.hpp"
#include "iso/port.hpp"

namespace bench {

void validate(const DisplayConfig& config) {
  if (!(config.fps >= 1.0 && config.fps <= 1000.0)) {
    throw std::invalid_argument("display fps must be a number from 1 to 1000, got " +
                                std::to_string(config.fps));
  }
  if (config.ui_work < std::chrono::nanoseconds::zero()) {
    throw std::invalid_argument("display ui_work must be 0 or more nanoseconds, got " +
                                std::to_string(config.ui_work.count()));
  }
}

std::chrono::nanoseconds frame_period(double fps) {
  return vsync_offset(fps, 1);
}

std::chrono::nanoseconds vsync_offset(double fps, std::int64_t n) {
  return std::chrono::nanoseconds(std::llround(static_cast<double>(n) * 1e9 / fps));
}

namespace {

constexpr std::int64_t kNonePending = -1;

/// What the frame handler needs. Touched only on the rendering isolate, except `pending`.
struct Pipeline {
  struct Rendered {
    std::int64_t vsync;
    Clock::time_point started, finished;
  };

  explicit Pipeline(DisplayConfig c) : config(c) {}

  /// The handler of the VSync event: renders the newest pending VSync.
  void render_newest() {
    const std::int64_t vsync = pending.exchange(kNonePending, std::memory_order_acq_rel);
    if (vsync == kNonePending) return;
    const auto started = Clock::now();
    busy_for(config.ui_work);
    rendered.push_back({vsync, started, Clock::now()});
  }

  const DisplayConfig config;
  /// The newest VSync not yet rendered, or kNonePending. Shared with the VSync thread.
  std::atomic<std::int64_t> pending{kNonePending};
  std::vector<Rendered> rendered;  // in VSync order
};

}  // namespace

struct Display::Session {
  std::shared_ptr<Pipeline> pipeline;
  iso::RawReceivePort port;
  Clock::time_point started;

  // Owned by the VSync thread until it is joined.
  std::vector<Clock::time_point> posted;
  bool realtime = false;
  std::atomic<std::size_t> posted_count{0};  // posted.size(), for the isolate while running

  std::mutex stop_mutex;
  std::condition_variable stop_signal;
  bool stop_requested = false;  // guarded by stop_mutex
  std::thread thread;

  Session(std::shared_ptr<Pipeline> p, iso::RawReceivePort&& receive_port)
      : pipeline(std::move(p)), port(std::move(receive_port)) {}

  void run_vsync_source(iso::SendPort to_main) {
    // A display's VSync is an interrupt, not a thread competing for a busy CPU: ask for the
    // lowest real-time priority (the thread runs for microseconds per VSync); keep the normal
    // priority when the system does not allow it.
    (void)pthread_setname_np(pthread_self(), "vsync");
    sched_param priority{};
    priority.sched_priority = sched_get_priority_min(SCHED_FIFO);
    realtime = pthread_setschedparam(pthread_self(), SCHED_FIFO, &priority) == 0;
    const double fps = pipeline->config.fps;
    for (std::int64_t n = 0;; ++n) {
      const Clock::time_point due = started + vsync_offset(fps, n);
      {
        std::unique_lock lock(stop_mutex);
        if (stop_signal.wait_until(lock, due, [this] { return stop_requested; })) return;
      }
      // Only the first VSync since the last frame posts an event; later ones replace it.
      if (pipeline->pending.exchange(n, std::memory_order_acq_rel) == kNonePending) {
        to_main.deliver(iso::Message());
      }
      posted.push_back(Clock::now());
      posted_count.store(posted.size(), std::memory_order_release);
    }
  }

  void stop_thread() noexcept {
    {
      std::lock_guard lock(stop_mutex);
      stop_requested = true;
    }
    stop_signal.notify_one();
    if (thread.joinable()) thread.join();
    port.close();
  }
};

Display::Display(DisplayConfig config) : config_(config) {
  validate(config_);
}

Display::~Display() {
  if (session_) session_->stop_thread();
}

Display::Display(Display&&) noexcept = default;

Display& Display::operator=(Display&& other) noexcept {
  if (this != &other) {
    if (session_) session_->stop_thread();
    config_ = other.config_;
    session_ = std::move(other.session_);
  }
  return *this;
}

bool Display::is_running() const noexcept {
  return session_ != nullptr;
}

std::size_t Display::vsyncs_posted() const noexcept {
  return session_ ? session_->posted_count.load(std::memory_order_acquire) : 0;
}

void Display::start() {
  if (session_) throw std::logic_error("Display::start: the display is already running");
  const iso::Isolate self = iso::Isolate::current();
  auto pipeline = std::make_shared<Pipeline>(config_);
  iso::RawReceivePort port([pipeline](iso::Message) { pipeline->render_newest(); }, "vsync");
  const iso::SendPort to_main = port.send_port();
  auto session = std::make_unique<Session>(std::move(pipeline), std::move(port));
  session->posted.reserve(static_cast<std::size_t>(config_.fps * 60) + 1);
  self.reset_loop_stats();
  session->started = Clock::now();
  Session* raw = session.get();
  session->thread = std::thread([raw, to_main] { raw->run_vsync_source(to_main); });
  session_ = std::move(session);
}

FrameLog Display::stop() {
  if (!session_) throw std::logic_error("Display::stop: the display is not running");
  FrameLog log;
  log.config = config_;
  log.stopped = Clock::now();
  log.longest_event = iso::Isolate::current().loop_stats().longest_event;
  std::unique_ptr<Session> session = std::move(session_);
  session->stop_thread();
  log.started = session->started;
  log.vsync_realtime = session->realtime;

  // The VSync still pending now was posted but not rendered: its fate is unknown, leave it out.
  const std::int64_t unsettled =
      session->pipeline->pending.exchange(kNonePending, std::memory_order_acq_rel);
  const auto settled = static_cast<std::size_t>(
      unsettled == kNonePending ? static_cast<std::int64_t>(session->posted.size()) : unsettled);

  log.frames.resize(settled);
  for (std::size_t n = 0; n < settled; ++n) {
    log.frames[n].due = log.started + vsync_offset(config_.fps, static_cast<std::int64_t>(n));
    log.frames[n].posted = session->posted[n];
  }
  for (const auto& frame : session->pipeline->rendered) {
    const auto n = static_cast<std::size_t>(frame.vsync);
    if (n >= settled) continue;
    log.frames[n].started = frame.started;
    log.frames[n].finished = frame.finished;
  }
  return log;
}

}  // namespace bench

// Modes `run` and `worker`: the work in another isolate, the payload copied in, the result back.
//   run     Isolate::run per call: spawn (on a parked thread when one is free), copy the payload
//           in, work, hand the result back by exit (no copy), end
//   worker  a persistent isolate spawned once in setup (a setup metric, not part of any call):
//           the request copied in by message, the reply copied back by message

#include <optional>
#include <stdexcept>
#include <utility>

#include "bench/harness/busy_clock.hpp"
#include "iso/iso.hpp"
#include "messages.hpp"
#include "runners.hpp"
#include "work.hpp"

namespace offload {
namespace {

using bench::steady_now_ns;

WorkReply work_here(const std::vector<std::uint8_t>& payload, std::uint64_t rounds) {
  const auto started = steady_now_ns();
  WorkResult result = do_work(payload, rounds);
  return WorkReply{result.checksum, std::move(result.bytes), steady_now_ns() - started};
}

class RunRunner final : public CallRunner {
 public:
  explicit RunRunner(const WorkPoint& point) : CallRunner(point, "run") {}

  iso::Future<bench::Measurements> run_once() override {
    CallTimeline t;
    t.in_hand_ns = steady_now_ns();
    // The call copies the payload into the new isolate before it returns: the main isolate's
    // share. The result comes back by exit, so taking it costs nothing to copy.
    auto computed = iso::Isolate::run(&work_here, payload(), point_.rounds);
    t.main_busy_ns = steady_now_ns() - t.in_hand_ns;
    const WorkReply reply = co_await std::move(computed);
    t.usable_ns = steady_now_ns();
    t.work_ns = reply.work_ns;
    co_return finish(t, reply.checksum);
  }
};

/// The worker's entry: hands its port over on `main_port`, then answers requests until killed.
iso::Future<void> worker_entry(iso::SendPort main_port) {
  iso::ReceivePort requests("offload worker requests");
  main_port.send(requests.send_port());
  while (true) {
    iso::Message message = co_await requests.next();
    WorkRequest request = message.take<WorkRequest>();
    request.reply.send(work_here(request.payload, request.rounds));
  }
}

/// Throws for a message that is not the reply: the worker failed or ended.
[[noreturn]] void fail_on(const iso::Message& message) {
  if (message.is<iso::UncaughtError>()) {
    throw std::runtime_error("offload: the worker failed: " +
                             message.get<iso::UncaughtError>().message);
  }
  throw std::runtime_error("offload: the worker ended without a reply");
}

class WorkerRunner final : public CallRunner {
 public:
  explicit WorkerRunner(const WorkPoint& point) : CallRunner(point, "worker") {}

  iso::Future<bench::Measurements> setup() override {
    handshake_.emplace("offload worker handshake");
    iso::SpawnOptions options;
    options.debug_name = "offload worker";
    options.on_error = handshake_->send_port();
    const auto started = steady_now_ns();
    isolate_ = co_await iso::Isolate::spawn(&worker_entry, handshake_->send_port(), options);
    iso::Message first = co_await handshake_->next();
    const auto spawn_ns = static_cast<double>(steady_now_ns() - started);
    if (!first.is<iso::SendPort>()) fail_on(first);
    requests_ = first.take<iso::SendPort>();
    // The request sent every call, built once: its payload is what the send copies.
    request_.payload = payload();
    request_.rounds = point_.rounds;
    co_return bench::Measurements{{metric_keys::worker_spawn, spawn_ns}};
  }

  iso::Future<bench::Measurements> run_once() override {
    iso::ReceivePort replies("offload worker replies");
    // A worker that fails or ends mid-call reports here, so the call fails instead of waiting.
    isolate_->add_error_listener(replies.send_port());
    isolate_->add_on_exit_listener(replies.send_port());
    request_.reply = replies.send_port();
    CallTimeline t;
    bench::BusyClock busy;
    t.in_hand_ns = steady_now_ns();
    busy.start();
    requests_.send(request_);
    busy.stop();
    iso::Message message = co_await replies.next();
    busy.start();
    if (!message.is<WorkReply>()) fail_on(message);
    const WorkReply reply = message.take<WorkReply>();
    t.usable_ns = steady_now_ns();
    busy.stop();
    isolate_->remove_error_listener(replies.send_port());
    isolate_->remove_on_exit_listener(replies.send_port());
    t.main_busy_ns = busy.total_ns();
    t.work_ns = reply.work_ns;
    co_return finish(t, reply.checksum);
  }

  iso::Future<void> teardown() override {
    if (!isolate_) co_return;
    iso::ReceivePort exited("offload worker exit");
    isolate_->add_on_exit_listener(exited.send_port());
    isolate_->kill(iso::KillPriority::immediate);
    (void)co_await exited.first();
    isolate_.reset();
    handshake_.reset();
  }

 private:
  std::optional<iso::ReceivePort> handshake_;  // also takes errors reported by the worker
  std::optional<iso::Isolate> isolate_;
  iso::SendPort requests_;
  WorkRequest request_;
};

}  // namespace

std::unique_ptr<bench::ModeRunner> make_run_runner(const WorkPoint& point) {
  return std::make_unique<RunRunner>(point);
}

std::unique_ptr<bench::ModeRunner> make_worker_runner(const WorkPoint& point) {
  return std::make_unique<WorkerRunner>(point);
}

}  // namespace offload

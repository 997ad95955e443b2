// Mode `worker`, and `transfer` on an --input file: an isolate fed a stream of chunks by
// transfer, replying with the digest. `worker` spawns it once in setup (a setup metric, not part
// of any hash) and keeps it, as the document's ImageProcessor does; `transfer` with --input
// spawns one per hash and lets it end by exit. With --input the main isolate reads the file into
// a few recycled buffers while the isolate hashes the ones it already sent: reading and hashing
// overlap.

#include <optional>
#include <stdexcept>
#include <utility>

#include "chunk_source.hpp"
#include "iso/iso.hpp"
#include "messages.hpp"
#include "runners.hpp"

namespace sha256 {
namespace {

/// The hashing isolate's entry: hands its port over on `main_port`, then hashes the streams it is
/// sent until it is killed or a FinishHash says to end.
iso::Future<void> hash_stream_entry(iso::SendPort main_port) {
  iso::ReceivePort requests("sha256 stream requests");
  main_port.send(requests.send_port());
  Hasher hasher;
  iso::SendPort reply;
  bool return_each = false;
  std::int64_t hash_ns = 0;
  std::vector<iso::TransferableTypedData> kept;
  while (true) {
    iso::Message message = co_await requests.next();
    if (message.is<HashChunk>()) {
      std::vector<std::uint8_t> bytes = message.take<HashChunk>().bytes.materialize();
      const auto started = steady_now_ns();
      hasher.update(bytes);
      hash_ns += steady_now_ns() - started;
      auto back = iso::TransferableTypedData::from_bytes(std::move(bytes));
      if (return_each) {
        reply.send(ChunkBack{std::move(back)});
      } else {
        kept.push_back(std::move(back));
      }
    } else if (message.is<BeginHash>()) {
      const BeginHash begin = message.take<BeginHash>();
      reply = begin.reply;
      return_each = begin.return_each;
      hash_ns = 0;
      kept.clear();
    } else if (message.is<FinishHash>()) {
      const bool then_exit = message.take<FinishHash>().then_exit;
      const auto started = steady_now_ns();
      HashDone done{hasher.finish(), 0, std::exchange(kept, {})};
      done.hash_ns = hash_ns + (steady_now_ns() - started);
      if (then_exit) {
        iso::exit(reply, std::move(done));
        co_return;
      }
      reply.send(done);
    }
  }
}

/// Throws for a message on the reply port that is neither a chunk nor the digest: the isolate
/// failed (an error report) or ended (the exit notification).
[[noreturn]] void fail_on(const iso::Message& message) {
  if (message.is<iso::UncaughtError>()) {
    throw std::runtime_error("sha256: the hashing isolate failed: " +
                             message.get<iso::UncaughtError>().message);
  }
  throw std::runtime_error("sha256: the hashing isolate ended without a digest");
}

/// One hash of `source` by the isolate behind `requests`; replies arrive on `replies`. Adds the
/// main isolate's busy stretches to `busy` (started by the caller, running) and the chunk
/// messages' sends to `t.copy_in`; sets `t.usable_ns` and `t.hash_ns`.
iso::Future<Digest> stream_hash(const iso::SendPort& requests, iso::ReceivePort& replies,
                                ChunkSource& source, bool then_exit, BusyClock& busy,
                                HashTimeline& t) {
  source.rewind();
  requests.send(BeginHash{replies.send_port(), source.return_each()});
  std::size_t out = 0;
  bool fed = false;
  while (true) {
    while (!fed && out < source.window()) {
      std::optional<std::vector<std::uint8_t>> piece = source.next();
      if (!piece) {
        requests.send(FinishHash{then_exit});
        fed = true;
        break;
      }
      const auto started = steady_now_ns();
      const HashChunk message{iso::TransferableTypedData::from_bytes(std::move(*piece))};
      const iso::SendCost sent = requests.send(message);
      t.copy_in.copy += std::chrono::nanoseconds(steady_now_ns() - started);
      t.copy_in.bytes += sent.bytes;
      ++out;
    }
    busy.stop();
    iso::Message message = co_await replies.next();
    busy.start();
    if (message.is<ChunkBack>()) {
      source.give_back(message.take<ChunkBack>().bytes.materialize());
      --out;
    } else if (message.is<HashDone>()) {
      t.usable_ns = steady_now_ns();
      HashDone done = message.take<HashDone>();
      for (auto& chunk : done.chunks) source.give_back(chunk.materialize());
      t.hash_ns = done.hash_ns;
      co_return done.digest;
    } else {
      fail_on(message);
    }
  }
}

/// Spawns the hashing isolate, reporting to `replies` (its port, then errors and its exit), and
/// returns its request port. `busy`, when given, is running and stops while this waits.
iso::Future<iso::SendPort> spawn_hasher(iso::ReceivePort& replies, const std::string& name,
                                        bool report_exit, std::optional<iso::Isolate>& isolate,
                                        BusyClock* busy) {
  iso::SpawnOptions options;
  options.debug_name = name;
  options.on_error = replies.send_port();
  if (report_exit) options.on_exit = replies.send_port();
  auto spawned = iso::Isolate::spawn(&hash_stream_entry, replies.send_port(), options);
  if (busy) busy->stop();
  isolate = co_await std::move(spawned);
  iso::Message first = co_await replies.next();
  if (busy) busy->start();
  if (!first.is<iso::SendPort>()) fail_on(first);
  co_return first.take<iso::SendPort>();
}

class WorkerRunner final : public RunnerBase {
 public:
  explicit WorkerRunner(const HashPoint& point)
      : RunnerBase(point, "worker"), source_(make_chunk_source(point)) {}

  iso::Future<bench::Measurements> setup() override {
    handshake_.emplace("sha256 worker handshake");
    const auto started = steady_now_ns();
    requests_ = co_await spawn_hasher(*handshake_, "sha256 worker", false, isolate_, nullptr);
    const auto spawn_ns = static_cast<double>(steady_now_ns() - started);
    co_return bench::Measurements{{metric_keys::worker_spawn, spawn_ns}};
  }

  iso::Future<bench::Measurements> run_once() override {
    iso::ReceivePort replies("sha256 worker replies");
    // A worker that fails or ends mid-hash reports here, so the hash fails instead of waiting.
    isolate_->add_error_listener(replies.send_port());
    isolate_->add_on_exit_listener(replies.send_port());
    HashTimeline t;
    BusyClock busy;
    t.in_hand_ns = steady_now_ns();
    busy.start();
    const Digest digest = co_await stream_hash(requests_, replies, *source_, false, busy, t);
    isolate_->remove_error_listener(replies.send_port());
    isolate_->remove_on_exit_listener(replies.send_port());
    busy.stop();
    t.main_busy_ns = busy.total_ns();
    co_return finish(t, digest);
  }

  iso::Future<void> teardown() override {
    if (!isolate_) co_return;
    iso::ReceivePort exited("sha256 worker exit");
    isolate_->add_on_exit_listener(exited.send_port());
    isolate_->kill(iso::KillPriority::immediate);
    (void)co_await exited.first();
    isolate_.reset();
    handshake_.reset();
  }

 private:
  std::unique_ptr<ChunkSource> source_;
  std::optional<iso::ReceivePort> handshake_;  // also takes errors reported by the worker
  std::optional<iso::Isolate> isolate_;
  iso::SendPort requests_;
};

/// `transfer` with --input: a new isolate per hash, fed the file's chunks, ending by exit.
class StreamTransferRunner final : public RunnerBase {
 public:
  explicit StreamTransferRunner(const HashPoint& point)
      : RunnerBase(point, "transfer"), source_(make_chunk_source(point)) {}

  iso::Future<bench::Measurements> run_once() override {
    iso::ReceivePort replies("sha256 transfer replies");
    std::optional<iso::Isolate> isolate;
    HashTimeline t;
    BusyClock busy;
    t.in_hand_ns = steady_now_ns();
    busy.start();
    const iso::SendPort requests =
        co_await spawn_hasher(replies, "sha256 transfer", true, isolate, &busy);
    std::optional<Digest> digest;
    std::exception_ptr failure;
    try {
      digest = co_await stream_hash(requests, replies, *source_, true, busy, t);
    } catch (...) {
      failure = std::current_exception();
    }
    if (failure) {
      // A read error on this side leaves the isolate waiting for chunks: end it, then fail.
      isolate->kill(iso::KillPriority::immediate);
      std::rethrow_exception(failure);
    }
    busy.stop();
    t.main_busy_ns = busy.total_ns();
    (void)co_await replies.next();  // the exit notification: the isolate has ended
    co_return finish(t, *digest);
  }

 private:
  std::unique_ptr<ChunkSource> source_;
};

}  // namespace

std::unique_ptr<HashRunner> make_worker_runner(const HashPoint& point) {
  return std::make_unique<WorkerRunner>(point);
}

std::unique_ptr<HashRunner> make_transfer_runner(const HashPoint& point) {
  if (point.workload->input) return std::make_unique<StreamTransferRunner>(point);
  return make_generated_transfer_runner(point);
}

}  // namespace sha256

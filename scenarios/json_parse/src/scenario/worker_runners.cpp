// Modes `worker` and `transfer`: a persistent worker isolate, spawned in setup (its spawn is a
// setup metric, not part of any parse), serving requests that carry their reply port, as the
// document's ImageProcessor does.
//   worker    the request is copied in by SendPort::send on the main isolate, the body in it
//             shared (one more reference, as Dart >= 2.15 sends a String within the group);
//   transfer  the body is gathered into a TransferableTypedData (one copy on the main isolate,
//             as TransferableTypedData.fromList) and moved to the worker in O(1).
// Both get the products back by copy through the reply port (a persistent worker cannot exit),
// then the worker's timings as a second message.

#include <optional>
#include <stdexcept>
#include <utility>

#include "iso/iso.hpp"
#include "messages.hpp"
#include "runners.hpp"
#include "timeline.hpp"

namespace json_parse {
namespace {

/// Parses one request on the worker and answers it: products first, then the timings.
template <class Request>
void answer(std::int64_t entered_ns, const Request& request, PaddedView body) {
  FarSideTimings timings;
  timings.entered_ns = entered_ns;
  timings.body_address = address_of(body);
  const ParsedCatalog catalog = parse_catalog(body, request.decoder, timings.stamps);
  const iso::SendCost sent = request.reply.send(catalog);
  timings.copy_out_ns = sent.copy.count();
  timings.copy_out_bytes = sent.bytes;
  request.reply.send(timings);
}

/// The worker's entry: hands its port to the main isolate, then serves requests until killed.
iso::Future<void> catalog_worker(iso::SendPort main_port) {
  iso::ReceivePort requests("json-parse worker requests");
  main_port.send(requests.send_port());
  while (true) {
    iso::Message message = co_await requests.next();
    const std::int64_t entered_ns = steady_now_ns();
    if (message.is<ParseRequest>()) {
      const ParseRequest request = message.take<ParseRequest>();
      answer(entered_ns, request, request.body->view());
    } else if (message.is<TransferParseRequest>()) {
      TransferParseRequest request = message.take<TransferParseRequest>();
      const std::vector<std::uint8_t> bytes = request.body.materialize();
      answer(entered_ns, request,
             PaddedView(reinterpret_cast<const char*>(bytes.data()),
                        static_cast<std::size_t>(request.json_size), bytes.size()));
    }
  }
}

/// The persistent worker of one runner.
class CatalogWorker {
 public:
  /// Spawns the worker and waits for its port; returns the time that took, in nanoseconds.
  iso::Future<double> start() {
    iso::ReceivePort handshake("json-parse worker handshake");
    iso::SpawnOptions options;
    options.debug_name = "json-parse worker";
    const std::int64_t started = steady_now_ns();
    auto spawned = iso::Isolate::spawn(&catalog_worker, handshake.send_port(), std::move(options));
    isolate_ = co_await std::move(spawned);
    iso::Message port = co_await handshake.first();
    requests_ = port.take<iso::SendPort>();
    co_return static_cast<double>(steady_now_ns() - started);
  }

  const iso::SendPort& requests() const { return requests_; }

  /// A worker that fails or ends while `replies` waits reports there, so the wait fails
  /// instead of lasting for ever (an allocation failure while parsing, for one).
  void report_failures_to(const iso::ReceivePort& replies) {
    isolate_->add_error_listener(replies.send_port());
    isolate_->add_on_exit_listener(replies.send_port());
  }
  void stop_reporting_to(const iso::ReceivePort& replies) {
    isolate_->remove_error_listener(replies.send_port());
    isolate_->remove_on_exit_listener(replies.send_port());
  }

  /// Kills the worker and waits until it has ended.
  iso::Future<void> stop() {
    if (!isolate_) co_return;
    iso::ReceivePort exited("json-parse worker exit");
    isolate_->add_on_exit_listener(exited.send_port());
    isolate_->kill(iso::KillPriority::immediate);
    (void)co_await exited.first();
    isolate_.reset();
  }

 private:
  std::optional<iso::Isolate> isolate_;
  iso::SendPort requests_;
};

/// The reply of one request: the products, then the worker's timings.
struct Reply {
  ParsedCatalog catalog;
  std::int64_t usable_ns = 0;
  FarSideTimings timings;
};

/// Throws unless `message` is a `T`: the worker's error, or its end, came instead.
template <class T>
void expect_reply(const iso::Message& message) {
  if (message.is<T>()) return;
  if (message.is<iso::UncaughtError>()) {
    throw std::runtime_error("json-parse: the worker failed: " +
                             message.get<iso::UncaughtError>().message);
  }
  throw std::runtime_error("json-parse: the worker ended without a reply");
}

iso::Future<Reply> receive_reply(iso::ReceivePort& replies) {
  Reply reply;
  iso::Message products = co_await replies.next();
  expect_reply<ParsedCatalog>(products);
  reply.catalog = products.take<ParsedCatalog>();
  reply.usable_ns = steady_now_ns();
  iso::Message timings = co_await replies.next();
  expect_reply<FarSideTimings>(timings);
  reply.timings = timings.take<FarSideTimings>();
  co_return reply;
}

class WorkerRunner final : public RunnerBase {
 public:
  using RunnerBase::RunnerBase;

  iso::Future<bench::Measurements> setup() override {
    request_.body = body_;  // the body in hand, shared by the request that will carry it
    request_.decoder = decoder_;
    const double spawn_ns = co_await worker_.start();
    co_return bench::Measurements{{metric_keys::worker_spawn, spawn_ns}};
  }

  iso::Future<bench::Measurements> run_once() override {
    iso::ReceivePort replies("json-parse worker reply");
    request_.reply = replies.send_port();
    Timeline t;
    t.in_hand_ns = steady_now_ns();
    worker_.report_failures_to(replies);
    t.copy_in = worker_.requests().send(request_);
    t.main_released_ns = steady_now_ns();
    Reply reply = co_await receive_reply(replies);
    worker_.stop_reporting_to(replies);
    t.usable_ns = reply.usable_ns;
    take_far_side(t, reply.timings);
    parsed_body_at(reply.timings.body_address);
    finish(std::move(reply.catalog));
    co_return measurements_of(t);
  }

  iso::Future<void> teardown() override { return worker_.stop(); }

 private:
  ParseRequest request_;
  CatalogWorker worker_;
};

class TransferRunner final : public RunnerBase {
 public:
  using RunnerBase::RunnerBase;

  iso::Future<bench::Measurements> setup() override {
    const double spawn_ns = co_await worker_.start();
    co_return bench::Measurements{{metric_keys::worker_spawn, spawn_ns}};
  }

  iso::Future<bench::Measurements> run_once() override {
    iso::ReceivePort replies("json-parse transfer reply");
    TransferParseRequest request;
    request.json_size = body_->json_size;
    request.decoder = decoder_;
    request.reply = replies.send_port();
    Timeline t;
    t.in_hand_ns = steady_now_ns();
    // TransferableTypedData.fromList([bytes]): the one copy, made on the main isolate.
    request.body = iso::TransferableTypedData::from_list(body_->bytes);
    const auto gathered = std::chrono::nanoseconds(steady_now_ns() - t.in_hand_ns);
    worker_.report_failures_to(replies);
    const iso::SendCost sent = worker_.requests().send(request);  // O(1): the buffer moves
    t.copy_in = {gathered + sent.copy, body_->bytes.size() + sent.bytes};
    t.main_released_ns = steady_now_ns();
    Reply reply = co_await receive_reply(replies);
    worker_.stop_reporting_to(replies);
    t.usable_ns = reply.usable_ns;
    take_far_side(t, reply.timings);
    parsed_body_at(reply.timings.body_address);
    finish(std::move(reply.catalog));
    co_return measurements_of(t);
  }

  iso::Future<void> teardown() override { return worker_.stop(); }

 private:
  CatalogWorker worker_;
};

}  // namespace

std::unique_ptr<CatalogRunner> make_worker_runner(const CatalogWorkload& workload,
                                                  DecoderKind decoder, ResultDisposer& disposer) {
  return std::make_unique<WorkerRunner>(workload, decoder, disposer);
}

std::unique_ptr<CatalogRunner> make_transfer_runner(const CatalogWorkload& workload,
                                                    DecoderKind decoder, ResultDisposer& disposer) {
  return std::make_unique<TransferRunner>(workload, decoder, disposer);
}

}  // namespace json_parse

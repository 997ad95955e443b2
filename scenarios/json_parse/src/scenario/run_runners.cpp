// Modes `run`, `run-send` and `compute`: a new isolate per parse.
//
// The body crosses once, as an argument of Isolate::run (or compute's argument), and the new
// isolate parses what it got in place:
//   run       the body shared (one more reference: Dart >= 2.15 shares the closure's String);
//             the products handed back by exit (no copy);
//   run-send  the body copied in; the products copied through a port the runner keeps open,
//             the timings by exit;
//   compute   the body shared, the products by exit, as Isolate::run (compute is built on it).

#include <utility>

#include "iso/iso.hpp"
#include "messages.hpp"
#include "runners.hpp"
#include "timeline.hpp"

namespace json_parse {
namespace {

/// What the far side knows at its start: when it began, and what copying it in cost.
FarSideTimings entering() {
  FarSideTimings timings;
  timings.entered_ns = steady_now_ns();
  const iso::SendCost cost = iso::Isolate::current().spawn_cost();
  timings.copy_in_ns = cost.copy.count();
  timings.copy_in_bytes = cost.bytes;
  return timings;
}

/// The far side's timings, with the copy-in the new isolate measured at its start.
void take_far_side_and_copy_in(Timeline& t, const FarSideTimings& far) {
  take_far_side(t, far);
  t.copy_in = {std::chrono::nanoseconds(far.copy_in_ns), far.copy_in_bytes};
}

/// Parses `body` where it lies, noting where that is.
ParseReply parse_here(const SendableBody& body, DecoderKind decoder) {
  ParseReply reply;
  reply.timings = entering();
  const PaddedView text = body.view();
  reply.timings.body_address = address_of(text);
  reply.catalog = parse_catalog(text, decoder, reply.timings.stamps);
  return reply;
}

/// Isolate::run's computation for `run`: the argument is the shared body, not a copy.
ParseReply parse_in_new_isolate(const SharedBody& body, DecoderKind decoder) {
  return parse_here(*body, decoder);
}

/// Isolate::run's computation for `run-send`: the body argument is the copy-in; the products go
/// back through `results`.
FarSideTimings parse_and_send_back(const SendableBody& body, DecoderKind decoder,
                                   const iso::SendPort& results) {
  ParseReply parsed = parse_here(body, decoder);
  const iso::SendCost sent = results.send(parsed.catalog);
  parsed.timings.copy_out_ns = sent.copy.count();
  parsed.timings.copy_out_bytes = sent.bytes;
  return parsed.timings;
}

/// compute()'s plain function.
ParseReply parse_for_compute(const ComputeRequest& request) {
  return parse_here(*request.body, request.decoder);
}

class RunRunner final : public RunnerBase {
 public:
  using RunnerBase::RunnerBase;

  iso::Future<bench::Measurements> run_once() override {
    Timeline t;
    t.in_hand_ns = steady_now_ns();
    // Isolate.run(() => parse(body)): the closure's String is shared, not copied.
    auto result = iso::Isolate::run(iso::RunOptions{"json-parse run"}, &parse_in_new_isolate, body_,
                                    decoder_);
    t.main_released_ns = steady_now_ns();
    ParseReply reply = co_await std::move(result);
    t.usable_ns = steady_now_ns();
    take_far_side_and_copy_in(t, reply.timings);
    parsed_body_at(reply.timings.body_address);
    finish(std::move(reply.catalog));
    co_return measurements_of(t);
  }
};

class RunSendRunner final : public RunnerBase {
 public:
  using RunnerBase::RunnerBase;

  iso::Future<bench::Measurements> setup() override {
    results_ = std::make_unique<iso::ReceivePort>("json-parse run-send results");
    co_return bench::Measurements{};
  }

  iso::Future<bench::Measurements> run_once() override {
    Timeline t;
    t.in_hand_ns = steady_now_ns();
    // The body itself as the argument, not its shared handle: Isolate::run copies it in.
    auto timings = iso::Isolate::run(iso::RunOptions{"json-parse run-send"}, &parse_and_send_back,
                                     *body_, decoder_, results_->send_port());
    t.main_released_ns = steady_now_ns();
    iso::Message products = co_await results_->next();
    ParsedCatalog catalog = products.take<ParsedCatalog>();
    t.usable_ns = steady_now_ns();
    const FarSideTimings far = co_await std::move(timings);
    take_far_side_and_copy_in(t, far);
    parsed_body_at(far.body_address);
    finish(std::move(catalog));
    co_return measurements_of(t);
  }

  iso::Future<void> teardown() override {
    if (results_) results_->close();
    co_return;
  }

 private:
  std::unique_ptr<iso::ReceivePort> results_;
};

class ComputeRunner final : public RunnerBase {
 public:
  using RunnerBase::RunnerBase;

  iso::Future<bench::Measurements> run_once() override {
    Timeline t;
    t.in_hand_ns = steady_now_ns();
    auto result = iso::compute(&parse_for_compute, ComputeRequest{body_, decoder_});
    t.main_released_ns = steady_now_ns();
    ParseReply reply = co_await std::move(result);
    t.usable_ns = steady_now_ns();
    take_far_side_and_copy_in(t, reply.timings);
    parsed_body_at(reply.timings.body_address);
    finish(std::move(reply.catalog));
    co_return measurements_of(t);
  }
};

}  // namespace

std::unique_ptr<CatalogRunner> make_run_runner(const CatalogWorkload& workload, DecoderKind decoder,
                                               ResultDisposer& disposer) {
  return std::make_unique<RunRunner>(workload, decoder, disposer);
}

std::unique_ptr<CatalogRunner> make_run_send_runner(const CatalogWorkload& workload,
                                                    DecoderKind decoder, ResultDisposer& disposer) {
  return std::make_unique<RunSendRunner>(workload, decoder, disposer);
}

std::unique_ptr<CatalogRunner> make_compute_runner(const CatalogWorkload& workload,
                                                   DecoderKind decoder, ResultDisposer& disposer) {
  return std::make_unique<ComputeRunner>(workload, decoder, disposer);
}

}  // namespace json_parse

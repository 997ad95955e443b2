#pragma once
// The runners of the json-parse modes, one factory per mode. Each runner parses `body` with
// `decoder` once per run_once() and keeps the result it made usable on the main isolate.
// `body` and `disposer` must outlive the runner (the scenario owns them); replaced results go to
// `disposer`.

#include <memory>
#include <utility>

#include "json_parse/scenario/json_parse_scenario.hpp"
#include "result_disposer.hpp"

namespace json_parse {

/// What every mode's runner holds: the body it parses, the decoder, and the result it made
/// usable last. keep() makes a new result the current one; the one it replaces goes to the
/// disposer (the app drops its old list when the new one arrives; it is freed off the main
/// isolate).
class RunnerBase : public CatalogRunner {
 public:
  RunnerBase(const SendableBody& body, DecoderKind decoder, ResultDisposer& disposer)
      : body_(body), decoder_(decoder), disposer_(disposer) {}

  const ParsedCatalog& last_result() const final { return last_; }

 protected:
  void keep(ParsedCatalog catalog) { disposer_.dispose(std::exchange(last_, std::move(catalog))); }

  const SendableBody& body_;
  const DecoderKind decoder_;

 private:
  ResultDisposer& disposer_;
  ParsedCatalog last_;
};

std::unique_ptr<CatalogRunner> make_main_runner(const SendableBody& body, DecoderKind decoder,
                                                ResultDisposer& disposer);
std::unique_ptr<CatalogRunner> make_run_runner(const SendableBody& body, DecoderKind decoder,
                                               ResultDisposer& disposer);
std::unique_ptr<CatalogRunner> make_run_send_runner(const SendableBody& body, DecoderKind decoder,
                                                    ResultDisposer& disposer);
std::unique_ptr<CatalogRunner> make_compute_runner(const SendableBody& body, DecoderKind decoder,
                                                   ResultDisposer& disposer);
std::unique_ptr<CatalogRunner> make_worker_runner(const SendableBody& body, DecoderKind decoder,
                                                  ResultDisposer& disposer);
std::unique_ptr<CatalogRunner> make_transfer_runner(const SendableBody& body, DecoderKind decoder,
                                                    ResultDisposer& disposer);

}  // namespace json_parse

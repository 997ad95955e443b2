#pragma once
// The runners of the json-parse modes, one factory per mode. Each runner parses the body of
// `workload` with `decoder` once per run_once(), checks the result it made usable on the main
// isolate and hands it to `disposer` at once: between repetitions no mode holds products, so a
// run's memory is that of one repetition of one mode. `workload` and `disposer` must outlive the
// runner (the scenario owns them).

#include <cstdint>
#include <memory>

#include "json_parse/scenario/json_parse_scenario.hpp"
#include "result_disposer.hpp"

namespace json_parse {

/// What every mode's runner holds: the workload it parses and the decoder. finish() checks a
/// result and lets it go to the disposer (the app uses its list and drops it; it is freed off
/// the main isolate), unless keep_last_result() asked to keep it.
class RunnerBase : public CatalogRunner {
 public:
  RunnerBase(const CatalogWorkload& workload, DecoderKind decoder, ResultDisposer& disposer)
      : body_(workload.body), decoder_(decoder), workload_(workload), disposer_(disposer) {}

  void keep_last_result() final { keeps_last_ = true; }
  const ParsedCatalog& last_result() const final { return last_; }
  std::uint64_t last_body_address() const final { return last_body_address_; }

 protected:
  /// Throws std::runtime_error when `catalog` is not what the workload holds (another product
  /// count, or mapped where the workload is not a product list, or the reverse); then disposes
  /// of it, or keeps it as last_result().
  void finish(ParsedCatalog&& catalog);
  /// Records where this run's parse read the JSON text (last_body_address()).
  void parsed_body_at(std::uint64_t address) { last_body_address_ = address; }

  /// The workload's body, as the main isolate holds it: the modes that share it send this
  /// handle, the others copy or gather what it refers to.
  const SharedBody& body_;
  const DecoderKind decoder_;

 private:
  const CatalogWorkload& workload_;
  ResultDisposer& disposer_;
  bool keeps_last_ = false;
  ParsedCatalog last_;
  std::uint64_t last_body_address_ = 0;
};

std::unique_ptr<CatalogRunner> make_main_runner(const CatalogWorkload& workload,
                                                DecoderKind decoder, ResultDisposer& disposer);
std::unique_ptr<CatalogRunner> make_run_runner(const CatalogWorkload& workload, DecoderKind decoder,
                                               ResultDisposer& disposer);
std::unique_ptr<CatalogRunner> make_run_send_runner(const CatalogWorkload& workload,
                                                    DecoderKind decoder, ResultDisposer& disposer);
std::unique_ptr<CatalogRunner> make_compute_runner(const CatalogWorkload& workload,
                                                   DecoderKind decoder, ResultDisposer& disposer);
std::unique_ptr<CatalogRunner> make_worker_runner(const CatalogWorkload& workload,
                                                  DecoderKind decoder, ResultDisposer& disposer);
std::unique_ptr<CatalogRunner> make_transfer_runner(const CatalogWorkload& workload,
                                                    DecoderKind decoder, ResultDisposer& disposer);

}  // namespace json_parse

#pragma once
// The runners of the json-parse modes, one factory per mode. Each runner parses `body` with
// `decoder` once per run_once() and keeps the result it made usable on the main isolate.
// `body` and `disposer` must outlive the runner (the scenario owns them); replaced results go to
// `disposer`.

#include <memory>

#include "json_parse/scenario/json_parse_scenario.hpp"
#include "result_disposer.hpp"

namespace json_parse {

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

// Mode `main`: the parse runs on the main isolate's loop, blocking it (and the frames) for as
// long as it takes: the document's jank.

#include <cstdint>
#include <utility>

#include "runners.hpp"
#include "timeline.hpp"

namespace json_parse {
namespace {

class MainRunner final : public RunnerBase {
 public:
  using RunnerBase::RunnerBase;

  iso::Future<bench::Measurements> run_once() override {
    Timeline t;
    ParseStamps stamps;
    t.in_hand_ns = steady_now_ns();
    const PaddedView body = body_->view();
    ParsedCatalog catalog = parse_catalog(body, decoder_, stamps);
    t.usable_ns = t.main_released_ns = steady_now_ns();
    t.entered_ns = t.in_hand_ns;
    t.decoded_ns = stamps.decoded_ns;
    t.parsed_ns = stamps.parsed_ns;
    parsed_body_at(reinterpret_cast<std::uintptr_t>(body.data()));
    finish(std::move(catalog));
    co_return measurements_of(t);
  }
};

}  // namespace

std::unique_ptr<CatalogRunner> make_main_runner(const CatalogWorkload& workload,
                                                DecoderKind decoder, ResultDisposer& disposer) {
  return std::make_unique<MainRunner>(workload, decoder, disposer);
}

}  // namespace json_parse

#include <fmt/format.h>

#include <stdexcept>
#include <utility>

#include "runners.hpp"

namespace json_parse {

void RunnerBase::finish(ParsedCatalog&& catalog) {
  // The checks an app makes before it uses what came back: a short or foreign result must
  // fail the run, not be measured as a success.
  const bool product_list = workload_.skipped_reason.empty();
  if (catalog.mapped != product_list || catalog.products.size() != workload_.products) {
    throw std::runtime_error(
        fmt::format("json-parse: a {} parse made {} {} where the workload holds {} products",
                    to_string(decoder_), catalog.products.size(),
                    catalog.mapped ? "products" : "unmapped values", workload_.products));
  }
  if (keeps_last_) {
    disposer_.dispose(std::exchange(last_, std::move(catalog)));
  } else {
    disposer_.dispose(std::move(catalog));
  }
}

}  // namespace json_parse

#include "bench/harness/metric.hpp"

namespace bench {

std::string_view unit_name(Unit unit) noexcept {
  switch (unit) {
    case Unit::ns:
      return "ns";
    case Unit::bytes:
      return "bytes";
    case Unit::count:
      return "count";
    case Unit::ratio:
      return "ratio";
  }
  return "unknown";
}

}  // namespace bench

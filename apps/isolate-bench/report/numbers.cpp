#include "report/numbers.hpp"

#include <fmt/format.h>

#include <cmath>

namespace isolate_bench {

std::string exact_number(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0) {
    return fmt::format("{:.0f}", value);
  }
  return fmt::format("{}", value);
}

std::string parameter_text(const std::variant<std::int64_t, double, std::string>& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return std::to_string(*integer);
  if (const auto* real = std::get_if<double>(&value)) return exact_number(*real);
  return std::get<std::string>(value);
}

}  // namespace isolate_bench

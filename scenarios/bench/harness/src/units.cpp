#include "bench/harness/units.hpp"

#include <fmt/format.h>

#include <cmath>

namespace bench {
namespace {

/// Three significant digits, without trailing zeros: 1.23, 12.3, 123, 1.5, 2.
std::string three_digits(double value) {
  const double magnitude = std::fabs(value);
  const int decimals = magnitude >= 99.95 ? 0 : magnitude >= 9.995 ? 1 : 2;
  std::string text = fmt::format("{:.{}f}", value, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

}  // namespace

std::string format_duration_ns(double ns, bool ascii) {
  if (!std::isfinite(ns)) return "n/a";
  const double magnitude = std::fabs(ns);
  if (magnitude < 999.5) return three_digits(ns) + " ns";
  if (magnitude < 999'500) return three_digits(ns / 1e3) + (ascii ? " us" : " µs");
  if (magnitude < 999'500'000) return three_digits(ns / 1e6) + " ms";
  return three_digits(ns / 1e9) + " s";
}

std::string format_bytes(double bytes) {
  if (!std::isfinite(bytes)) return "n/a";
  const double magnitude = std::fabs(bytes);
  if (magnitude < 999.5) return three_digits(bytes) + " B";
  if (magnitude < 999'500) return three_digits(bytes / 1e3) + " KB";
  if (magnitude < 999'500'000) return three_digits(bytes / 1e6) + " MB";
  if (magnitude < 999'500'000'000) return three_digits(bytes / 1e9) + " GB";
  return three_digits(bytes / 1e12) + " TB";
}

std::string describe_size(std::uint64_t bytes) {
  return fmt::format("{} ({} bytes)", format_bytes(static_cast<double>(bytes)), bytes);
}

std::string format_value(double value, Unit unit, bool ascii) {
  if (!std::isfinite(value)) return "n/a";
  switch (unit) {
    case Unit::ns:
      return format_duration_ns(value, ascii);
    case Unit::bytes:
      return format_bytes(value);
    case Unit::count:
      return value == std::floor(value) ? fmt::format("{:.0f}", value)
                                        : fmt::format("{:.1f}", value);
    case Unit::ratio:
      return fmt::format("{:.1f} %", value * 100);
  }
  return "n/a";
}

}  // namespace bench

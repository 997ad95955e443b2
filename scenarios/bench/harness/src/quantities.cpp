#include "bench/harness/quantities.hpp"

#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <optional>

#include "bench/harness/settings_error.hpp"

namespace bench {
namespace {

__extension__ typedef unsigned __int128 Wide;  // exact products of up to 20-digit numbers

constexpr Wide kMaxU64 = std::numeric_limits<std::uint64_t>::max();

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// A non-negative decimal number split at its point: digits before and after.
struct Decimal {
  std::string whole;
  std::string fraction;
  std::string unit;  ///< whatever follows the number
};

/// Splits "1.5GB" into {"1", "5", "GB"}. Empty optional when there is no leading digit.
std::optional<Decimal> split_decimal(std::string_view text) {
  Decimal d;
  std::size_t i = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) d.whole += text[i++];
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      d.fraction += text[i++];
    }
  }
  if (d.whole.empty() && d.fraction.empty()) return std::nullopt;
  d.unit = std::string(text.substr(i));
  return d;
}

/// value = decimal * multiplier, exactly; empty if not whole or above 2^64 - 1. Sets
/// `overflow` when the value is too large.
std::optional<std::uint64_t> scale_exactly(const Decimal& d, Wide multiplier, bool& overflow) {
  overflow = false;
  // Long digit strings cannot be exact or in range: keep the arithmetic within 128 bits.
  const auto significant = d.whole.find_first_not_of('0');
  if (significant != std::string::npos && d.whole.size() - significant > 20) {
    overflow = true;
    return std::nullopt;
  }
  std::string fraction = d.fraction;
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  if (fraction.size() > 18) return std::nullopt;  // finer than any unit's smallest step
  Wide whole = 0;
  for (char c : d.whole) whole = whole * 10 + static_cast<Wide>(c - '0');
  Wide numerator = 0, denominator = 1;
  for (char c : fraction) {
    numerator = numerator * 10 + static_cast<Wide>(c - '0');
    denominator *= 10;
  }
  if (whole > kMaxU64) {
    overflow = true;
    return std::nullopt;
  }
  const Wide scaled_whole = whole * multiplier;         // < 2^64 * 2^40: fits
  const Wide scaled_fraction = numerator * multiplier;  // < 10^18 * 2^40: fits
  if (scaled_fraction % denominator != 0) return std::nullopt;
  const Wide total = scaled_whole + scaled_fraction / denominator;
  if (total > kMaxU64) {
    overflow = true;
    return std::nullopt;
  }
  return static_cast<std::uint64_t>(total);
}

std::optional<Wide> size_multiplier(const std::string& unit) {
  const std::string u = lower(unit);
  if (u.empty() || u == "b") return 1;
  if (u == "kb" || u == "k") return Wide{1000};
  if (u == "mb" || u == "m") return Wide{1000} * 1000;
  if (u == "gb" || u == "g") return Wide{1000} * 1000 * 1000;
  if (u == "tb" || u == "t") return Wide{1000} * 1000 * 1000 * 1000;
  if (u == "kib") return Wide{1} << 10;
  if (u == "mib") return Wide{1} << 20;
  if (u == "gib") return Wide{1} << 30;
  if (u == "tib") return Wide{1} << 40;
  return std::nullopt;
}

std::optional<Wide> duration_multiplier(const std::string& unit) {
  const std::string u = lower(unit);
  if (u == "ns") return 1;
  if (u == "us" || u == "µs") return Wide{1000};
  if (u == "ms") return Wide{1000} * 1000;
  if (u == "s") return Wide{1000} * 1000 * 1000;
  return std::nullopt;
}

[[noreturn]] void reject(std::string_view option, std::string_view text, std::string_view problem,
                         std::string_view accepted) {
  throw SettingsError(fmt::format("{} '{}': {}; accepted: {}", option, text, problem, accepted));
}

}  // namespace

std::uint64_t parse_size(std::string_view text, std::string_view option) {
  if (text.empty()) reject(option, text, "empty", kSizeForm);
  if (text.front() == '-') reject(option, text, "a size cannot be negative", kSizeForm);
  const auto decimal = split_decimal(text);
  if (!decimal) reject(option, text, "not a size", kSizeForm);
  const auto multiplier = size_multiplier(decimal->unit);
  if (!multiplier) {
    reject(option, text, fmt::format("unknown unit '{}'", decimal->unit),
           "B, KB, MB, GB, TB (powers of 10) or KiB, MiB, GiB, TiB (powers of 2), e.g. 2MB");
  }
  bool overflow = false;
  const auto bytes = scale_exactly(*decimal, *multiplier, overflow);
  if (overflow) reject(option, text, "too large (above 2^64 - 1 bytes)", kSizeForm);
  if (!bytes) reject(option, text, "not a whole number of bytes", kSizeForm);
  if (*bytes == 0) reject(option, text, "a size must be at least 1 byte", kSizeForm);
  return *bytes;
}

std::vector<std::string_view> split_list(std::string_view text, std::string_view option,
                                         std::string_view accepted) {
  std::vector<std::string_view> items;
  std::size_t begin = 0;
  while (true) {
    const auto comma = text.find(',', begin);
    const auto item =
        text.substr(begin, comma == std::string_view::npos ? text.npos : comma - begin);
    if (item.empty()) reject(option, text, "empty item in the list", accepted);
    items.push_back(item);
    if (comma == std::string_view::npos) return items;
    begin = comma + 1;
  }
}

std::vector<std::uint64_t> parse_size_list(std::string_view text, std::string_view option) {
  const auto items =
      split_list(text, option, fmt::format("{}, or a comma list such as 1MB,2MB,8MB", kSizeForm));
  std::vector<std::uint64_t> sizes;
  for (const auto item : items) {
    const std::uint64_t bytes = parse_size(item, option);
    const auto same = std::find(sizes.begin(), sizes.end(), bytes);
    if (same != sizes.end()) {
      const auto first = items[static_cast<std::size_t>(same - sizes.begin())];
      reject(option, text,
             first == item
                 ? fmt::format("{} is given twice", item)
                 : fmt::format("{} is the same size as {} ({} bytes)", item, first, bytes),
             "a list of different sizes, such as 1MB,2MB,8MB");
    }
    sizes.push_back(bytes);
  }
  return sizes;
}

namespace {

/// The number in the first line of `path`; empty when unreadable or not a number ("max").
std::optional<std::uint64_t> read_limit(const char* path) {
  std::ifstream file(path);
  std::string line;
  if (!file || !std::getline(file, line)) return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(line.data(), line.data() + line.size(), value);
  if (error != std::errc() || end == line.data()) return std::nullopt;
  return value;
}

}  // namespace

std::uint64_t usable_memory_bytes() noexcept {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page_size <= 0) return 0;
  std::uint64_t memory = static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size);
  try {
    for (const char* limit :
         {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}) {
      if (const auto bytes = read_limit(limit); bytes && *bytes > 0) {
        memory = std::min(memory, *bytes);
      }
    }
  } catch (...) {  // an unreadable limit is no limit
  }
  // `ulimit -v`: beyond it every allocation fails, whatever the machine has.
  struct rlimit address_space {};
  if (::getrlimit(RLIMIT_AS, &address_space) == 0 && address_space.rlim_cur != RLIM_INFINITY) {
    memory = std::min<std::uint64_t>(memory, address_space.rlim_cur);
  }
  return memory;
}

std::chrono::nanoseconds parse_duration(std::string_view text, std::string_view option) {
  if (text.empty()) reject(option, text, "empty", kDurationForm);
  if (text.front() == '-') reject(option, text, "a duration cannot be negative", kDurationForm);
  const auto decimal = split_decimal(text);
  if (!decimal) reject(option, text, "not a duration", kDurationForm);
  if (decimal->unit.empty()) reject(option, text, "missing unit", kDurationForm);
  const auto multiplier = duration_multiplier(decimal->unit);
  if (!multiplier) {
    reject(option, text, fmt::format("unknown unit '{}'", decimal->unit), kDurationForm);
  }
  bool overflow = false;
  const auto ns = scale_exactly(*decimal, *multiplier, overflow);
  if (overflow || (ns && *ns > static_cast<std::uint64_t>(
                                   std::numeric_limits<std::chrono::nanoseconds::rep>::max()))) {
    reject(option, text, "too large", kDurationForm);
  }
  if (!ns) reject(option, text, "not a whole number of nanoseconds", kDurationForm);
  return std::chrono::nanoseconds(static_cast<std::chrono::nanoseconds::rep>(*ns));
}

double parse_fps(std::string_view text, std::string_view option) {
  constexpr std::string_view form = "frames per second from 1 to 1000 (e.g. 60, 120, 59.94)";
  double fps = 0;
  const auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), fps, std::chars_format::fixed);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    reject(option, text, "not a number", form);
  }
  if (!std::isfinite(fps) || fps < 1.0 || fps > 1000.0) reject(option, text, "out of range", form);
  return fps;
}

std::int64_t parse_integer(std::string_view text, std::string_view option, std::int64_t min,
                           std::int64_t max) {
  const auto form = fmt::format("a whole number from {} to {}", min, max);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) reject(option, text, "out of range", form);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    reject(option, text, "not a whole number", form);
  }
  if (value < min || value > max) reject(option, text, "out of range", form);
  return value;
}

std::uint64_t parse_seed(std::string_view text, std::string_view option) {
  constexpr std::string_view form = "a whole number from 0 to 18446744073709551615";
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) reject(option, text, "out of range", form);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    reject(option, text, "not a whole number", form);
  }
  return value;
}

}  // namespace bench

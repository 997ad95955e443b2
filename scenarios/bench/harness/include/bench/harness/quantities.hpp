#pragma once
// Parsing of the quantities users type: sizes, durations, frame rates and counts. Each
// function either returns the exact value or throws SettingsError whose message names `option`,
// quotes the input and states the accepted form, ready to print as the one line on stderr.
//
// Sizes: SI prefixes are powers of 10, IEC prefixes powers of 2, as the standards say:
//   KB = 10^3, MB = 10^6, GB = 10^9, TB = 10^12;  KiB = 2^10, MiB = 2^20, GiB = 2^30, TiB = 2^40.
// Units are case-insensitive ("2mb" = "2MB"); "B" or no unit means bytes. A decimal fraction is
// allowed when the result is a whole number of bytes ("1.5GB", "0.5KiB"; not "1.5B").

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

/// The accepted forms, as --help and error messages state them.
inline constexpr std::string_view kSizeForm =
    "a positive size such as 512KB, 2MB, 1.5GB (SI: MB = 10^6 bytes), 2MiB (IEC: MiB = 2^20 "
    "bytes) or plain bytes";
inline constexpr std::string_view kDurationForm =
    "a duration with a unit: ns, us, ms or s (e.g. 2ms, 500us, 1.5s)";

/// Bytes in `text`. Throws SettingsError for an empty or malformed text, an unknown unit, a
/// negative value, zero, a fraction of a byte, or a value above 2^64 - 1 bytes.
std::uint64_t parse_size(std::string_view text, std::string_view option);

/// The items of a comma-separated list, in order. Throws SettingsError naming `option` and
/// stating `accepted` for an empty list or an empty item ("1MB,,2MB", "1MB,").
std::vector<std::string_view> split_list(std::string_view text, std::string_view option,
                                         std::string_view accepted);

/// A comma-separated list of sizes ("1MB,2MB,8MB"), in the given order. Throws SettingsError for
/// an empty item, any item parse_size() rejects, or a size given twice (also when spelled
/// differently: "2MB,2000KB").
std::vector<std::uint64_t> parse_size_list(std::string_view text, std::string_view option);

/// The memory this process may use, in bytes: the machine's physical memory, or the control
/// group's limit when that is smaller (a container: cgroup v2 memory.max, v1
/// memory.limit_in_bytes), or the address-space limit (ulimit -v) when that is smaller still;
/// 0 if unknown.
std::uint64_t usable_memory_bytes() noexcept;

/// Nanoseconds in `text`. A unit is required ("2" is rejected: 2 what?); "µs" is accepted as
/// "us". Throws SettingsError for malformed text, an unknown or missing unit, a negative value, a
/// fraction of a nanosecond, or a value that overflows 64-bit nanoseconds.
std::chrono::nanoseconds parse_duration(std::string_view text, std::string_view option);

/// Frames per second, a decimal number within 1..1000. Throws SettingsError otherwise.
double parse_fps(std::string_view text, std::string_view option);

/// A whole number within min..max (inclusive). Throws SettingsError otherwise.
std::int64_t parse_integer(std::string_view text, std::string_view option, std::int64_t min,
                           std::int64_t max);

/// A 64-bit unsigned seed. Throws SettingsError for anything but decimal digits within range.
std::uint64_t parse_seed(std::string_view text, std::string_view option);

}  // namespace bench

#pragma once
// Values scaled for humans, shared by the reports and by scenarios' conclusions.
// Sizes use SI prefixes (1 KB = 1000 bytes, 1 MB = 10^6 bytes), as the command line does.

#include <cstdint>
#include <string>

#include "bench/harness/metric.hpp"

namespace bench {

/// "850 ns", "12.3 µs", "4.56 ms", "1.23 s" (three significant digits). `ascii` writes "us".
/// NaN or infinity gives "n/a".
std::string format_duration_ns(double nanoseconds, bool ascii = false);

/// "512 B", "1.5 KB", "2 MB", "1.23 GB" (SI, three significant digits).
std::string format_bytes(double bytes);

/// "2 MB (2000000 bytes)": the human size and the exact count.
std::string describe_size(std::uint64_t bytes);

/// A value in its unit: durations and sizes as above, counts as integers (one decimal when
/// fractional, e.g. a median of 0.5 frames), ratios as percentages ("42.0 %").
std::string format_value(double value, Unit unit, bool ascii = false);

}  // namespace bench

#pragma once
// Numbers for machines (CSV, JSON): exact, locale-independent, shortest round-trip form.

#include <cstdint>
#include <string>
#include <variant>

namespace isolate_bench {

/// "52312" for integral values below 2^53, else the shortest text that reads back as the same
/// double ("0.4321", "1e+21"). NaN and infinities give "nan", "inf", "-inf" (CSV spelling;
/// the JSON writer writes null for them instead).
std::string exact_number(double value);

/// A parameter value as text: integers exactly, doubles as exact_number, strings as they are.
std::string parameter_text(const std::variant<std::int64_t, double, std::string>& value);

}  // namespace isolate_bench

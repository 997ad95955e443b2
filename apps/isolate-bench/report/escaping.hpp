#pragma once
// Text made safe for a format: one place for every writer (the scenarios' reports and the
// claims' table), so a field is quoted the same way wherever it is written.

#include <string>
#include <string_view>

namespace isolate_bench {

/// RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes inside doubled.
std::string csv_field(std::string_view text);

/// A JSON string literal, quotes included; control characters escaped.
std::string json_quote(std::string_view text);

/// Markdown table cell text: pipes (cell separators) and asterisks (emphasis) escaped.
std::string markdown_cell(std::string_view text);

}  // namespace isolate_bench

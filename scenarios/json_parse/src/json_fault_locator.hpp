#pragma once
// Finds where a JSON text goes wrong, byte-exact. simdjson reports *that* a document is bad
// but often not *where*; this scalar scan runs only after a decoder has failed, so its speed
// does not matter and the user gets an offset.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "json_parse/errors.hpp"

namespace json_parse::detail {

struct JsonFault {
  JsonProblem problem;
  std::size_t offset;
  std::string detail;
};

/// The first byte that starts an invalid UTF-8 sequence (overlong forms, surrogates and code
/// points above U+10FFFF are invalid), or nullopt when `text` is valid UTF-8.
std::optional<JsonFault> locate_utf8_fault(std::string_view text);

/// The first syntax fault of `text` as one JSON document (RFC 8259, nesting up to
/// `max_depth`): empty, truncated (the offset is where the text ends, or the opening quote
/// of an unclosed string) or malformed. Bytes >= 0x80 inside strings are not checked here.
/// nullopt when the syntax is valid.
std::optional<JsonFault> locate_syntax_fault(std::string_view text, std::size_t max_depth = 1024);

}  // namespace json_parse::detail

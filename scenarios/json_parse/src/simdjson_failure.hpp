#pragma once
// Turns a simdjson error into a DecodeError that says what is wrong and where.

#include <simdjson.h>

#include <cstddef>
#include <optional>
#include <string_view>

#include "json_parse/errors.hpp"
#include "json_parse/padded_body.hpp"

namespace json_parse::detail {

static_assert(kJsonPadding == simdjson::SIMDJSON_PADDING);
static_assert(kLargestJsonBytes == simdjson::SIMDJSON_MAXSIZE_BYTES);
static_assert(kDeepestJsonNesting == simdjson::DEFAULT_MAX_DEPTH);

/// Throws DecodeError for `code` raised while decoding `text`. Syntax and UTF-8 faults are
/// located byte-exact by a rescan of `text`; other errors (a wrong type, a missing key, a
/// number out of range) are schema errors (not_a_product) reported at `location` when the
/// parser knew it, with `schema_detail` when given, else simdjson's message.
[[noreturn]] void throw_decode_error(simdjson::error_code code, std::string_view text,
                                     std::optional<std::size_t> location = std::nullopt,
                                     std::string_view schema_detail = {});

}  // namespace json_parse::detail

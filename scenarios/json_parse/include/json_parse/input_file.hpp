#pragma once
// `--input FILE`: a user's own JSON, of any shape, through the dynamic decoder.

#include <filesystem>
#include <string>
#include <string_view>

#include "iso/value.hpp"
#include "json_parse/padded_body.hpp"
#include "json_parse/product_mapping.hpp"

namespace json_parse {

/// Reads the whole file into a string whose capacity has kJsonPadding spare bytes; a file that
/// reports a size of 0 (/proc/cpuinfo) is read to its end all the same.
/// Throws InputError: missing_file, not_a_regular_file (e.g. a directory), unreadable (with
/// the system's reason), empty_file (zero bytes), too_large (beyond kLargestJsonBytes, told by
/// the size before anything is read).
std::string read_input_file(const std::filesystem::path& path);

/// Decodes a body read from `path` with the dynamic decoder; DecodeErrors become InputErrors
/// naming the file, the problem and the byte offset where known (empty_file for whitespace
/// only, invalid_utf8, truncated, malformed, out_of_range, too_deep, too_large).
iso::Value decode_input(const std::filesystem::path& path, PaddedView body);

/// How many JSON values `text` holds, as far as a fast count can tell without decoding: every
/// list, object and element (object keys are counted with their values). Meant for estimating
/// the memory a decode needs; on malformed text it is an estimate still.
std::size_t count_json_values(std::string_view text);

struct InputDocument {
  std::string body;        ///< the file's bytes (padded capacity)
  iso::Value value;        ///< the decoded document
  MappingOutcome mapping;  ///< the products, or why the mapping step was skipped
};

/// read_input_file + decode_input + try_map_products. Throws InputError as those do.
InputDocument load_input(const std::filesystem::path& path);

}  // namespace json_parse

#pragma once
// The two failure types of the json-parse workload: DecodeError when bytes are not the JSON
// (or not the products) a decoder expects, InputError when a user's --input file cannot be
// used. Both say, in one line, what is wrong and at which byte offset when it is known.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace json_parse {

/// The largest text the parser accepts, in bytes (simdjson's SIMDJSON_MAXSIZE_BYTES), and its
/// deepest nesting (DEFAULT_MAX_DEPTH); both checked against simdjson where it is compiled in.
inline constexpr std::size_t kLargestJsonBytes = 0xFFFFFFFF;
inline constexpr std::size_t kDeepestJsonNesting = 1024;

enum class JsonProblem {
  empty,          ///< no JSON value at all (only whitespace)
  invalid_utf8,   ///< a byte sequence that is not UTF-8
  truncated,      ///< the text ends before the value does
  malformed,      ///< a syntax error, an invalid escape
  out_of_range,   ///< valid JSON syntax, but a number no 64-bit integer or double can hold
  too_deep,       ///< valid JSON syntax, but nested deeper than kDeepestJsonNesting
  too_large,      ///< beyond what the parser accepts (kLargestJsonBytes)
  not_a_product,  ///< valid JSON, but not the product list a product decoder expects
};

/// Short lowercase description, e.g. "truncated JSON".
const char* describe(JsonProblem problem) noexcept;

class DecodeError : public std::runtime_error {
 public:
  /// what(): "<describe(problem)>[ at byte N]: <detail>".
  DecodeError(JsonProblem problem, std::optional<std::size_t> offset, const std::string& detail);

  JsonProblem problem() const noexcept { return problem_; }
  /// Byte offset into the decoded text, when the failure has a location.
  std::optional<std::size_t> offset() const noexcept { return offset_; }
  const std::string& detail() const noexcept { return detail_; }

 private:
  JsonProblem problem_;
  std::optional<std::size_t> offset_;
  std::string detail_;
};

enum class InputProblem {
  missing_file,
  not_a_regular_file,  ///< a directory, a device, ...
  unreadable,          ///< exists but cannot be opened or read (permissions, I/O error)
  empty_file,          ///< zero bytes, or only whitespace
  invalid_utf8,
  truncated,
  malformed,
  out_of_range,
  too_deep,
  too_large,
};

class InputError : public std::runtime_error {
 public:
  /// what(): "input '<path>': <message>" — a single line.
  InputError(InputProblem problem, const std::filesystem::path& path,
             std::optional<std::size_t> offset, const std::string& message);

  InputProblem problem() const noexcept { return problem_; }
  std::optional<std::size_t> offset() const noexcept { return offset_; }

 private:
  InputProblem problem_;
  std::optional<std::size_t> offset_;
};

}  // namespace json_parse

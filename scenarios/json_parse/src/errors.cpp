#include "json_parse/errors.hpp"

#include <string>

namespace json_parse {

static_assert(kDeepestJsonNesting == 1024, "describe(too_deep) names the limit");

const char* describe(JsonProblem problem) noexcept {
  switch (problem) {
    case JsonProblem::empty:
      return "no JSON value";
    case JsonProblem::invalid_utf8:
      return "invalid UTF-8";
    case JsonProblem::truncated:
      return "truncated JSON";
    case JsonProblem::malformed:
      return "malformed JSON";
    case JsonProblem::out_of_range:
      return "number out of range";
    case JsonProblem::too_deep:
      return "nesting deeper than 1024";
    case JsonProblem::too_large:
      return "JSON too large";
    case JsonProblem::not_a_product:
      return "not a product list";
  }
  return "JSON error";
}

namespace {

std::string decode_message(JsonProblem problem, std::optional<std::size_t> offset,
                           const std::string& detail) {
  std::string message = describe(problem);
  if (offset) message += " at byte " + std::to_string(*offset);
  if (!detail.empty()) message += ": " + detail;
  return message;
}

}  // namespace

DecodeError::DecodeError(JsonProblem problem, std::optional<std::size_t> offset,
                         const std::string& detail)
    : std::runtime_error(decode_message(problem, offset, detail)),
      problem_(problem),
      offset_(offset),
      detail_(detail) {}

InputError::InputError(InputProblem problem, const std::filesystem::path& path,
                       std::optional<std::size_t> offset, const std::string& message)
    : std::runtime_error("input '" + path.string() + "': " + message),
      problem_(problem),
      offset_(offset) {}

}  // namespace json_parse

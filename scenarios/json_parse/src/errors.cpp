#include "json_parse/errors.hpp"

namespace json_parse {

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

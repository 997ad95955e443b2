#include "simdjson_failure.hpp"

#include "json_fault_locator.hpp"
#include "json_parse/errors.hpp"

namespace json_parse::detail {

namespace {

bool is_schema_error(simdjson::error_code code) {
  switch (code) {
    case simdjson::INCORRECT_TYPE:
    case simdjson::NO_SUCH_FIELD:
    case simdjson::NUMBER_OUT_OF_RANGE:
    case simdjson::INDEX_OUT_OF_BOUNDS:
      return true;
    default:
      return false;
  }
}

}  // namespace

void throw_decode_error(simdjson::error_code code, std::string_view text,
                        std::optional<std::size_t> location, std::string_view schema_detail) {
  if (code == simdjson::CAPACITY) {
    throw DecodeError(JsonProblem::too_large, std::nullopt,
                      std::to_string(text.size()) + " bytes; the parser accepts up to " +
                          std::to_string(simdjson::SIMDJSON_MAXSIZE_BYTES));
  }
  if (code == simdjson::MEMALLOC) throw std::bad_alloc();
  // A lazy parser may see a syntax fault as a type error, so every failure is rescanned: a
  // located UTF-8 or syntax fault explains it better than the code does.
  if (auto fault = locate_utf8_fault(text)) {
    throw DecodeError(fault->problem, fault->offset, fault->detail);
  }
  if (auto fault = locate_syntax_fault(text)) {
    throw DecodeError(fault->problem, fault->offset, fault->detail);
  }
  if (is_schema_error(code)) {
    throw DecodeError(JsonProblem::not_a_product, location,
                      schema_detail.empty() ? std::string(simdjson::error_message(code))
                                            : std::string(schema_detail));
  }
  throw DecodeError(JsonProblem::malformed, location, simdjson::error_message(code));
}

}  // namespace json_parse::detail

#include "json_parse/sendable_body.hpp"

#include <utility>

namespace json_parse {

PaddedView SendableBody::view() const {
  return PaddedView(bytes.data(), json_size, bytes.size());
}

SendableBody take_as_sendable_body(std::string&& json) {
  SendableBody body;
  body.json_size = json.size();
  body.bytes = std::move(json);
  body.bytes.append(kJsonPadding, ' ');
  return body;
}

}  // namespace json_parse

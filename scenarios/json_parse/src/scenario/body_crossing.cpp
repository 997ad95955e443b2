#include "body_crossing.hpp"

namespace json_parse {

std::string_view body_crossing_label(BodyCrossing crossing) {
  switch (crossing) {
    case BodyCrossing::shared:
      return "body shared (Dart ≥ 2.15)";
    case BodyCrossing::copied:
      return "body copied in";
    case BodyCrossing::transferred:
      return "body sent as TransferableTypedData";
    case BodyCrossing::none:
      break;
  }
  return {};
}

}  // namespace json_parse

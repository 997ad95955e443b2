#pragma once
// How the JSON body reaches the isolate that parses it, per mode, and the words the reports use
// for it. Since Dart 2.15 the isolates of one group share deeply immutable objects: a String
// sent, or captured by Isolate.run's closure, crosses as one more reference, and only mutable
// objects (the products) are copied. `run`, `compute` and `worker` show that path; `run-send`
// keeps the copy, so a reader sees both; `transfer` gathers the bytes into a
// TransferableTypedData.

#include <string_view>

namespace json_parse {

enum class BodyCrossing {
  none,         ///< `main`: the body never leaves the main isolate
  shared,       ///< one more reference to the main isolate's immutable body: O(1), no bytes
  copied,       ///< a copy of the body in the parsing isolate's heap
  transferred,  ///< gathered into a TransferableTypedData (one copy), then moved in O(1)
};

/// The label every report uses: "body shared (Dart ≥ 2.15)", "body copied in",
/// "body sent as TransferableTypedData"; empty for none.
std::string_view body_crossing_label(BodyCrossing crossing);

/// How the mode named `mode` takes the body; none for a name that is not a json-parse mode.
BodyCrossing body_crossing_of(std::string_view mode);

}  // namespace json_parse

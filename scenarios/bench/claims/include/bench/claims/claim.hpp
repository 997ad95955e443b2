#pragma once
// One row of `isolate-bench claims`: a claim of the source document ("Dart Isolates Explained")
// set against a figure measured in this run, on this machine.

#include <string>
#include <string_view>

namespace bench::claims {

/// How a claim fared here.
enum class ClaimVerdict {
  holds,           ///< the measured figure agrees with the document's
  holds_in_shape,  ///< the point of the claim stands, its figure does not (reason says why)
  differs_here,    ///< the measurement contradicts the claim on this machine (reason says why)
  not_measured,    ///< no scenario in this build measures it: no figure is printed
};

/// "holds", "holds in shape", "differs here", "not measured yet".
std::string_view verdict_name(ClaimVerdict verdict) noexcept;

/// A verdict and, in a few words, why.
struct Judgement {
  ClaimVerdict verdict = ClaimVerdict::not_measured;
  std::string reason;
};

struct ClaimRow {
  std::string id;        ///< [a-z0-9-], stable: the CSV's and JSON's key ("json-decode-time")
  std::string claim;     ///< the claim in a few words
  std::string document;  ///< the document's figure ("60-80 ms on a mid-range phone")
  std::string measured;  ///< the figure measured in this run; "not measured yet" when none
  Judgement judgement;
  std::string command;  ///< the scenario command that measures it in full
};

}  // namespace bench::claims

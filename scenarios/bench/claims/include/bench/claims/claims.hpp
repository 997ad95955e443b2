#pragma once
// The checkable claims of the source document, each read from the claims' runs
// (claim_runs.hpp) and judged by the rules of verdicts.hpp.

#include <vector>

#include "bench/claims/claim.hpp"
#include "bench/claims/claim_runs.hpp"

namespace bench::claims {

/// One row per claim, in the document's order. A claim whose run is absent from `results` (its
/// scenario is not in this build), or lacks the mode or metric it reads, is "not measured yet",
/// with no figure. `cores` is this machine's (Environment::logical_cores), for the reasons.
std::vector<ClaimRow> evaluate_claims(const RunResults& results, unsigned cores);

}  // namespace bench::claims

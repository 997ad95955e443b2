#pragma once
// The sentences under the image-compress table, computed from the results alone.

#include <string>
#include <vector>

#include "bench/harness/result.hpp"
#include "image_compress/scenario/image_compress_scenario.hpp"

namespace image_compress {

/// Per parameter set: whether to offload, the image and its PNG, the pool's rate, and as
/// details the main isolate's frames, every offload's figures, the encoder's split; for the run:
/// the codecs and zlib against libdeflate. `points` are indexed by ParameterResult::index.
bench::Conclusions image_compress_conclusions(const bench::ScenarioResult& result,
                                              const std::vector<ImagePoint>& points);

}  // namespace image_compress

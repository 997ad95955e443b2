#pragma once
// The sentences under the image-compress table, computed from the results alone.

#include <string>
#include <vector>

#include "bench/harness/result.hpp"
#include "image_compress/scenario/image_compress_scenario.hpp"

namespace image_compress {

std::vector<std::string> image_compress_conclusions(const bench::ScenarioResult& result,
                                                    const std::vector<ImagePoint>& points);

}  // namespace image_compress

#pragma once
// Photo-like RGBA8 pixels made from a seed: smooth gradients (sky, shading) and hard-edged
// objects with textures of fine noise, mixed so that PNG compresses them a few times, as it does a
// photo, rather than a hundred times as it does a flat test pattern. The same seed and size always
// give the same pixels.

#include <cstdint>

#include "image_compress/rgba_image.hpp"

namespace image_compress {

/// Throws std::invalid_argument for a zero dimension, std::bad_alloc when it does not fit.
RgbaImage generate_photo(std::uint32_t width, std::uint32_t height, std::uint64_t seed);

}  // namespace image_compress

#pragma once
// An image as the scenario compresses it: 8-bit RGBA, rows top to bottom, no padding.

#include <cstdint>
#include <vector>

namespace image_compress {

struct RgbaImage {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::vector<std::uint8_t> pixels;  ///< width * height * 4 bytes: R, G, B, A per pixel

  std::uint64_t raw_bytes() const noexcept { return std::uint64_t{width} * height * 4; }
};

/// Bytes of an RGBA8 buffer of `width` x `height` pixels (no overflow for 32-bit dimensions).
constexpr std::uint64_t rgba_bytes(std::uint32_t width, std::uint32_t height) noexcept {
  return std::uint64_t{width} * height * 4;
}

}  // namespace image_compress

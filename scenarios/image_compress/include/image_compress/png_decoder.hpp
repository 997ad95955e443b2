#pragma once
// Decoding a PNG to RGBA8 with libpng's simplified API, whose transforms turn every colour type
// and depth into 8-bit RGBA: palette (tRNS included), grey, grey with alpha, RGB without alpha
// (opaque), 16-bit channels (scaled to 8 bits, so not lossless).

#include <cstdint>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>

#include "image_compress/rgba_image.hpp"

namespace image_compress {

/// A PNG that cannot be used; what() names the problem in a phrase ("not a PNG file (its first
/// 8 bytes are not the PNG signature)", "corrupt or truncated PNG: ...").
class PngInputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What a PNG's header says, and how it is turned into RGBA8.
struct PngHeader {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::string converted_from;  ///< "8-bit RGBA", "16-bit RGB", "8-bit palette"...
};

/// Decodes `png` to RGBA8. Refuses (PngInputError) bytes that are not a PNG, a corrupt or
/// truncated one, and one whose RGBA8 buffer would take more than `max_rgba_bytes`, before
/// allocating it. `header`, when given, receives what the header said.
RgbaImage decode_png(std::span<const std::uint8_t> png, std::uint64_t max_rgba_bytes,
                     PngHeader* header = nullptr);

/// The same for a file, read whole first. A file that cannot be read is a PngInputError too.
RgbaImage decode_png_file(const std::filesystem::path& path, std::uint64_t max_rgba_bytes,
                          PngHeader* header = nullptr);

}  // namespace image_compress

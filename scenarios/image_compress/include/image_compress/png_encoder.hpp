#pragma once
// A PNG encoder for RGBA8 images: signature, IHDR (8-bit truecolour with alpha, no interlace),
// the image data in IDAT chunks of at most kIdatChunkBytes, IEND; every chunk with its CRC-32.
// Each row gets the PNG filter (None, Sub, Up, Average, Paeth) whose output has the smallest sum
// of absolute values, read as signed bytes: the heuristic the PNG specification suggests and
// libpng uses. The filtered rows are deflated into a zlib stream by one of two codecs:
//   zlib        zlib's streaming deflate, fed row by row as they are filtered (levels 0..9);
//   libdeflate  libdeflate's whole-buffer compressor (it has no streaming API), fed every
//               filtered row at once (levels 0..12).
// The same image, codec and level always give the same bytes.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "image_compress/rgba_image.hpp"

namespace image_compress {

enum class Codec { zlib, libdeflate };

/// "zlib" or "libdeflate".
std::string_view codec_name(Codec codec) noexcept;
/// The highest level `codec` takes (9 for zlib, 12 for libdeflate); the lowest is 0.
int max_level(Codec codec) noexcept;

struct PngSettings {
  Codec codec = Codec::zlib;
  int level = 6;
};

/// The largest IDAT chunk the encoder writes (the stream continues in the next chunk).
inline constexpr std::size_t kIdatChunkBytes = 1 << 16;

/// The PNG filter types, as the filter-type byte of a row names them.
enum class Filter : std::uint8_t { none = 0, sub = 1, up = 2, average = 3, paeth = 4 };

/// Writes the filter-type byte and `row` filtered against `previous` (the row above, unfiltered;
/// all zero for the first row) into `out`, which holds 1 + row.size() bytes; bpp is 4.
void filter_row(Filter filter, std::span<const std::uint8_t> row,
                std::span<const std::uint8_t> previous, std::span<std::uint8_t> out);

/// The filter the heuristic picks for `row`: the smallest sum of |signed byte| of its output
/// (the lowest-numbered filter on a tie). `scratch` is reused between calls.
Filter choose_filter(std::span<const std::uint8_t> row, std::span<const std::uint8_t> previous,
                     std::vector<std::uint8_t>& scratch);

/// What encoding took, for the scenario's metrics.
struct EncodeStats {
  std::int64_t filter_ns = 0;    ///< choosing and applying the row filters
  std::int64_t compress_ns = 0;  ///< the codec's calls
};

/// The PNG file of `image`. Throws std::invalid_argument for a zero or over-large dimension
/// (PNG allows 2^31 - 1), a pixel buffer of the wrong size or a level out of the codec's
/// range; std::runtime_error when the codec fails; std::bad_alloc.
std::vector<std::uint8_t> encode_png(const RgbaImage& image, const PngSettings& settings,
                                     EncodeStats* stats = nullptr);
/// The same for pixels held elsewhere (a message's buffer).
std::vector<std::uint8_t> encode_png(std::span<const std::uint8_t> rgba, std::uint32_t width,
                                     std::uint32_t height, const PngSettings& settings,
                                     EncodeStats* stats = nullptr);

/// The versions of the codecs linked in: "zlib 1.2.13, libdeflate 1.14".
std::string codec_versions();

}  // namespace image_compress

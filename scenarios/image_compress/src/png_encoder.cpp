#include "image_compress/png_encoder.hpp"

#include <fmt/format.h>
#include <libdeflate.h>
#include <zlib.h>

#include <array>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace image_compress {
namespace {

constexpr std::size_t kBytesPerPixel = 4;
constexpr std::uint32_t kLargestDimension = 0x7FFFFFFF;  // PNG's limit, 2^31 - 1
constexpr std::array<std::uint8_t, 8> kSignature{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

std::int64_t now_ns() noexcept {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t value) {
  out.push_back(static_cast<std::uint8_t>(value >> 24));
  out.push_back(static_cast<std::uint8_t>(value >> 16));
  out.push_back(static_cast<std::uint8_t>(value >> 8));
  out.push_back(static_cast<std::uint8_t>(value));
}

/// A chunk: length, type, data, and the CRC-32 of type and data (zlib's crc32, the PNG CRC).
void put_chunk(std::vector<std::uint8_t>& out, const char (&type)[5],
               std::span<const std::uint8_t> data) {
  put_u32(out, static_cast<std::uint32_t>(data.size()));
  const std::size_t type_at = out.size();
  out.insert(out.end(), type, type + 4);
  out.insert(out.end(), data.begin(), data.end());
  const uLong crc = ::crc32_z(0, out.data() + type_at, 4 + data.size());
  put_u32(out, static_cast<std::uint32_t>(crc));
}

void put_header(std::vector<std::uint8_t>& out, std::uint32_t width, std::uint32_t height) {
  out.insert(out.end(), kSignature.begin(), kSignature.end());
  std::vector<std::uint8_t> ihdr;
  put_u32(ihdr, width);
  put_u32(ihdr, height);
  ihdr.insert(ihdr.end(), {8, 6, 0, 0, 0});  // 8-bit, RGBA, deflate, adaptive filters, no interlace
  put_chunk(out, "IHDR", ihdr);
}

/// The zlib stream cut into IDAT chunks of at most kIdatChunkBytes.
void put_idat_chunks(std::vector<std::uint8_t>& out, std::span<const std::uint8_t> stream) {
  for (std::size_t at = 0; at < stream.size(); at += kIdatChunkBytes) {
    put_chunk(out, "IDAT", stream.subspan(at, std::min(kIdatChunkBytes, stream.size() - at)));
  }
}

std::uint8_t paeth(int left, int above, int upper_left) noexcept {
  const int estimate = left + above - upper_left;
  const int to_left = std::abs(estimate - left);
  const int to_above = std::abs(estimate - above);
  const int to_upper_left = std::abs(estimate - upper_left);
  if (to_left <= to_above && to_left <= to_upper_left) return static_cast<std::uint8_t>(left);
  if (to_above <= to_upper_left) return static_cast<std::uint8_t>(above);
  return static_cast<std::uint8_t>(upper_left);
}

/// Filters the rows one at a time, the chosen filter's output in `filtered` (1 + row bytes).
class RowFilter {
 public:
  RowFilter(std::span<const std::uint8_t> rgba, std::uint32_t width)
      : rgba_(rgba),
        row_bytes_(std::size_t{width} * kBytesPerPixel),
        zero_row_(row_bytes_, 0),
        filtered_(1 + row_bytes_) {}

  std::span<const std::uint8_t> filter(std::uint32_t y) {
    const auto row = rgba_.subspan(y * row_bytes_, row_bytes_);
    const auto previous = y == 0 ? std::span<const std::uint8_t>(zero_row_)
                                 : rgba_.subspan((y - 1) * row_bytes_, row_bytes_);
    filter_row(choose_filter(row, previous, scratch_), row, previous, filtered_);
    return filtered_;
  }

 private:
  std::span<const std::uint8_t> rgba_;
  std::size_t row_bytes_;
  std::vector<std::uint8_t> zero_row_;
  std::vector<std::uint8_t> filtered_;
  std::vector<std::uint8_t> scratch_;
};

/// zlib's streaming deflate, fed one filtered row at a time.
std::vector<std::uint8_t> deflate_with_zlib(std::span<const std::uint8_t> rgba, std::uint32_t width,
                                            std::uint32_t height, int level, EncodeStats& stats) {
  z_stream stream{};
  if (deflateInit2(&stream, level, Z_DEFLATED, 15, 8, Z_FILTERED) != Z_OK) {
    throw std::runtime_error(fmt::format("zlib: deflateInit failed at level {}", level));
  }
  std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&stream, &deflateEnd);
  std::vector<std::uint8_t> compressed;
  std::array<std::uint8_t, kIdatChunkBytes> buffer;
  RowFilter rows(rgba, width);
  auto drain = [&](int flush) {
    do {
      stream.next_out = buffer.data();
      stream.avail_out = static_cast<uInt>(buffer.size());
      const int status = ::deflate(&stream, flush);
      if (status == Z_STREAM_ERROR) throw std::runtime_error("zlib: deflate failed");
      compressed.insert(compressed.end(), buffer.data(),
                        buffer.data() + (buffer.size() - stream.avail_out));
    } while (stream.avail_out == 0);
  };
  for (std::uint32_t y = 0; y < height; ++y) {
    const auto filter_started = now_ns();
    const auto row = rows.filter(y);
    const auto compress_started = now_ns();
    stats.filter_ns += compress_started - filter_started;
    stream.next_in = const_cast<Bytef*>(row.data());  // zlib's API is not const-correct
    stream.avail_in = static_cast<uInt>(row.size());
    drain(Z_NO_FLUSH);
    stats.compress_ns += now_ns() - compress_started;
  }
  const auto finish_started = now_ns();
  drain(Z_FINISH);
  stats.compress_ns += now_ns() - finish_started;
  return compressed;
}

/// libdeflate's whole-buffer compressor, fed every filtered row at once, zlib wrapper format.
std::vector<std::uint8_t> deflate_with_libdeflate(std::span<const std::uint8_t> rgba,
                                                  std::uint32_t width, std::uint32_t height,
                                                  int level, EncodeStats& stats) {
  const auto filter_started = now_ns();
  const std::size_t row_bytes = 1 + std::size_t{width} * kBytesPerPixel;
  std::vector<std::uint8_t> filtered(row_bytes * height);
  RowFilter rows(rgba, width);
  for (std::uint32_t y = 0; y < height; ++y) {
    const auto row = rows.filter(y);
    std::copy(row.begin(), row.end(),
              filtered.begin() + static_cast<std::ptrdiff_t>(y * row_bytes));
  }
  const auto compress_started = now_ns();
  stats.filter_ns += compress_started - filter_started;
  std::unique_ptr<libdeflate_compressor, void (*)(libdeflate_compressor*)> compressor(
      libdeflate_alloc_compressor(level), &libdeflate_free_compressor);
  if (!compressor) {
    throw std::runtime_error(fmt::format("libdeflate: no compressor for level {}", level));
  }
  std::vector<std::uint8_t> compressed(
      libdeflate_zlib_compress_bound(compressor.get(), filtered.size()));
  const std::size_t size = libdeflate_zlib_compress(
      compressor.get(), filtered.data(), filtered.size(), compressed.data(), compressed.size());
  if (size == 0) throw std::runtime_error("libdeflate: the output did not fit its bound");
  compressed.resize(size);
  stats.compress_ns += now_ns() - compress_started;
  return compressed;
}

}  // namespace

std::string_view codec_name(Codec codec) noexcept {
  return codec == Codec::zlib ? "zlib" : "libdeflate";
}

int max_level(Codec codec) noexcept {
  return codec == Codec::zlib ? 9 : 12;
}

void filter_row(Filter filter, std::span<const std::uint8_t> row,
                std::span<const std::uint8_t> previous, std::span<std::uint8_t> out) {
  out[0] = static_cast<std::uint8_t>(filter);
  std::uint8_t* o = out.data() + 1;
  const std::size_t n = row.size();
  const std::size_t bpp = kBytesPerPixel;
  switch (filter) {
    case Filter::none:
      std::copy(row.begin(), row.end(), o);
      break;
    case Filter::sub:
      for (std::size_t i = 0; i < n; ++i) o[i] = row[i] - (i >= bpp ? row[i - bpp] : 0);
      break;
    case Filter::up:
      for (std::size_t i = 0; i < n; ++i) o[i] = row[i] - previous[i];
      break;
    case Filter::average:
      for (std::size_t i = 0; i < n; ++i) {
        const int left = i >= bpp ? row[i - bpp] : 0;
        o[i] = static_cast<std::uint8_t>(row[i] - ((left + previous[i]) >> 1));
      }
      break;
    case Filter::paeth:
      for (std::size_t i = 0; i < n; ++i) {
        const int left = i >= bpp ? row[i - bpp] : 0;
        const int upper_left = i >= bpp ? previous[i - bpp] : 0;
        o[i] = static_cast<std::uint8_t>(row[i] - paeth(left, previous[i], upper_left));
      }
      break;
  }
}

Filter choose_filter(std::span<const std::uint8_t> row, std::span<const std::uint8_t> previous,
                     std::vector<std::uint8_t>& scratch) {
  scratch.resize(1 + row.size());
  Filter best = Filter::none;
  std::uint64_t best_sum = UINT64_MAX;
  for (const Filter filter :
       {Filter::none, Filter::sub, Filter::up, Filter::average, Filter::paeth}) {
    filter_row(filter, row, previous, scratch);
    std::uint64_t sum = 0;
    for (std::size_t i = 1; i < scratch.size(); ++i) {
      sum += static_cast<std::uint64_t>(
          std::abs(static_cast<int>(static_cast<std::int8_t>(scratch[i]))));
    }
    if (sum < best_sum) {
      best_sum = sum;
      best = filter;
    }
  }
  return best;
}

std::vector<std::uint8_t> encode_png(const RgbaImage& image, const PngSettings& settings,
                                     EncodeStats* stats) {
  return encode_png(image.pixels, image.width, image.height, settings, stats);
}

std::vector<std::uint8_t> encode_png(std::span<const std::uint8_t> rgba, std::uint32_t width,
                                     std::uint32_t height, const PngSettings& settings,
                                     EncodeStats* stats) {
  if (width == 0 || height == 0 || width > kLargestDimension || height > kLargestDimension) {
    throw std::invalid_argument(
        fmt::format("encode_png: {}x{} is not a PNG size (1 to 2^31 - 1 each way)", width, height));
  }
  if (rgba.size() != rgba_bytes(width, height)) {
    throw std::invalid_argument(
        fmt::format("encode_png: {} bytes are not {}x{} RGBA pixels", rgba.size(), width, height));
  }
  if (settings.level < 0 || settings.level > max_level(settings.codec)) {
    throw std::invalid_argument(fmt::format("encode_png: level {} is outside {}'s 0..{}",
                                            settings.level, codec_name(settings.codec),
                                            max_level(settings.codec)));
  }
  EncodeStats local;
  EncodeStats& measured = stats ? *stats : local;
  measured = {};
  const std::vector<std::uint8_t> stream =
      settings.codec == Codec::zlib
          ? deflate_with_zlib(rgba, width, height, settings.level, measured)
          : deflate_with_libdeflate(rgba, width, height, settings.level, measured);
  std::vector<std::uint8_t> png;
  png.reserve(stream.size() + stream.size() / kIdatChunkBytes * 12 + 64);
  put_header(png, width, height);
  put_idat_chunks(png, stream);
  put_chunk(png, "IEND", {});
  return png;
}

std::string codec_versions() {
  return fmt::format("zlib {}, libdeflate {}", ::zlibVersion(), LIBDEFLATE_VERSION_STRING);
}

}  // namespace image_compress

#include "image_compress/png_decoder.hpp"

#include <fmt/format.h>
#include <png.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>

namespace image_compress {
namespace {

std::string describe_format(const png_image& image) {
  // The simplified API reports the file's format in its own flags; with the colormap flag the
  // file was a palette image.
  const bool palette = (image.format & PNG_FORMAT_FLAG_COLORMAP) != 0;
  const bool colour = (image.format & PNG_FORMAT_FLAG_COLOR) != 0;
  const bool alpha = (image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
  const bool sixteen = (image.format & PNG_FORMAT_FLAG_LINEAR) != 0;
  if (palette) return alpha ? "8-bit palette with transparency" : "8-bit palette";
  return fmt::format("{}-bit {}{}", sixteen ? 16 : 8, colour ? "RGB" : "grey",
                     alpha ? (colour ? "A" : " with alpha") : "");
}

}  // namespace

RgbaImage decode_png(std::span<const std::uint8_t> png, std::uint64_t max_rgba_bytes,
                     PngHeader* header) {
  if (png.size() < 8 || png_sig_cmp(png.data(), 0, 8) != 0) {
    throw PngInputError("not a PNG file (its first 8 bytes are not the PNG signature)");
  }
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  // png_image_free releases what libpng holds on every path, including after an error.
  std::unique_ptr<png_image, void (*)(png_image*)> guard(&image, &png_image_free);
  if (!png_image_begin_read_from_memory(&image, png.data(), png.size())) {
    throw PngInputError(fmt::format("corrupt or truncated PNG: {}", image.message));
  }
  PngHeader read{image.width, image.height, describe_format(image)};
  image.format = PNG_FORMAT_RGBA;
  const std::uint64_t bytes = rgba_bytes(image.width, image.height);
  if (bytes > max_rgba_bytes) {
    throw PngInputError(fmt::format(
        "{}x{} pixels take {} bytes as RGBA8, more than the {} bytes this machine can hold",
        image.width, image.height, bytes, max_rgba_bytes));
  }
  RgbaImage decoded;
  decoded.width = image.width;
  decoded.height = image.height;
  decoded.pixels.resize(bytes);
  if (!png_image_finish_read(&image, nullptr, decoded.pixels.data(), 0, nullptr)) {
    throw PngInputError(fmt::format("corrupt or truncated PNG: {}", image.message));
  }
  if (header) *header = std::move(read);
  return decoded;
}

RgbaImage decode_png_file(const std::filesystem::path& path, std::uint64_t max_rgba_bytes,
                          PngHeader* header) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    throw PngInputError(fmt::format("cannot open it: {}", std::strerror(errno)));
  }
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(file)),
                                  std::istreambuf_iterator<char>());
  if (file.bad()) throw PngInputError("cannot read it");
  return decode_png(bytes, max_rgba_bytes, header);
}

}  // namespace image_compress

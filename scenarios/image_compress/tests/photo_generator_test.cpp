// The generated photo: a function of its size and seed, opaque, and neither flat nor pure noise.

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "image_compress/photo_generator.hpp"
#include "image_compress/png_encoder.hpp"

namespace image_compress {
namespace {

TEST(PhotoGenerator, TheSameSeedGivesTheSamePixelsAndAnotherSeedOthers) {
  const RgbaImage a = generate_photo(64, 48, 1);
  EXPECT_EQ(a.width, 64u);
  EXPECT_EQ(a.height, 48u);
  EXPECT_EQ(a.pixels.size(), 64u * 48 * 4);
  EXPECT_EQ(generate_photo(64, 48, 1).pixels, a.pixels);
  EXPECT_NE(generate_photo(64, 48, 2).pixels, a.pixels);
}

TEST(PhotoGenerator, PixelsAreOpaqueAndVaried) {
  const RgbaImage photo = generate_photo(200, 100, 3);
  std::set<std::uint32_t> colours;
  for (std::size_t i = 0; i < photo.pixels.size(); i += 4) {
    EXPECT_EQ(photo.pixels[i + 3], 255);
    colours.insert((photo.pixels[i] << 16) | (photo.pixels[i + 1] << 8) | photo.pixels[i + 2]);
  }
  EXPECT_GT(colours.size(), 1000u);
}

TEST(PhotoGenerator, PngCompressesItAFewTimesNotAHundred) {
  const RgbaImage photo = generate_photo(640, 360, 42);
  const double ratio = static_cast<double>(photo.raw_bytes()) /
                       static_cast<double>(encode_png(photo, {Codec::zlib, 6}).size());
  EXPECT_GT(ratio, 1.5);
  EXPECT_LT(ratio, 6.0);
}

TEST(PhotoGenerator, RefusesAZeroDimension) {
  EXPECT_THROW(generate_photo(0, 5, 1), std::invalid_argument);
  EXPECT_THROW(generate_photo(5, 0, 1), std::invalid_argument);
}

}  // namespace
}  // namespace image_compress

// The encoder's PNG decodes (libpng) to exactly the pixels it was given, at every size and level
// of both codecs; the decoder turns the held-out files written by another encoder (Pillow, see
// data/make_held_out_pngs.py) into the RGBA8 pixels that encoder was given, and refuses what is
// not a usable PNG with a reason.

#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "image_compress/photo_generator.hpp"
#include "image_compress/png_decoder.hpp"
#include "image_compress/png_encoder.hpp"

namespace image_compress {
namespace {

constexpr std::uint64_t kPlenty = 1ull << 32;

std::filesystem::path data(const char* name) {
  return std::filesystem::path(IMAGE_COMPRESS_TEST_DATA) / name;
}

std::vector<std::uint8_t> read_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

/// Random pixels with random alpha: the filters' worst case, and transparency that must survive.
RgbaImage noise(std::uint32_t width, std::uint32_t height, unsigned seed) {
  std::mt19937 random(seed);
  RgbaImage image{width, height, std::vector<std::uint8_t>(rgba_bytes(width, height))};
  for (auto& byte : image.pixels) byte = static_cast<std::uint8_t>(random());
  return image;
}

void expect_round_trip(const RgbaImage& image, const PngSettings& settings) {
  SCOPED_TRACE(std::to_string(image.width) + "x" + std::to_string(image.height) + " " +
               std::string(codec_name(settings.codec)) + " level " +
               std::to_string(settings.level));
  const std::vector<std::uint8_t> png = encode_png(image, settings);
  PngHeader header;
  const RgbaImage decoded = decode_png(png, kPlenty, &header);
  EXPECT_EQ(decoded.width, image.width);
  EXPECT_EQ(decoded.height, image.height);
  EXPECT_EQ(header.converted_from, "8-bit RGBA");
  EXPECT_TRUE(decoded.pixels == image.pixels);
}

TEST(PngRoundTrip, EverySizeAndLevelDecodesToTheSamePixels) {
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> sizes{
      {1, 1}, {1, 9}, {9, 1}, {3, 2}, {7, 5}, {33, 17}, {129, 3}, {255, 64}};
  for (const auto& [width, height] : sizes) {
    for (const RgbaImage& image : {generate_photo(width, height, width * 31 + height),
                                   noise(width, height, width + height)}) {
      for (const int level : {0, 1, 6, 9}) expect_round_trip(image, {Codec::zlib, level});
      for (const int level : {0, 1, 6, 12}) expect_round_trip(image, {Codec::libdeflate, level});
    }
  }
}

TEST(PngRoundTrip, TheSameImageCodecAndLevelGiveTheSameBytes) {
  const RgbaImage photo = generate_photo(101, 57, 8);
  EXPECT_EQ(encode_png(photo, {Codec::zlib, 6}), encode_png(photo, {Codec::zlib, 6}));
  EXPECT_EQ(encode_png(photo, {Codec::libdeflate, 6}), encode_png(photo, {Codec::libdeflate, 6}));
  EXPECT_NE(encode_png(photo, {Codec::zlib, 1}), encode_png(photo, {Codec::zlib, 9}));
}

TEST(PngRoundTrip, TheEncoderRefusesWhatIsNotAnImageOrALevelOfItsCodec) {
  const RgbaImage photo = generate_photo(4, 4, 1);
  EXPECT_THROW(encode_png(photo, {Codec::zlib, 10}), std::invalid_argument);
  EXPECT_THROW(encode_png(photo, {Codec::libdeflate, 13}), std::invalid_argument);
  EXPECT_THROW(encode_png(photo, {Codec::zlib, -1}), std::invalid_argument);
  EXPECT_THROW(encode_png(photo.pixels, 4, 5, {}), std::invalid_argument);
  EXPECT_THROW(encode_png(std::span<const std::uint8_t>(), 0, 0, {}), std::invalid_argument);
}

TEST(PngFilters, TheHeuristicPicksTheFilterWithTheSmallestSumOfAbsoluteValues) {
  std::vector<std::uint8_t> scratch;
  const std::vector<std::uint8_t> zero(16, 0);
  // Nothing to predict: every filter gives zeros, and the tie goes to None.
  EXPECT_EQ(choose_filter(zero, zero, scratch), Filter::none);
  // A horizontal ramp on the first row: Sub leaves 1s.
  std::vector<std::uint8_t> ramp(16);
  for (std::size_t i = 0; i < ramp.size(); ++i) ramp[i] = static_cast<std::uint8_t>(100 + i / 4);
  EXPECT_EQ(choose_filter(ramp, zero, scratch), Filter::sub);
  // A row equal to the one above, unlike its neighbours: Up leaves zeros.
  std::vector<std::uint8_t> jagged{9, 200, 3, 120, 250, 1, 77, 5, 30, 190, 60, 2, 99, 180, 44, 7};
  EXPECT_EQ(choose_filter(jagged, jagged, scratch), Filter::up);
}

TEST(PngFilters, EachFilterWritesItsTypeByteAndThePngDefinition) {
  // Worked by hand from the PNG specification, section 9.2; two pixels of 4 bytes, so the second
  // pixel's left and upper-left neighbours are the first pixel's bytes.
  const std::vector<std::uint8_t> above{48, 45, 30, 40, 50, 60, 70, 80};
  const std::vector<std::uint8_t> row{12, 25, 27, 41, 55, 58, 75, 90};
  std::vector<std::uint8_t> out(9);
  filter_row(Filter::none, row, above, out);
  EXPECT_EQ(out, (std::vector<std::uint8_t>{0, 12, 25, 27, 41, 55, 58, 75, 90}));
  filter_row(Filter::sub, row, above, out);
  EXPECT_EQ(out, (std::vector<std::uint8_t>{1, 12, 25, 27, 41, 43, 33, 48, 49}));
  filter_row(Filter::up, row, above, out);
  EXPECT_EQ(out, (std::vector<std::uint8_t>{2, 220, 236, 253, 1, 5, 254, 5, 10}));
  // (left + above) / 2 rounded down; left is 0 in the first pixel.
  filter_row(Filter::average, row, above, out);
  EXPECT_EQ(out, (std::vector<std::uint8_t>{3, 244, 3, 12, 21, 24, 16, 27, 30}));
  // Paeth predicts above in the first pixel (left and upper-left are 0); in the second, left
  // for byte 0 (12: 12 + 50 - 48 = 14 is nearest 12), upper-left for byte 1 (25 + 60 - 45 = 40
  // is nearest 45), above for bytes 2 and 3.
  filter_row(Filter::paeth, row, above, out);
  EXPECT_EQ(out, (std::vector<std::uint8_t>{4, 220, 236, 253, 1, 43, 13, 5, 10}));
}

TEST(PngDecoder, HeldOutRgbaFileDecodesToThePixelsItsEncoderWasGiven) {
  PngHeader header;
  const RgbaImage photo = decode_png_file(data("photo_rgba.png"), kPlenty, &header);
  EXPECT_EQ(photo.width, 61u);
  EXPECT_EQ(photo.height, 41u);
  EXPECT_EQ(header.converted_from, "8-bit RGBA");
  EXPECT_TRUE(photo.pixels == read_file(data("photo_rgba.rgba")));
  // And through this encoder and back, unchanged.
  expect_round_trip(photo, {Codec::zlib, 6});
}

TEST(PngDecoder, APaletteFileIsConvertedToRgba) {
  PngHeader header;
  const RgbaImage image = decode_png_file(data("palette.png"), kPlenty, &header);
  EXPECT_EQ(image.width, 19u);
  EXPECT_EQ(image.height, 7u);
  EXPECT_EQ(header.converted_from, "8-bit palette");
  EXPECT_TRUE(image.pixels == read_file(data("palette.rgba")));
}

TEST(PngDecoder, ASixteenBitGreyFileIsScaledToEightBitRgba) {
  PngHeader header;
  const RgbaImage image = decode_png_file(data("gray16.png"), kPlenty, &header);
  EXPECT_EQ(header.converted_from, "16-bit grey");
  ASSERT_EQ(image.pixels.size(), 16u * 4 * 4);
  for (std::uint32_t x = 0; x < 16; ++x) {
    const std::uint8_t expected = x < 8 ? 0 : 255;
    const std::uint8_t* pixel = &image.pixels[(2 * 16 + x) * 4];
    EXPECT_EQ(pixel[0], expected);
    EXPECT_EQ(pixel[1], expected);
    EXPECT_EQ(pixel[2], expected);
    EXPECT_EQ(pixel[3], 255);
  }
}

TEST(PngDecoder, RefusesWhatIsNotAUsablePng) {
  const std::vector<std::uint8_t> good = read_file(data("photo_rgba.png"));
  const auto refused = [](std::span<const std::uint8_t> bytes, std::uint64_t limit) {
    try {
      decode_png(bytes, limit);
    } catch (const PngInputError& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  const std::string text = "just some text, not an image";
  EXPECT_NE(refused({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()}, kPlenty)
                .find("not a PNG"),
            std::string::npos);
  EXPECT_NE(refused({}, kPlenty).find("not a PNG"), std::string::npos);
  // Cut short: in the header, and in the image data.
  EXPECT_NE(refused(std::span(good).first(20), kPlenty).find("corrupt or truncated"),
            std::string::npos);
  EXPECT_NE(refused(std::span(good).first(good.size() / 2), kPlenty).find("corrupt or truncated"),
            std::string::npos);
  // A byte of the image data changed: its chunk's CRC no longer matches.
  std::vector<std::uint8_t> corrupt = good;
  corrupt[good.size() / 2] ^= 0x55;
  EXPECT_NE(refused(corrupt, kPlenty).find("corrupt or truncated"), std::string::npos);
  // 61x41 RGBA needs 10004 bytes: refused when less may be held.
  EXPECT_NE(refused(good, 10003).find("10004 bytes"), std::string::npos);
  EXPECT_EQ(refused(good, 10004), "accepted");
}

TEST(PngDecoder, RefusesAFileItCannotRead) {
  EXPECT_THROW(decode_png_file(data("no_such_file.png"), kPlenty), PngInputError);
}

}  // namespace
}  // namespace image_compress

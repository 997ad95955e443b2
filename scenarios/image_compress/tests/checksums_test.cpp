// The two checksums a PNG file carries, checked against computations written here from their
// specifications, not from zlib: the chunk CRC-32 (PNG specification, Annex D "Sample CRC
// implementation", bit by bit) and the zlib stream's Adler-32 (RFC 1950, section 9 "Appendix:
// Sample code", without its NMAX batching). Their known answers come from the same places' users:
// CRC-32 of "123456789" is 0xCBF43926 (the check value of the CRC catalogue's CRC-32/ISO-HDLC,
// the PNG CRC); Adler-32 of "Wikipedia" is 0x11E60398 (the worked example of Wikipedia's
// "Adler-32" article).

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

#include "image_compress/photo_generator.hpp"
#include "image_compress/png_encoder.hpp"

namespace image_compress {
namespace {

std::uint32_t reference_crc32(const std::uint8_t* data, std::size_t size) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (std::size_t i = 0; i < size; ++i) {
    crc ^= data[i];
    for (int bit = 0; bit < 8; ++bit) crc = (crc & 1) ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
  }
  return crc ^ 0xFFFFFFFFu;
}

std::uint32_t reference_adler32(const std::uint8_t* data, std::size_t size) {
  std::uint32_t a = 1, b = 0;
  for (std::size_t i = 0; i < size; ++i) {
    a = (a + data[i]) % 65521;
    b = (b + a) % 65521;
  }
  return (b << 16) | a;
}

const std::uint8_t* bytes(const std::string& text) {
  return reinterpret_cast<const std::uint8_t*>(text.data());
}

std::uint32_t read_u32(const std::vector<std::uint8_t>& data, std::size_t at) {
  return (std::uint32_t{data[at]} << 24) | (std::uint32_t{data[at + 1]} << 16) |
         (std::uint32_t{data[at + 2]} << 8) | data[at + 3];
}

TEST(Checksums, ReferenceImplementationsGiveThePublishedAnswers) {
  EXPECT_EQ(reference_crc32(bytes("123456789"), 9), 0xCBF43926u);
  EXPECT_EQ(reference_adler32(bytes("Wikipedia"), 9), 0x11E60398u);
  EXPECT_EQ(reference_adler32(nullptr, 0), 1u);
}

TEST(Checksums, ZlibsCrc32AndAdler32AgreeWithTheReferences) {
  EXPECT_EQ(::crc32(0, bytes("123456789"), 9), 0xCBF43926u);
  EXPECT_EQ(::adler32(1, bytes("Wikipedia"), 9), 0x11E60398u);
  const RgbaImage photo = generate_photo(97, 31, 5);
  EXPECT_EQ(::crc32_z(0, photo.pixels.data(), photo.pixels.size()),
            reference_crc32(photo.pixels.data(), photo.pixels.size()));
  EXPECT_EQ(::adler32_z(1, photo.pixels.data(), photo.pixels.size()),
            reference_adler32(photo.pixels.data(), photo.pixels.size()));
}

/// Walks the chunks of `png`: every CRC must be the reference CRC of type and data. Returns the
/// concatenated IDAT data.
std::vector<std::uint8_t> check_chunks(const std::vector<std::uint8_t>& png) {
  std::vector<std::uint8_t> stream;
  std::size_t at = 8;
  std::vector<std::string> types;
  while (at + 12 <= png.size()) {
    const std::uint32_t length = read_u32(png, at);
    const std::string type(png.begin() + static_cast<std::ptrdiff_t>(at + 4),
                           png.begin() + static_cast<std::ptrdiff_t>(at + 8));
    EXPECT_EQ(read_u32(png, at + 8 + length), reference_crc32(&png[at + 4], 4 + length)) << type;
    if (type == "IDAT") stream.insert(stream.end(), &png[at + 8], &png[at + 8] + length);
    types.push_back(type);
    at += 12 + length;
  }
  EXPECT_EQ(at, png.size());
  EXPECT_GE(types.size(), 3u);
  EXPECT_EQ(types.front(), "IHDR");
  EXPECT_EQ(types.back(), "IEND");
  return stream;
}

/// The deflate data of a zlib stream inflated raw (so zlib checks no Adler-32 of its own).
std::vector<std::uint8_t> inflate_raw(const std::vector<std::uint8_t>& stream) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, -15), Z_OK);
  std::vector<std::uint8_t> out(1 << 20);
  z.next_in = const_cast<Bytef*>(stream.data() + 2);      // after the 2-byte zlib header
  z.avail_in = static_cast<uInt>(stream.size() - 2 - 4);  // before the Adler-32
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(::inflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

TEST(Checksums, EveryChunkCrcAndTheStreamsAdler32AreRightForBothCodecs) {
  const RgbaImage photo = generate_photo(120, 70, 9);
  for (const PngSettings settings : {PngSettings{Codec::zlib, 6}, PngSettings{Codec::libdeflate, 6},
                                     PngSettings{Codec::zlib, 0}}) {
    SCOPED_TRACE(std::string(codec_name(settings.codec)) + " " + std::to_string(settings.level));
    const std::vector<std::uint8_t> stream = check_chunks(encode_png(photo, settings));
    ASSERT_GT(stream.size(), 6u);
    EXPECT_EQ(stream[0] & 0x0F, 8) << "CM 8: deflate";
    EXPECT_EQ(((stream[0] << 8) | stream[1]) % 31, 0) << "FCHECK";
    const std::vector<std::uint8_t> filtered = inflate_raw(stream);
    EXPECT_EQ(filtered.size(), 70u * (1 + 120 * 4));
    EXPECT_EQ(read_u32(stream, stream.size() - 4),
              reference_adler32(filtered.data(), filtered.size()));
  }
}

TEST(Checksums, TheIdatDataIsSplitIntoChunksOfAtMostTheLimit) {
  const RgbaImage photo = generate_photo(400, 300, 2);  // 480 KB raw: several IDAT chunks
  const std::vector<std::uint8_t> png = encode_png(photo, {Codec::zlib, 1});
  std::size_t at = 8, idats = 0;
  while (at + 12 <= png.size()) {
    const std::uint32_t length = read_u32(png, at);
    if (std::string(png.begin() + static_cast<std::ptrdiff_t>(at + 4),
                    png.begin() + static_cast<std::ptrdiff_t>(at + 8)) == "IDAT") {
      ++idats;
      EXPECT_LE(length, kIdatChunkBytes);
    }
    at += 12 + length;
  }
  EXPECT_GE(idats, 2u);
}

}  // namespace
}  // namespace image_compress

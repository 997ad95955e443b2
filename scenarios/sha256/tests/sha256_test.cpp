// The hashing itself: OpenSSL's EVP digest against the NIST examples and against the tests' own
// FIPS 180-4 implementation, in one update and split at every kind of boundary; the generated
// bytes are a function of the seed.

#include <gtest/gtest.h>

#include <random>

#include "reference_sha256.hpp"
#include "sha256/generated_bytes.hpp"
#include "sha256/sha256.hpp"

namespace sha256 {
namespace {

std::span<const std::uint8_t> bytes_of(const std::string& text) {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

TEST(Sha256, TheReferenceImplementationGivesTheNistDigests) {
  for (const auto& vector : testing::nist_vectors()) {
    EXPECT_EQ(testing::reference_sha256_hex(vector.message), vector.digest) << vector.name;
  }
}

TEST(Sha256, OpenSslGivesTheNistDigestsInOneUpdateAndByteByByte) {
  for (const auto& vector : testing::nist_vectors()) {
    EXPECT_EQ(to_hex(digest_of(bytes_of(vector.message))), vector.digest) << vector.name;
    Hasher hasher;
    const auto bytes = bytes_of(vector.message);
    // Uneven pieces: 1, 2, 3 ... bytes, so updates end inside and across 64-byte blocks.
    std::size_t at = 0;
    for (std::size_t piece = 1; at < bytes.size(); ++piece) {
      const std::size_t n = std::min(piece % 131 + 1, bytes.size() - at);
      hasher.update(bytes.subspan(at, n));
      at += n;
    }
    EXPECT_EQ(to_hex(hasher.finish()), vector.digest) << vector.name;
  }
}

TEST(Sha256, FinishStartsOver) {
  Hasher hasher;
  hasher.update(bytes_of("abc"));
  EXPECT_EQ(to_hex(hasher.finish()), testing::nist_vectors()[1].digest);
  EXPECT_EQ(to_hex(hasher.finish()), testing::nist_vectors()[0].digest);
}

TEST(Sha256, RandomSizesAroundBlockBoundariesEqualTheReference) {
  std::mt19937_64 random(12);
  for (const std::size_t size : {0, 1, 55, 56, 63, 64, 65, 119, 128, 1000, 4095, 4096, 4097}) {
    std::vector<std::uint8_t> bytes(size);
    for (auto& byte : bytes) byte = static_cast<std::uint8_t>(random());
    EXPECT_EQ(to_hex(digest_of(bytes)), testing::reference_sha256_hex(bytes)) << size;
  }
}

TEST(GeneratedBytes, AreAFunctionOfTheSeedAndSizeIsExact) {
  const auto a = generate_bytes(1003, 42);
  EXPECT_EQ(a.size(), 1003u);
  EXPECT_EQ(a, generate_bytes(1003, 42));
  EXPECT_NE(a, generate_bytes(1003, 43));
  const auto longer = generate_bytes(2048, 42);
  EXPECT_TRUE(std::equal(a.begin(), a.begin() + 1000, longer.begin()));  // whole words agree
  EXPECT_TRUE(generate_bytes(0, 42).empty());
}

TEST(OpenSsl, NamesItsVersionAndCodePath) {
  EXPECT_NE(openssl_version().find("OpenSSL"), std::string::npos);
  EXPECT_FALSE(openssl_sha256_path().empty());
}

}  // namespace
}  // namespace sha256

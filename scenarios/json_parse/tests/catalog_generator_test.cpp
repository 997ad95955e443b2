#include "json_parse/catalog_generator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "json_parse/dynamic_decoder.hpp"
#include "json_parse/padded_body.hpp"
#include "json_parse/product_mapping.hpp"
#include "json_parse/typed_decoder.hpp"

namespace json_parse {
namespace {

constexpr std::size_t KB = 1000;
constexpr std::size_t MB = 1000 * 1000;

class CatalogSize : public ::testing::TestWithParam<std::size_t> {};

TEST_P(CatalogSize, HitsTheRequestedSizeAndDecodes) {
  const std::size_t target = GetParam();
  std::string catalog = generate_catalog(target, 42);
  // The contract is "within 1%"; the generator pads to the exact size.
  EXPECT_EQ(catalog.size(), target);
  EXPECT_GE(catalog.capacity(), catalog.size() + kJsonPadding);
  EXPECT_EQ(catalog.front(), '[');
  EXPECT_EQ(catalog.back(), ']');
  const std::vector<Product> products = decode_typed(padded_view(catalog));
  EXPECT_GE(products.size(), target / 1000);  // products are well under 1 KB each
}

INSTANTIATE_TEST_SUITE_P(Sizes, CatalogSize,
                         ::testing::Values(1 * KB, 1024, 1023, 10 * KB, 12345, 1 * MB, 2 * MB,
                                           8 * MB, 64 * MB));

TEST(CatalogGenerator, SameSeedGivesSameBytes) {
  EXPECT_EQ(generate_catalog(2 * MB, 7), generate_catalog(2 * MB, 7));
  EXPECT_EQ(generate_catalog(1 * KB, 0), generate_catalog(1 * KB, 0));
}

TEST(CatalogGenerator, DifferentSeedsGiveDifferentBytes) {
  EXPECT_NE(generate_catalog(10 * KB, 1), generate_catalog(10 * KB, 2));
  EXPECT_NE(generate_catalog(2 * MB, 1), generate_catalog(2 * MB, 2));
}

TEST(CatalogGenerator, SmallerTargetIsAPrefixInProducts) {
  // The product stream depends on the seed only; the size decides where it stops.
  std::string small = generate_catalog(10 * KB, 5);
  std::string large = generate_catalog(100 * KB, 5);
  const auto small_products = decode_typed(padded_view(small));
  const auto large_products = decode_typed(padded_view(large));
  ASSERT_LT(small_products.size(), large_products.size());
  for (std::size_t i = 0; i + 1 < small_products.size(); ++i) {
    EXPECT_EQ(small_products[i], large_products[i]) << "product " << i;
  }
}

TEST(CatalogGenerator, TooSmallForAProductGivesAPaddedEmptyList) {
  std::string catalog = generate_catalog(100, 3);
  EXPECT_EQ(catalog.size(), 100u);
  EXPECT_TRUE(decode_typed(padded_view(catalog)).empty());
  EXPECT_EQ(generate_catalog(2, 3), "[]");
}

TEST(CatalogGenerator, RejectsSizesBelowTheMinimum) {
  EXPECT_THROW(generate_catalog(1, 3), std::invalid_argument);
  EXPECT_THROW(generate_catalog(0, 3), std::invalid_argument);
}

TEST(CatalogGenerator, ContentMakesDecodersDoRealWork) {
  std::string catalog = generate_catalog(2 * MB, 42);
  EXPECT_NE(catalog.find("\\u00e9"), std::string::npos);
  EXPECT_NE(catalog.find("\\ud83d\\ude00"), std::string::npos);
  EXPECT_NE(catalog.find("\\\""), std::string::npos);
  EXPECT_NE(catalog.find("日本"), std::string::npos);
  EXPECT_NE(catalog.find("\"rating\":null"), std::string::npos);

  const std::vector<Product> products = decode_typed(padded_view(catalog));
  const auto any = [&](auto predicate) {
    return std::any_of(products.begin(), products.end(), predicate);
  };
  EXPECT_TRUE(any([](const Product& p) { return p.description.find('\n') != std::string::npos; }));
  EXPECT_TRUE(any([](const Product& p) { return p.description.find("😀") != std::string::npos; }));
  EXPECT_TRUE(any([](const Product& p) { return p.description.find("été") != std::string::npos; }));
  EXPECT_TRUE(any([](const Product& p) { return p.name.find("ü") != std::string::npos; }));
  EXPECT_TRUE(any([](const Product& p) { return !p.rating.has_value(); }));
  EXPECT_TRUE(any([](const Product& p) { return p.price == static_cast<std::int64_t>(p.price); }));
  EXPECT_TRUE(any([](const Product& p) { return p.price != static_cast<std::int64_t>(p.price); }));
  EXPECT_TRUE(any([](const Product& p) { return p.availability == Availability::low_stock; }));
  EXPECT_TRUE(any([](const Product& p) { return p.featured; }));
  EXPECT_TRUE(any([](const Product& p) { return p.tags.empty(); }));
  EXPECT_TRUE(any([](const Product& p) { return p.image_urls.size() > 1; }));
  // Ids run 1..n in order.
  for (std::size_t i = 0; i < products.size(); ++i) {
    ASSERT_EQ(products[i].id, static_cast<std::int64_t>(i + 1));
  }
}

}  // namespace
}  // namespace json_parse

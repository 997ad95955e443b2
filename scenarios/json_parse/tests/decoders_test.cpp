#include <gtest/gtest.h>

#include "iso/heap.hpp"
#include "json_parse/catalog_generator.hpp"
#include "json_parse/dynamic_decoder.hpp"
#include "json_parse/errors.hpp"
#include "json_parse/product_mapping.hpp"
#include "json_parse/typed_decoder.hpp"

namespace json_parse {
namespace {

std::vector<Product> decode_both_and_compare(std::string json) {
  const std::vector<Product> typed = decode_typed(padded_view(json));
  iso::Value tree = decode_dynamic(padded_view(json));
  const std::vector<Product> dynamic = map_products(tree);
  EXPECT_EQ(typed.size(), dynamic.size());
  for (std::size_t i = 0; i < std::min(typed.size(), dynamic.size()); ++i) {
    EXPECT_EQ(typed[i], dynamic[i]) << "product " << i;
  }
  // The path the scenario takes: the strings move out of the tree it drops.
  EXPECT_EQ(map_products(std::move(tree)), dynamic);
  return typed;
}

class GeneratedCatalog : public ::testing::TestWithParam<std::pair<std::size_t, std::uint64_t>> {};

TEST_P(GeneratedCatalog, TypedAndDynamicDecodersAgree) {
  const auto [size, seed] = GetParam();
  const std::vector<Product> products = decode_both_and_compare(generate_catalog(size, seed));
  EXPECT_FALSE(products.empty());
}

INSTANTIATE_TEST_SUITE_P(SizesAndSeeds, GeneratedCatalog,
                         ::testing::Values(std::pair<std::size_t, std::uint64_t>{1000, 1},
                                           std::pair<std::size_t, std::uint64_t>{10000, 2},
                                           std::pair<std::size_t, std::uint64_t>{2000000, 42},
                                           std::pair<std::size_t, std::uint64_t>{3000000, 9}));

// Edge cases a generated catalog does not have: other key orders, absent and unknown keys,
// repeated keys, keys spelled with escapes, exponents, negative and large numbers, every escape.
constexpr const char* kSample = R"JSON(
[
  {"id": 1, "sku": "A-1", "name": "Caf\u00e9 \"Deluxe\" 日本 \ud83d\ude00",
   "description": "line1\nline2\ttab \\ back \/ slash \b\f\r end",
   "price": 25, "currency": "EUR", "tags": [], "rating": null, "review_count": 0,
   "stock": 0, "availability": "discontinued", "featured": true,
   "images": ["https://cdn.example.com/1.jpg"],
   "dimensions": {"width_cm": 10, "height_cm": 2.5, "depth_cm": 1e1, "weight_kg": 0.125}},
  {"dimensions": {"weight_kg": -0.5, "depth_cm": 3, "height_cm": 1.5E+2, "w\u0069dth_cm": 0},
   "images": [], "featured": false, "availability": "preorder", "stock": 12,
   "review_count": 3, "tags": ["a", "ü", ""], "currency": "JPY", "price": 1.5e2,
   "description": "", "na\u006de": "second", "sku": "B-2", "id": -2,
   "extra": {"nested": [1, 2, {"deep": null}], "flag": true}},
  {"id": 9007199254740993, "id": 5, "sku": "C-3", "name": "first wins", "name": "ignored",
   "description": "x", "price": 0.1, "currency": "USD", "tags": ["t"], "rating": 4,
   "review_count": 9223372036854775807, "stock": 1, "availability": "low_stock",
   "featured": false, "images": ["u"],
   "dimensions": {"width_cm": 1, "height_cm": 2, "depth_cm": 3, "weight_kg": 4, "unit": "cm"}}
]
)JSON";

TEST(Decoders, AgreeOnHandWrittenEdgeCases) {
  const std::vector<Product> products = decode_both_and_compare(kSample);
  ASSERT_EQ(products.size(), 3u);

  const Product& first = products[0];
  EXPECT_EQ(first.name, "Café \"Deluxe\" 日本 😀");
  EXPECT_EQ(first.description, "line1\nline2\ttab \\ back / slash \b\f\r end");
  EXPECT_EQ(first.price, 25.0);
  EXPECT_FALSE(first.rating.has_value());
  EXPECT_TRUE(first.tags.empty());
  EXPECT_EQ(first.availability, Availability::discontinued);
  EXPECT_TRUE(first.featured);
  EXPECT_EQ(first.dimensions, (Dimensions{10, 2.5, 10, 0.125}));

  const Product& second = products[1];
  EXPECT_EQ(second.id, -2);
  EXPECT_EQ(second.sku, "B-2");
  EXPECT_EQ(second.name, "second");  // its key is spelled with an escape
  EXPECT_EQ(second.price, 150.0);
  EXPECT_FALSE(second.rating.has_value());  // absent
  EXPECT_EQ(second.tags, (std::vector<std::string>{"a", "ü", ""}));
  EXPECT_EQ(second.dimensions, (Dimensions{0, 150, 3, -0.5}));

  const Product& third = products[2];
  EXPECT_EQ(third.id, 9007199254740993);  // first of the repeated keys, exactly
  EXPECT_EQ(third.name, "first wins");
  EXPECT_EQ(third.rating, 4.0);
  EXPECT_EQ(third.review_count, 9223372036854775807);
  EXPECT_EQ(third.price, 0.1);
}

TEST(Decoders, AgreeOnAnEmptyList) {
  EXPECT_TRUE(decode_both_and_compare(" [ ] ").empty());
}

TEST(Decoders, ReusedDecodersGiveTheSameResult) {
  std::string a = generate_catalog(50000, 1);
  std::string b = generate_catalog(20000, 2);
  TypedDecoder typed;
  DynamicDecoder dynamic;
  const auto typed_a = typed.decode(padded_view(a));
  EXPECT_EQ(typed.decode(padded_view(b)), decode_typed(padded_view(b)));
  EXPECT_EQ(typed.decode(padded_view(a)), typed_a);
  const iso::Value tree_a = dynamic.decode(padded_view(a));
  EXPECT_EQ(dynamic.decode(padded_view(b)), decode_dynamic(padded_view(b)));
  EXPECT_EQ(map_products(tree_a), typed_a);
}

TEST(DynamicDecoder, BuildsTheValueTreeJsonDecodeWould) {
  std::string json =
      R"({"b": 1, "a": [true, null, 1.5, "x\u00e9", -3, 1e2], "c": {"z": {}, "y": []},)"
      R"( "big": 18446744073709551615, "b": 2})";
  const iso::Value expected(iso::Value::Map{
      {"b", iso::Value(1)},
      {"a", iso::Value(iso::Value::List{iso::Value(true), iso::Value(nullptr), iso::Value(1.5),
                                        iso::Value("xé"), iso::Value(-3), iso::Value(100.0)})},
      {"c", iso::Value(iso::Value::Map{{"z", iso::Value(iso::Value::Map{})},
                                       {"y", iso::Value(iso::Value::List{})}})},
      {"big", iso::Value(18446744073709551615.0)},
      {"b", iso::Value(2)},
  });
  const iso::Value tree = decode_dynamic(padded_view(json));
  EXPECT_EQ(tree, expected);
  ASSERT_TRUE(tree.is_map());
  EXPECT_EQ(tree.as_map()[0].first, "b");  // insertion order kept
  EXPECT_EQ(tree.as_map()[1].first, "a");
  EXPECT_TRUE(tree.at("a")[4].is_int());
  EXPECT_TRUE(tree.at("a")[5].is_double());  // 1e2 is a double, as in Dart
  EXPECT_EQ(tree.at("b").as_int(), 1);       // find returns the first of a repeated key

  std::string scalar = "  \"just a string\"  ";
  EXPECT_EQ(decode_dynamic(padded_view(scalar)), iso::Value("just a string"));
}

struct Rejected {
  const char* name;
  const char* json;
  const char* detail;  // expected in both decoders' messages
};

void PrintTo(const Rejected& rejected, std::ostream* out) {
  *out << rejected.name;
}

class NotAProductList : public ::testing::TestWithParam<Rejected> {};

TEST_P(NotAProductList, BothDecodersReject) {
  std::string json = GetParam().json;
  try {
    decode_typed(padded_view(json));
    ADD_FAILURE() << "typed decoder accepted " << json;
  } catch (const DecodeError& error) {
    EXPECT_EQ(error.problem(), JsonProblem::not_a_product) << error.what();
    EXPECT_NE(std::string(error.what()).find(GetParam().detail), std::string::npos) << error.what();
  }
  const iso::Value tree = decode_dynamic(padded_view(json));
  try {
    map_products(tree);
    ADD_FAILURE() << "mapping accepted " << json;
  } catch (const DecodeError& error) {
    EXPECT_EQ(error.problem(), JsonProblem::not_a_product) << error.what();
    EXPECT_NE(std::string(error.what()).find(GetParam().detail), std::string::npos) << error.what();
  }
  EXPECT_FALSE(try_map_products(tree).mapped);
  // Taking the strings out of a document that turns out not to be a product list (for
  // LaterElement, after a whole product) must leave it whole: it becomes the result instead of the
  // products.
  iso::Value taken = tree;
  EXPECT_FALSE(try_take_products(taken).mapped);
  EXPECT_EQ(taken, tree);
}

TEST(ProductMapping, TakingMovesTheStringsOutOfAMappedTree) {
  std::string json = generate_catalog(5000, 3);
  iso::Value tree = decode_dynamic(padded_view(json));
  const std::vector<Product> copied = map_products(tree);
  const MappingOutcome taken = try_take_products(tree);
  ASSERT_TRUE(taken.mapped);
  EXPECT_EQ(taken.products, copied);
  EXPECT_TRUE(tree.as_list().front().at("description").as_string().empty())
      << "the text moved, not copied";
}

#define PRODUCT_REST                                                                      \
  R"("description": "d", "currency": "EUR", "tags": [], "review_count": 0, "stock": 1, )" \
  R"("availability": "in_stock", "featured": false, "images": [], )"                      \
  R"("dimensions": {"width_cm": 1, "height_cm": 1, "depth_cm": 1, "weight_kg": 1})"

INSTANTIATE_TEST_SUITE_P(
    Shapes, NotAProductList,
    ::testing::Values(
        Rejected{"Object", R"({"id": 1})", "list"}, Rejected{"ListOfNumbers", "[1, 2]", "map"},
        Rejected{"MissingKey", R"([{"id": 1, "sku": "s", "name": "n", )" PRODUCT_REST "}]",
                 "missing key \"price\""},
        Rejected{"DoubleId",
                 R"([{"id": 1.5, "sku": "s", "name": "n", "price": 1, )" PRODUCT_REST "}]",
                 "\"id\""},
        Rejected{"StringPrice",
                 R"([{"id": 1, "sku": "s", "name": "n", "price": "1", )" PRODUCT_REST "}]",
                 "\"price\""},
        Rejected{
            "UnknownAvailability",
            R"([{"id": 1, "sku": "s", "name": "n", "price": 1, "availability": "soon", )" PRODUCT_REST
            "}]",
            "soon"},
        // A whole product first, with texts past the short-string size, then a bad one.
        Rejected{"LaterElement",
                 R"([{"id": 1, "sku": "a sku long enough", "name": "a name long enough", )"
                 R"("price": 1, "tags": ["a tag long enough"], )" PRODUCT_REST
                 R"(}, {"id": 2, "sku": "s", "name": "n", "price": "1", )" PRODUCT_REST "}]",
                 "element 1: key \"price\""}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace json_parse

namespace json_parse {
namespace {

TEST(CountListElements, CountsWhatTheTypedDecoderDecodesWithoutDecodingIt) {
  std::string json = generate_catalog(20'000, 5);
  EXPECT_EQ(count_list_elements(padded_view(json)), decode_typed(padded_view(json)).size());
  std::string empty = "[]";
  EXPECT_EQ(count_list_elements(padded_view(empty)), 0u);
  std::string object = R"({"id": 1})";
  try {
    count_list_elements(padded_view(object));
    ADD_FAILURE() << "counted an object";
  } catch (const DecodeError& error) {
    EXPECT_EQ(error.problem(), JsonProblem::not_a_product) << error.what();
  }
  std::string broken = "[1, 2";
  EXPECT_THROW(count_list_elements(padded_view(broken)), DecodeError);
}

}  // namespace
}  // namespace json_parse

namespace json_parse {
namespace {

// The decoders build in new-space regions (iso::NewSpaceScope); these check what each region
// holds, on a heap account of the test's own. No accounting under ThreadSanitizer.
class DecoderMemory : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!iso::heap_accounting_enabled()) GTEST_SKIP() << "no heap accounting in this build";
  }
  void TearDown() override { iso::detail::release(account_); }

  std::int64_t live_bytes() const { return iso::detail::stats_of(account_).live_bytes; }

  iso::HeapAccount* account_ = iso::detail::new_heap_account();
};

TEST_F(DecoderMemory, TheTreesListsAndMapsGoWithItNotWithTheProductsThatTookItsStrings) {
  const iso::AllocationScope on_account(account_);
  std::string json = generate_catalog(200'000, 3);
  MappingOutcome taken;
  std::int64_t with_tree = 0;
  {
    iso::Value tree = decode_dynamic(padded_view(json));
    taken = try_take_products(tree);
    ASSERT_TRUE(taken.mapped);
    with_tree = live_bytes();
  }
  // Every product's map has 17 entries; had the products kept the tree's region, hardly any of
  // it would have gone.
  const auto ten_entries_a_product =
      static_cast<std::int64_t>(taken.products.size() * 10 * sizeof(iso::Value::Map::value_type));
  EXPECT_GT(with_tree - live_bytes(), ten_entries_a_product);
}

TEST_F(DecoderMemory, AnErrorKeepsNoneOfTheProductsDecodedBeforeIt) {
  const iso::AllocationScope on_account(account_);
  std::string json = generate_catalog(200'000, 3);
  json.back() = ',';
  json += R"({"id": "not an int"}])";
  const PaddedView body = padded_view(json);
  const std::int64_t before = live_bytes();
  try {
    decode_typed(body);
    ADD_FAILURE() << "decoded a catalog with a bad last element";
  } catch (const DecodeError& error) {
    EXPECT_NE(std::string(error.what()).find("\"id\""), std::string::npos) << error.what();
    // The error alone: its texts, not the region of the ~350 products before it.
    EXPECT_LT(live_bytes() - before, 16 * 1024);
  }
}

}  // namespace
}  // namespace json_parse

#include "json_parse/catalog_generator.hpp"

#include <array>
#include <charconv>
#include <stdexcept>
#include <string_view>

#include "json_parse/padded_body.hpp"

namespace json_parse {

namespace {

// splitmix64: tiny, fast, and the same sequence everywhere (std:: distributions are not).
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, n) by multiply-shift (no modulo bias worth mentioning for small n).
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
  }
  std::uint32_t between(std::uint32_t low, std::uint32_t high) {
    return low + below(high - low + 1);
  }
  bool chance(std::uint32_t percent) { return below(100) < percent; }

  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[below(static_cast<std::uint32_t>(N))];
  }

 private:
  std::uint64_t state_;
};

// Word lists. Entries are JSON string *content*: some hold escapes (\" \\ \n \t \/ \uXXXX,
// surrogate pairs) and some raw UTF-8, so a decoder has to unescape and copy multi-byte text.
constexpr std::array<std::string_view, 16> kAdjectives = {
    "Classic",  "Compact", "Deluxe", "Ergonomic", "Rustic", "Smart",   "Ultra", "Vintage",
    "Wireless", "Crème",   "Über",   "Naïve",     "Nordic", "Premium", "Eco",   "Café"};
constexpr std::array<std::string_view, 16> kNouns = {
    "Coffee Grinder",    "Kettle",     "Desk Lamp",
    "Backpack",          "Headphones", "Müsli Bowl",
    "Espresso Maker",    "Notebook",   "日本茶 Set",
    "Zürich Watch",      "Sofa",       "12\\\" Skillet",
    "Garden Hose",       "Señor Mug",  "Smørrebrød Board",
    "Rice Cooker 炊飯器"};
constexpr std::array<std::string_view, 8> kSeries = {"Pro", "Max",  "Mini",     "2024",
                                                     "S",   "Plus", "日本限定", "\\u00c9dition"};
constexpr std::array<std::string_view, 48> kWords = {"a",
                                                     "the",
                                                     "and",
                                                     "with",
                                                     "for",
                                                     "your",
                                                     "every",
                                                     "day",
                                                     "built",
                                                     "to",
                                                     "last",
                                                     "made",
                                                     "from",
                                                     "recycled",
                                                     "steel",
                                                     "oak",
                                                     "cotton",
                                                     "designed",
                                                     "in",
                                                     "Zürich",
                                                     "日本製",
                                                     "quiet",
                                                     "powerful",
                                                     "light",
                                                     "easy",
                                                     "clean",
                                                     "\\\"premium\\\"",
                                                     "quality",
                                                     "—",
                                                     "€",
                                                     "naïve",
                                                     "Grüße",
                                                     "\\n",
                                                     "\\t",
                                                     "\\u00e9t\\u00e9",
                                                     "\\\\",
                                                     "\\/",
                                                     "\\ud83d\\ude00",
                                                     "café",
                                                     "über",
                                                     "warranty",
                                                     "included",
                                                     "fits",
                                                     "most",
                                                     "kitchens",
                                                     "offices",
                                                     "🙂",
                                                     "crème"};
constexpr std::array<std::string_view, 16> kTags = {
    "kitchen", "outdoor", "office", "audio",      "travel", "home", "garden",  "sale",
    "new",     "eco",     "gift",   "bestseller", "café",   "日本", "limited", "bundle"};
constexpr std::array<std::string_view, 5> kCurrencies = {"USD", "EUR", "GBP", "JPY", "CHF"};
constexpr std::array<std::string_view, 6> kSkuPrefixes = {"KT", "OF", "AU", "TR", "HM", "GD"};
constexpr std::string_view kFiller =
    " Ships in recycled packaging; see the care guide for details and warranty terms.";

void append_uint(std::string& out, std::uint64_t value) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

void append_padded(std::string& out, std::uint64_t value, int width) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  for (int pad = width - static_cast<int>(end - digits); pad > 0; --pad) out.push_back('0');
  out.append(digits, end);
}

// `scaled` / 10^decimals as a JSON number, trailing zeros dropped, so whole values come out
// as integers ("30") and others as decimals ("12.5"): decoders meet both spellings.
void append_decimal(std::string& out, std::uint64_t scaled, int decimals) {
  std::uint64_t divisor = 1;
  for (int i = 0; i < decimals; ++i) divisor *= 10;
  append_uint(out, scaled / divisor);
  std::uint64_t fraction = scaled % divisor;
  if (fraction == 0) return;
  int width = decimals;
  while (fraction % 10 == 0) fraction /= 10, --width;
  out.push_back('.');
  append_padded(out, fraction, width);
}

void append_key(std::string& out, std::string_view key) {
  out.push_back('"');
  out.append(key);
  out.append("\":");
}

void append_string(std::string& out, std::string_view key, std::string_view content) {
  append_key(out, key);
  out.push_back('"');
  out.append(content);
  out.push_back('"');
}

// Appends one product object; returns the offset (in `out`) of its description's closing
// quote, where filler can be inserted later without breaking the JSON.
std::size_t append_product(std::string& out, SplitMix64& random, std::uint64_t id) {
  out.append("{\"id\":");
  append_uint(out, id);
  out.append(",\"sku\":\"");
  out.append(random.pick(kSkuPrefixes));
  out.push_back('-');
  append_padded(out, id, 7);
  out.append("\",\"name\":\"");
  out.append(random.pick(kAdjectives));
  out.push_back(' ');
  out.append(random.pick(kNouns));
  if (random.chance(40)) {
    out.push_back(' ');
    out.append(random.pick(kSeries));
  }
  out.append("\",\"description\":\"");
  const std::uint32_t words = random.between(6, 30);
  for (std::uint32_t i = 0; i < words; ++i) {
    if (i) out.push_back(' ');
    out.append(random.pick(kWords));
  }
  const std::size_t description_end = out.size();
  out.append("\",\"price\":");
  // A fifth of the prices are whole ("25"), the rest have cents ("129.99").
  const std::uint64_t cents =
      random.chance(20) ? 100ULL * random.between(1, 2000) : random.between(99, 250000);
  append_decimal(out, cents, 2);
  out.push_back(',');
  append_string(out, "currency", random.pick(kCurrencies));
  out.append(",\"tags\":[");
  const std::uint32_t tags = random.between(0, 4);
  for (std::uint32_t i = 0; i < tags; ++i) {
    if (i) out.push_back(',');
    out.push_back('"');
    out.append(random.pick(kTags));
    out.push_back('"');
  }
  out.append("],\"rating\":");
  const bool rated = !random.chance(15);
  if (rated) {
    append_decimal(out, random.between(10, 50), 1);  // "4.5" or "4"
  } else {
    out.append("null");
  }
  out.append(",\"review_count\":");
  append_uint(out, rated ? random.between(1, 5000) : 0);
  const std::uint32_t stock = random.chance(15) ? 0 : random.between(1, 500);
  out.append(",\"stock\":");
  append_uint(out, stock);
  out.push_back(',');
  std::string_view availability = "in_stock";
  if (stock == 0) {
    constexpr std::array<std::string_view, 3> kOutOfStock = {"backorder", "preorder",
                                                             "discontinued"};
    availability = random.pick(kOutOfStock);
  } else if (stock < 10) {
    availability = "low_stock";
  }
  append_string(out, "availability", availability);
  out.append(random.chance(10) ? ",\"featured\":true" : ",\"featured\":false");
  out.append(",\"images\":[");
  const std::uint32_t images = random.between(1, 4);
  for (std::uint32_t i = 0; i < images; ++i) {
    if (i) out.push_back(',');
    out.append("\"https://cdn.example.com/products/");
    append_uint(out, id);
    out.push_back('/');
    append_uint(out, i);
    out.append(random.chance(50) ? ".jpg\"" : ".webp?w=800&h=600\"");
  }
  out.append("],\"dimensions\":{\"width_cm\":");
  append_decimal(out, random.between(10, 2000), 1);
  out.append(",\"height_cm\":");
  append_decimal(out, random.between(10, 2000), 1);
  out.append(",\"depth_cm\":");
  append_decimal(out, random.between(10, 1000), 1);
  out.append(",\"weight_kg\":");
  append_decimal(out, random.between(50, 50000), 3);
  out.append("}}");
  return description_end;
}

std::string filler(std::size_t length) {
  std::string text;
  text.reserve(length);
  while (text.size() < length) text.append(kFiller.substr(0, length - text.size()));
  return text;
}

}  // namespace

std::string generate_catalog(std::size_t target_bytes, std::uint64_t seed) {
  if (target_bytes < kMinimumCatalogBytes) {
    throw std::invalid_argument("json_parse::generate_catalog: the size must be at least " +
                                std::to_string(kMinimumCatalogBytes) + " bytes, not " +
                                std::to_string(target_bytes));
  }
  std::string out;
  out.reserve(target_bytes + kJsonPadding);
  out.push_back('[');
  SplitMix64 random(seed);
  std::string product;  // built aside, appended only when it fits
  product.reserve(2048);
  std::size_t last_description_end = 0;  // 0: no product yet
  for (std::uint64_t id = 1;; ++id) {
    product.clear();
    const std::size_t description_end = append_product(product, random, id);
    const std::size_t separator = last_description_end ? 1 : 0;
    if (out.size() + separator + product.size() + 1 > target_bytes) break;  // +1: the ']'
    if (separator) out.push_back(',');
    last_description_end = out.size() + description_end;
    out.append(product);
  }
  const std::size_t missing = target_bytes - 1 - out.size();
  if (last_description_end) {
    // Only the tail of the last product moves: a few hundred bytes.
    out.insert(last_description_end, filler(missing));
  } else {
    out.append(missing, ' ');
  }
  out.push_back(']');
  return out;
}

}  // namespace json_parse

// The data a message carries, generated from the seed, and the checksum both sides compare.

#include <array>
#include <cstring>

#include "messages_scenario.hpp"

namespace messages {
namespace {

struct Random {
  std::uint64_t state;
  std::uint64_t next() noexcept {  // xorshift64*
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545F4914F6CDD1DULL;
  }
};

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

std::uint64_t mix(std::uint64_t hash, const void* data, std::size_t size) noexcept {
  const auto* bytes = static_cast<const unsigned char*>(data);
  // Eight bytes a step: fast enough not to matter next to the copies measured.
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes + i, 8);
    hash = (hash ^ word) * kFnvPrime;
  }
  for (; i < size; ++i) hash = (hash ^ bytes[i]) * kFnvPrime;
  return hash;
}

constexpr std::array<const char*, 6> kCategories{"kitchen and dining",  "garden tools",
                                                 "books and magazines", "office supplies",
                                                 "sports and outdoors", "toys and games"};

}  // namespace

std::string kind_name(Kind kind) {
  switch (kind) {
    case Kind::bytes:
      return "bytes";
    case Kind::string:
      return "string";
    case Kind::objects:
      return "objects";
    case Kind::value:
      return "value";
  }
  return "?";
}

bool counts_products(Kind kind) {
  return kind == Kind::objects || kind == Kind::value;
}

Payload make_payload(Kind kind, std::uint64_t size, std::uint64_t seed) {
  Random random{seed * 0x9E3779B97F4A7C15ULL + 1};
  Payload payload;
  payload.kind = kind;
  if (kind == Kind::bytes) {
    payload.bytes.resize(size);
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
      const std::uint64_t word = random.next();
      std::memcpy(payload.bytes.data() + i, &word, 8);
    }
    for (; i < size; ++i) payload.bytes[i] = static_cast<std::uint8_t>(random.next());
  } else if (kind == Kind::string) {
    // Printable ASCII, as a JSON body or a log line would be. Eight characters a draw, from
    // the draw's eight bytes: a 64 MB string is made in tens of ms, not a quarter of a second,
    // as fast as the bytes. The ending isolate of mode exit makes its data just before the
    // hand-over, and the longer it computes there, the longer the platform takes to wake the
    // receiver after it (see settle in runners.cpp).
    payload.text.resize(size);
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
      std::uint64_t word = random.next();
      for (std::size_t j = 0; j < 8; ++j, word >>= 8) {
        payload.text[i + j] = static_cast<char>(' ' + (word & 0xFF) % 95);
      }
    }
    for (; i < size; ++i) payload.text[i] = static_cast<char>(' ' + random.next() % 95);
  } else {  // objects, and value built from them
    payload.products.reserve(size);
    for (std::uint64_t i = 0; i < size; ++i) {
      const std::uint64_t r = random.next();
      payload.products.push_back({static_cast<std::int64_t>(i + 1),
                                  "Product number " + std::to_string(i + 1) + " (model " +
                                      std::to_string(r % 100'000) + ")",
                                  kCategories[r % kCategories.size()],
                                  static_cast<double>(r % 100'000) / 100});
    }
    if (kind == Kind::value) {
      iso::Value::List list;
      list.reserve(payload.products.size());
      for (auto& product : payload.products) {
        list.emplace_back(iso::Value::Map{{"id", product.id},
                                          {"name", std::move(product.name)},
                                          {"category", std::move(product.category)},
                                          {"price", product.price}});
      }
      payload.products.clear();
      payload.tree = iso::Value(std::move(list));
    }
  }
  return payload;
}

std::uint64_t checksum(const std::vector<std::uint8_t>& bytes) {
  return mix(kFnvOffset, bytes.data(), bytes.size());
}

std::uint64_t checksum(const std::string& text) {
  return mix(kFnvOffset, text.data(), text.size());
}

std::uint64_t checksum(const std::vector<Product>& products) {
  std::uint64_t hash = kFnvOffset;
  for (const auto& product : products) {
    hash = mix(hash, &product.id, sizeof product.id);
    hash = mix(hash, product.name.data(), product.name.size());
    hash = mix(hash, product.category.data(), product.category.size());
    hash = mix(hash, &product.price, sizeof product.price);
  }
  return hash;
}

namespace {

std::uint64_t mix_value(std::uint64_t hash, const iso::Value& value) {
  const auto kind = static_cast<unsigned char>(value.kind());
  hash = mix(hash, &kind, 1);
  switch (value.kind()) {
    case iso::Value::Kind::null:
      return hash;
    case iso::Value::Kind::boolean: {
      const unsigned char b = value.as_bool() ? 1 : 0;
      return mix(hash, &b, 1);
    }
    case iso::Value::Kind::integer: {
      const std::int64_t i = value.as_int();
      return mix(hash, &i, sizeof i);
    }
    case iso::Value::Kind::floating: {
      const double d = value.as_double();
      return mix(hash, &d, sizeof d);
    }
    case iso::Value::Kind::string:
      return mix(hash, value.as_string().data(), value.as_string().size());
    case iso::Value::Kind::bytes:
      return mix(hash, value.as_bytes().data(), value.as_bytes().size());
    case iso::Value::Kind::list:
      for (const auto& item : value.as_list()) hash = mix_value(hash, item);
      return hash;
    case iso::Value::Kind::map:
      for (const auto& [key, item] : value.as_map()) {
        hash = mix(hash, key.data(), key.size());
        hash = mix_value(hash, item);
      }
      return hash;
  }
  return hash;
}

}  // namespace

std::uint64_t checksum(const iso::Value& tree) {
  return mix_value(kFnvOffset, tree);
}

std::uint64_t checksum(const Payload& payload) {
  switch (payload.kind) {
    case Kind::bytes:
      return checksum(payload.bytes);
    case Kind::string:
      return checksum(payload.text);
    case Kind::objects:
      return checksum(payload.products);
    case Kind::value:
      return checksum(payload.tree);
  }
  return 0;
}

}  // namespace messages

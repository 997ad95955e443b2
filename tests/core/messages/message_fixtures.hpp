#pragma once
// Message types and helpers shared by the messages suites.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "iso/iso.hpp"

namespace fixtures {

enum class Category { books, games, tools };

struct Product {
  std::int64_t id = 0;
  std::string name;
  double price = 0;
  Category category = Category::books;
  std::vector<std::string> tags;
  friend bool operator==(const Product&, const Product&) = default;
};
ISO_SENDABLE(Product, id, name, price, category, tags);

struct Order {
  std::string customer;
  std::vector<Product> lines;
  std::optional<std::map<std::string, double>> discounts;
  friend bool operator==(const Order&, const Order&) = default;
};
ISO_SENDABLE(Order, customer, lines, discounts);

/// A struct carrying a transferable: crossing must transfer the field, not share it.
struct Upload {
  std::string name;
  iso::TransferableTypedData data;
};
ISO_SENDABLE(Upload, name, data);

inline Product sample_product(std::int64_t id) {
  return Product{id,
                 "product " + std::to_string(id),
                 9.5 + static_cast<double>(id),
                 Category::games,
                 {"new", "sale"}};
}

inline iso::Value sample_value_tree() {
  iso::Value::Map inner{{"sku", "A-1"}, {"stock", 12}, {"ratio", 0.25}, {"active", true}};
  iso::Value::List items{iso::Value(inner), iso::Value(nullptr),
                         iso::Value(iso::Value::Bytes{1, 2, 3}), iso::Value("text")};
  return iso::Value(iso::Value::Map{{"items", iso::Value(items)}, {"count", 4}});
}

/// An isolate that answers the first message it gets with its own copy of it, then ends.
/// The entry's message is where to send its inbox.
template <class T>
void echo_once(iso::SendPort to_main) {
  auto inbox = std::make_shared<iso::ReceivePort>("echo inbox");
  to_main.send(inbox->send_port());
  inbox->listen([inbox, to_main](iso::Message message) {
    to_main.send(message.get<T>());
    inbox->close();
  });
}

// Internal linkage on purpose: clang 14 with ASan cannot emit a coroutine template that lives
// in a COMDAT ("Cannot represent a difference across sections").
namespace {

/// Sends `value` to a new isolate and back: two copies across two heaps.
template <class T>
iso::Future<T> round_trip(T value) {
  iso::ReceivePort replies;
  co_await iso::Isolate::spawn(&echo_once<T>, replies.send_port());
  iso::Message hello = co_await replies.next();
  auto echo = hello.take<iso::SendPort>();
  echo.send(value);
  iso::Message reply = co_await replies.next();
  T back = reply.take<T>();
  replies.close();
  co_return back;
}

}  // namespace

template <class F>
auto on_main(F body) {
  return iso::run_main(std::move(body));
}

/// Where a value's storage lives, for "was it copied?" checks.
inline std::uintptr_t address_of(const void* p) {
  return reinterpret_cast<std::uintptr_t>(p);
}

}  // namespace fixtures

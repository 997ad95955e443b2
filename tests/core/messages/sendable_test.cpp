// What may cross: the Sendable rules at compile time, and every sendable kind crossing two
// heaps and coming back equal.

#include <gtest/gtest.h>

#include <array>
#include <deque>
#include <fstream>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <functional>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "message_fixtures.hpp"

using fixtures::on_main;
using fixtures::Product;
using fixtures::round_trip;

namespace {

enum class Plain { a, b };
struct NotOptedIn {
  int x;
};
struct WithPointerInside {
  int* p;
};

// Named only in decltype: gives the type of a closure capturing a T without making one.
template <class T>
auto closure_capturing(T value) {
  return [value = std::move(value)] { (void)value; };
}

}  // namespace

// ---- the rules (a wrong rule fails the build of this file) ---------------------------------

static_assert(iso::Sendable<int> && iso::Sendable<double> && iso::Sendable<bool>);
static_assert(iso::Sendable<Plain> && iso::Sendable<fixtures::Category>);
static_assert(iso::Sendable<std::string>);
static_assert(iso::Sendable<std::vector<std::uint8_t>>);
static_assert(iso::Sendable<std::map<std::string, std::vector<int>>>);
static_assert(iso::Sendable<std::unordered_map<std::string, std::optional<double>>>);
static_assert(iso::Sendable<std::variant<std::monostate, int, std::string>>);
static_assert(iso::Sendable<std::pair<std::string, iso::SendPort>>);
static_assert(iso::Sendable<std::tuple<int, std::string, std::array<double, 3>>>);
static_assert(iso::Sendable<std::deque<std::list<std::set<int>>>>);
static_assert(iso::Sendable<Product> && iso::Sendable<fixtures::Order>);
static_assert(iso::Sendable<std::vector<Product>>);
static_assert(iso::Sendable<iso::SendPort> && iso::Sendable<iso::Capability>);
static_assert(iso::Sendable<iso::TransferableTypedData> && iso::Sendable<fixtures::Upload>);
static_assert(iso::Sendable<iso::Shared<std::vector<Product>>>);
static_assert(iso::Sendable<iso::Value> && iso::Sendable<iso::Isolate>);
static_assert(iso::Sendable<iso::UncaughtError>);
static_assert(iso::Sendable<iso::detail::RunOutcome<std::string>>);
static_assert(iso::Sendable<iso::detail::RunOutcome<void>>);
static_assert(iso::Sendable<int (*)(int)>);

static_assert(!iso::Sendable<iso::ReceivePort> && !iso::Sendable<iso::RawReceivePort>);
static_assert(!iso::Sendable<int*> && !iso::Sendable<const char*>);
static_assert(!iso::Sendable<std::FILE*>);
static_assert(!iso::Sendable<std::unique_ptr<int>> && !iso::Sendable<std::shared_ptr<int>>);
static_assert(!iso::Sendable<std::ofstream> && !iso::Sendable<std::ifstream>);
static_assert(!iso::Sendable<std::thread> && !iso::Sendable<std::mutex>);
static_assert(!iso::Sendable<NotOptedIn> && !iso::Sendable<WithPointerInside>);
static_assert(!iso::Sendable<std::vector<int*>>);
static_assert(!iso::Sendable<std::map<std::string, std::unique_ptr<int>>>);
static_assert(!iso::Sendable<std::optional<iso::ReceivePort>>);
static_assert(!iso::Sendable<iso::detail::RunOutcome<std::unique_ptr<int>>>);

// A custom allocator, comparator or hash could reach shared state: the container is refused.
template <class T>
struct CustomAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = CustomAllocator<U>;
  };
};
static_assert(iso::Sendable<std::vector<int>> && !iso::Sendable<std::vector<int, CustomAllocator<int>>>);
static_assert(!iso::Sendable<std::basic_string<char, std::char_traits<char>, CustomAllocator<char>>>);
static_assert(iso::Sendable<std::set<int>> && !iso::Sendable<std::set<int, std::greater<int>>>);
static_assert(!iso::Sendable<std::map<int, int, std::greater<int>>>);

// A copy constructor is the crossing unless a transferable must be moved instead.
static_assert(iso::detail::plain_copy_v<std::vector<Product>>);
static_assert(!iso::detail::plain_copy_v<fixtures::Upload>);
static_assert(!iso::detail::plain_copy_v<std::vector<iso::TransferableTypedData>>);

// C++ cannot list a closure's captures, so only a closure that captures nothing may cross.
TEST(Sendable, OnlyClosuresThatCaptureNothingAreSendable) {
  int local = 1;
  auto captures_nothing = [](int n) { return n + 1; };
  auto by_reference = [&local] { return ++local; };
  auto raw_pointer = [p = &local] { return *p; };
  auto copyable_value = [text = std::string("x"), n = 1] { return text.size() + n; };
  auto owns_pointer = [p = std::make_unique<int>(1)] { return *p; };
  using HoldsReceivePort = decltype(closure_capturing(std::declval<iso::ReceivePort>()));
  using HoldsSendPort = decltype(closure_capturing(std::declval<iso::SendPort>()));
  EXPECT_TRUE(iso::Sendable<decltype(captures_nothing)>);
  EXPECT_TRUE(iso::Sendable<int (*)(int)>);
  EXPECT_FALSE(iso::Sendable<decltype(by_reference)>);
  EXPECT_FALSE(iso::Sendable<decltype(raw_pointer)>);
  EXPECT_FALSE(iso::Sendable<decltype(copyable_value)>);
  EXPECT_FALSE(iso::Sendable<HoldsSendPort>);
  EXPECT_FALSE(iso::Sendable<decltype(owns_pointer)>);
  EXPECT_FALSE(iso::Sendable<HoldsReceivePort>);
  EXPECT_EQ(captures_nothing(1) + by_reference() + raw_pointer() + owns_pointer(), 7);
  EXPECT_EQ(copyable_value(), 2u);
}

// ---- every kind crosses two heaps and comes back equal ---------------------------------------

TEST(SendableRoundTrip, Scalars) {
  auto back = on_main([]() -> iso::Future<std::tuple<int, double, bool, fixtures::Category>> {
    co_return co_await round_trip(std::tuple{-7, 2.5, true, fixtures::Category::tools});
  });
  EXPECT_EQ(back, std::tuple(-7, 2.5, true, fixtures::Category::tools));
}

TEST(SendableRoundTrip, StringsAndBytes) {
  const std::string text(100'000, 'q');
  auto back = on_main([&]() -> iso::Future<std::pair<std::string, std::vector<std::uint8_t>>> {
    co_return co_await round_trip(std::pair{text, std::vector<std::uint8_t>(4096, 0xAB)});
  });
  EXPECT_EQ(back.first, text);
  EXPECT_EQ(back.second, std::vector<std::uint8_t>(4096, 0xAB));
}

TEST(SendableRoundTrip, NestedContainers) {
  using Nested = std::map<std::string,
                          std::vector<std::unordered_map<
                              int, std::optional<std::variant<std::string, std::array<int, 2>>>>>>;
  Nested nested;
  nested["a"].push_back({{1, std::string("one")}, {2, std::nullopt}});
  nested["b"].push_back({{3, std::array<int, 2>{4, 5}}});
  nested["c"];
  auto back = on_main([&]() -> iso::Future<Nested> { co_return co_await round_trip(nested); });
  EXPECT_EQ(back, nested);
}

TEST(SendableRoundTrip, OptedInStructs) {
  fixtures::Order order{"ada",
                        {fixtures::sample_product(1), fixtures::sample_product(2)},
                        std::map<std::string, double>{{"spring", 0.1}}};
  auto back =
      on_main([&]() -> iso::Future<fixtures::Order> { co_return co_await round_trip(order); });
  EXPECT_EQ(back, order);
}

TEST(SendableRoundTrip, ValueTrees) {
  const iso::Value tree = fixtures::sample_value_tree();
  auto back = on_main([&]() -> iso::Future<iso::Value> { co_return co_await round_trip(tree); });
  EXPECT_EQ(back, tree);
  EXPECT_EQ(back.at("items")[2].as_bytes(), (iso::Value::Bytes{1, 2, 3}));
}

TEST(SendableRoundTrip, HandlesKeepTheirIdentity) {
  const iso::Capability capability;
  auto same = on_main([&]() -> iso::Future<bool> {
    iso::ReceivePort port;
    auto back = co_await round_trip(std::pair{port.send_port(), capability});
    co_return back.first == port.send_port() && back.second == capability;
  });
  EXPECT_TRUE(same);
}

TEST(SendableRoundTrip, SharedAndTransferable) {
  auto ok = on_main([]() -> iso::Future<bool> {
    auto shared = iso::Shared<std::vector<Product>>::make(3, fixtures::sample_product(7));
    auto back = co_await round_trip(shared);
    auto bytes = iso::TransferableTypedData::from_list(std::string("hello"));
    auto moved = co_await round_trip(fixtures::Upload{"greeting", bytes});
    const auto text = moved.data.materialize();
    co_return back.same_as(shared) && bytes.is_empty() && moved.name == "greeting" &&
        std::string(text.begin(), text.end()) == "hello";
  });
  EXPECT_TRUE(ok);
}

// Every way delivers the data that was sent (the runners compare checksums and throw
// otherwise), reports every metric, copies what it should and nothing else; the settings are
// checked before any work; the conclusions follow the medians they are given.

#include <gtest/gtest.h>

#include "bench/harness/settings_error.hpp"
#include "iso/iso.hpp"
#include "messages_scenario.hpp"
#include "runners.hpp"

namespace messages {
namespace {

std::unique_ptr<MessagesScenario> prepared(Kind kind, std::vector<std::uint64_t> sizes,
                                           std::vector<std::string> modes = {}) {
  auto scenario = std::make_unique<MessagesScenario>();
  scenario->settings().kind = kind;
  if (counts_products(kind)) {
    scenario->settings().objects.assign(sizes.begin(), sizes.end());
  } else {
    scenario->settings().sizes = std::move(sizes);
  }
  bench::RunSettings run;
  run.seed = 7;
  run.modes = std::move(modes);
  scenario->prepare(run);
  return scenario;
}

/// setup, `runs` repetitions and teardown of `mode` at `point`, on a main isolate.
std::vector<bench::Measurements> run_mode(const std::string& mode, const Point& point, int runs) {
  return iso::run_main([&]() -> iso::Future<std::vector<bench::Measurements>> {
    std::vector<bench::Measurements> measured;
    auto runner = make_runner(mode, point);
    (void)co_await runner->setup();
    for (int i = 0; i < runs; ++i) measured.push_back(co_await runner->run_once());
    co_await runner->teardown();
    co_return measured;
  });
}

void expect_every_way_delivers(Kind kind, std::vector<std::uint64_t> sizes,
                               std::vector<std::string> modes) {
  auto scenario = prepared(kind, sizes, modes);
  for (const auto& point : scenario->points()) {
    for (const auto& mode : modes) {
      // Twice: the second run proves a transfer's new handle and a shared value's reuse work.
      const auto runs = run_mode(mode, point, 2);
      for (const auto& measured : runs) {
        for (const auto& metric : scenario->metrics()) {
          ASSERT_TRUE(measured.contains(metric.key)) << mode << " " << metric.key;
        }
        EXPECT_GT(measured.at(metric_keys::latency), 0) << mode << " at " << point.label();
        // Every way but exit comes back (an ended isolate cannot be answered).
        if (mode == "exit") {
          EXPECT_EQ(measured.at(metric_keys::round_trip), 0) << point.label();
        } else {
          EXPECT_GT(measured.at(metric_keys::round_trip), 0) << mode << " at " << point.label();
        }
      }
    }
  }
}

TEST(Messages, EveryWayDeliversBytes) {
  expect_every_way_delivers(Kind::bytes, {1, 1000, 70'000},
                            {"floor", "copy", "transfer", "share", "exit"});
}

TEST(Messages, EveryWayDeliversAString) {
  expect_every_way_delivers(Kind::string, {5, 3000},
                            {"floor", "copy", "transfer", "share", "exit"});
}

TEST(Messages, EveryWayButTransferDeliversObjects) {
  expect_every_way_delivers(Kind::objects, {1, 300}, {"floor", "copy", "share", "exit"});
}

TEST(Messages, EveryWayButTransferDeliversAValueTree) {
  expect_every_way_delivers(Kind::value, {1, 300}, {"floor", "copy", "share", "exit"});
}

TEST(Messages, TheValueKindHoldsTheObjectsProductsAsJsonDecodeWouldShapeThem) {
  const Payload objects = make_payload(Kind::objects, 5, 11);
  const Payload value = make_payload(Kind::value, 5, 11);
  ASSERT_TRUE(value.tree.is_list());
  ASSERT_EQ(value.tree.as_list().size(), 5u);
  EXPECT_TRUE(value.products.empty());
  for (std::size_t i = 0; i < 5; ++i) {
    const iso::Value& product = value.tree[i];
    ASSERT_TRUE(product.is_map());
    EXPECT_EQ(product.at("id").as_int(), objects.products[i].id);
    EXPECT_EQ(product.at("name").as_string(), objects.products[i].name);
    EXPECT_EQ(product.at("category").as_string(), objects.products[i].category);
    EXPECT_EQ(product.at("price").as_double(), objects.products[i].price);
  }
  EXPECT_EQ(checksum(value), checksum(make_payload(Kind::value, 5, 11)));
  EXPECT_NE(checksum(value), checksum(make_payload(Kind::value, 5, 12)));
}

TEST(Messages, CopyCopiesTheDataWhileShareTransferAndExitDoNot) {
  if (!iso::heap_accounting_enabled()) GTEST_SKIP() << "heap accounting is off in this build";
  constexpr std::uint64_t kSize = 200'000;
  auto scenario = prepared(Kind::bytes, {kSize});
  const Point& point = scenario->points().front();
  const auto copied = [&](const std::string& mode) {
    return run_mode(mode, point, 1).front().at(metric_keys::copied);
  };
  EXPECT_GE(copied("floor"), kSize);
  EXPECT_GE(copied("copy"), kSize);
  EXPECT_LT(copied("share"), 1000);
  EXPECT_LT(copied("transfer"), 1000);
  EXPECT_EQ(copied("exit"), 0);
}

TEST(Messages, ObjectsAreCopiedWithTheirStrings) {
  if (!iso::heap_accounting_enabled()) GTEST_SKIP() << "heap accounting is off in this build";
  auto scenario = prepared(Kind::objects, {100}, {"copy", "share"});
  const Point& point = scenario->points().front();
  // More than the structs alone: their strings, longer than the small-string buffer, too.
  EXPECT_GT(run_mode("copy", point, 1).front().at(metric_keys::copied),
            100 * sizeof(Product) + 1000);
  EXPECT_LT(run_mode("share", point, 1).front().at(metric_keys::copied), 1000);
}

TEST(Messages, TransferEmptiesTheSendersHandleAndShareSendsTheSameObject) {
  iso::run_main([]() -> iso::Future<void> {
    iso::ReceivePort port;
    auto transferable = iso::TransferableTypedData::from_bytes(std::vector<std::uint8_t>(64, 1));
    port.send_port().send(transferable);
    EXPECT_TRUE(transferable.is_empty());
    iso::Message got = co_await port.next();
    EXPECT_EQ(got.take<iso::TransferableTypedData>().materialize().size(), 64u);

    const iso::Shared<std::string> shared(std::string(100, 'x'));
    port.send_port().send(shared);
    iso::Message same = co_await port.next();
    EXPECT_TRUE(same.take<iso::Shared<std::string>>().same_as(shared));
  });
}

TEST(Messages, PayloadsAreAFunctionOfTheSeed) {
  EXPECT_EQ(checksum(make_payload(Kind::string, 1000, 3)),
            checksum(make_payload(Kind::string, 1000, 3)));
  EXPECT_NE(checksum(make_payload(Kind::string, 1000, 3)),
            checksum(make_payload(Kind::string, 1000, 4)));
  const Payload products = make_payload(Kind::objects, 10, 3);
  ASSERT_EQ(products.products.size(), 10u);
  EXPECT_GT(products.products[0].name.size(), 15u);  // beyond the small-string buffer
}

TEST(Messages, AStringPayloadIsPrintableAsciiOfTheSizeAskedToItsLastCharacter) {
  const std::string text = make_payload(Kind::string, 1003, 5).text;  // not a multiple of 8
  ASSERT_EQ(text.size(), 1003u);
  for (const char c : text) {
    EXPECT_GE(c, ' ');
    EXPECT_LE(c, '~');
  }
  // The characters vary, in the eight-a-draw body and in the tail alike.
  EXPECT_NE(text.find_first_not_of(text[0]), std::string::npos);
  EXPECT_NE(text.substr(1000).find_first_not_of(text[1000]), std::string::npos);
}

TEST(Messages, TransferOfObjectsAndValuesIsLeftOutByDefaultAndRefusedWhenNamed) {
  const auto values = prepared(Kind::value, {100});
  for (const auto& mode : values->modes()) {
    EXPECT_EQ(values->runs_by_default(mode), mode.name != "transfer") << mode.name;
  }
  EXPECT_THROW(prepared(Kind::value, {100}, {"transfer"}), bench::SettingsError);
  const auto objects = prepared(Kind::objects, {100});
  const auto strings = prepared(Kind::string, {100});
  for (const auto& mode : objects->modes()) {
    EXPECT_EQ(objects->runs_by_default(mode), mode.name != "transfer") << mode.name;
    EXPECT_TRUE(strings->runs_by_default(mode)) << mode.name;
  }
  EXPECT_THROW(prepared(Kind::objects, {100}, {"copy", "transfer"}), bench::SettingsError);
  EXPECT_NO_THROW(prepared(Kind::objects, {100}, {"floor", "copy"}));
}

// ---- conclusions ----------------------------------------------------------------------------

bench::ModeResult mode_with(const std::string& name, double one_way) {
  bench::ModeResult mode;
  mode.mode = {name, ""};
  bench::MetricSummary summary;
  summary.key = metric_keys::latency;
  summary.statistics.count = 1;
  summary.statistics.median = one_way;
  mode.summaries.push_back(summary);
  return mode;
}

bool any_contains(const std::vector<std::string>& sentences, const std::string& part) {
  for (const auto& sentence : sentences) {
    if (sentence.find(part) != std::string::npos) return true;
  }
  return false;
}

Point point_of(Kind kind, std::uint64_t size, std::uint64_t data_bytes) {
  Point point;
  point.kind = kind;
  point.size = size;
  point.data_bytes = data_bytes;
  return point;
}

TEST(MessagesConclusions, TheTwoMegabyteStringAgainstTheDocument) {
  const std::vector<Point> points{point_of(Kind::string, 1000, 1000),
                                  point_of(Kind::string, 2'000'000, 2'000'000)};
  bench::ScenarioResult result;
  for (std::size_t i = 0; i < points.size(); ++i) {
    bench::ParameterResult set;
    set.index = i;
    set.modes = {mode_with("floor", i == 0 ? 100 : 200'000),
                 mode_with("copy", i == 0 ? 5'000 : 500'000),
                 mode_with("transfer", i == 0 ? 4'000 : 300'000),
                 mode_with("share", i == 0 ? 4'000 : 5'000)};
    result.parameter_sets.push_back(set);
  }
  const auto sentences = build_conclusions(points, result).all();
  EXPECT_TRUE(any_contains(sentences, "takes 500")) << sentences.at(2);
  EXPECT_TRUE(any_contains(sentences, "below that range"));
  EXPECT_TRUE(any_contains(sentences, "share: 4"));
  EXPECT_TRUE(any_contains(sentences, "flat in size"));
  EXPECT_TRUE(any_contains(sentences, "copy: 5"));
  EXPECT_TRUE(any_contains(sentences, "grows with the data (100x)"));
  EXPECT_TRUE(any_contains(sentences, "copy 500")) << sentences.at(1);
  EXPECT_TRUE(any_contains(sentences, "makes a string of them again"));
  EXPECT_TRUE(any_contains(sentences, "(2.5x the floor)")) << sentences.at(1);
}

TEST(MessagesConclusions, TenThousandObjectsAgainstAHundred) {
  const std::vector<Point> points{point_of(Kind::objects, 100, 9'000),
                                  point_of(Kind::objects, 10'000, 900'000)};
  bench::ScenarioResult result;
  for (std::size_t i = 0; i < points.size(); ++i) {
    bench::ParameterResult set;
    set.index = i;
    set.modes = {mode_with("floor", i == 0 ? 2'000 : 300'000),
                 mode_with("copy", i == 0 ? 10'000 : 450'000)};
    result.parameter_sets.push_back(set);
  }
  const auto sentences = build_conclusions(points, result).all();
  EXPECT_TRUE(any_contains(sentences, "100 products take 10")) << sentences.at(2);
  EXPECT_TRUE(any_contains(sentences, "45x the time for 100x the objects")) << sentences.at(2);
  EXPECT_TRUE(any_contains(sentences, "1.5x the structs' copy constructor")) << sentences.at(2);
  EXPECT_FALSE(any_contains(sentences, "iso::Value"));
}

TEST(MessagesConclusions, RoundTripsSitBesideTwoPlainCopies) {
  const std::vector<Point> points{point_of(Kind::bytes, 1000, 1000)};
  bench::ParameterResult set;
  set.modes = {mode_with("floor", 100), mode_with("copy", 5'000), mode_with("share", 4'000)};
  const std::vector<double> trips{200, 9'000, 7'000};
  for (std::size_t i = 0; i < set.modes.size(); ++i) {
    bench::MetricSummary summary;
    summary.key = metric_keys::round_trip;
    summary.statistics.count = 1;
    summary.statistics.median = trips[i];
    set.modes[i].summaries.push_back(summary);
  }
  bench::ScenarioResult result;
  result.parameter_sets.push_back(set);
  const auto sentences = build_conclusions(points, result).all();
  EXPECT_TRUE(any_contains(sentences,
                           "there and back: copy 9 µs, share 7 µs (two plain copies: "
                           "200 ns)"))
      << sentences.at(0);
}

TEST(MessagesConclusions, TenThousandValueProductsAgainstTheTreesCopyConstructor) {
  const std::vector<Point> points{point_of(Kind::value, 100, 20'000),
                                  point_of(Kind::value, 10'000, 2'000'000)};
  bench::ScenarioResult result;
  for (std::size_t i = 0; i < points.size(); ++i) {
    bench::ParameterResult set;
    set.index = i;
    set.modes = {mode_with("floor", i == 0 ? 4'000 : 400'000),
                 mode_with("copy", i == 0 ? 20'000 : 800'000)};
    result.parameter_sets.push_back(set);
  }
  const auto sentences = build_conclusions(points, result).all();
  EXPECT_TRUE(any_contains(sentences, "100 products as an iso::Value tree take 20"));
  EXPECT_TRUE(any_contains(sentences, "2.0x the iso::Value tree's copy constructor"));
}

}  // namespace
}  // namespace messages

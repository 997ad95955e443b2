#pragma once
// iso::Value: the dynamic value Dart's jsonDecode returns — null, bool, int, double, string,
// bytes, list, or map (string keys, insertion order kept). Sendable: a copy is a deep copy.
// Comparable (==, deep) and printable (JSON-like text; bytes print as a list of numbers).

#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace iso {

class Value {
 public:
  using Null = std::monostate;
  using Bytes = std::vector<std::uint8_t>;
  using List = std::vector<Value>;
  /// Insertion-ordered, like a Dart LinkedHashMap; lookups are linear, which for the dozen
  /// keys of a JSON object beats hashing.
  using Map = std::vector<std::pair<std::string, Value>>;

  enum class Kind { null, boolean, integer, floating, string, bytes, list, map };

  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : data_(b) {}
  Value(int i) : data_(static_cast<std::int64_t>(i)) {}
  Value(std::int64_t i) : data_(i) {}
  Value(double d) : data_(d) {}
  Value(const char* s) : data_(std::string(s)) {}
  Value(std::string s) : data_(std::move(s)) {}
  Value(Bytes b) : data_(std::move(b)) {}
  Value(List l) : data_(std::move(l)) {}
  Value(Map m) : data_(std::move(m)) {}

  Kind kind() const noexcept { return static_cast<Kind>(data_.index()); }
  bool is_null() const noexcept { return kind() == Kind::null; }
  bool is_bool() const noexcept { return kind() == Kind::boolean; }
  bool is_int() const noexcept { return kind() == Kind::integer; }
  bool is_double() const noexcept { return kind() == Kind::floating; }
  bool is_number() const noexcept { return is_int() || is_double(); }
  bool is_string() const noexcept { return kind() == Kind::string; }
  bool is_bytes() const noexcept { return kind() == Kind::bytes; }
  bool is_list() const noexcept { return kind() == Kind::list; }
  bool is_map() const noexcept { return kind() == Kind::map; }

  /// Typed access; each throws std::invalid_argument naming the expected and actual kinds.
  /// Inline: a decoder's walk over a large tree calls them once per value.
  bool as_bool() const { return get<bool>(Kind::boolean); }
  std::int64_t as_int() const { return get<std::int64_t>(Kind::integer); }
  /// Ints convert, as Dart's `num.toDouble()`.
  double as_double() const {
    if (is_int()) return static_cast<double>(*std::get_if<std::int64_t>(&data_));
    return get<double>(Kind::floating);
  }
  const std::string& as_string() const { return get<std::string>(Kind::string); }
  /// e.g. to move the text out of a tree about to be dropped
  std::string& as_string() { return get<std::string>(Kind::string); }
  const Bytes& as_bytes() const { return get<Bytes>(Kind::bytes); }
  const List& as_list() const { return get<List>(Kind::list); }
  List& as_list() { return get<List>(Kind::list); }
  const Map& as_map() const { return get<Map>(Kind::map); }
  Map& as_map() { return get<Map>(Kind::map); }

  /// Map lookup: the value for `key`, or null if absent. Throws if this is not a map.
  const Value* find(std::string_view key) const;
  /// Map lookup that throws std::out_of_range naming the missing key.
  const Value& at(std::string_view key) const;
  const Value& operator[](std::size_t index) const { return as_list().at(index); }

  friend bool operator==(const Value&, const Value&) = default;

 private:
  [[noreturn]] static void wrong_kind(Kind expected, Kind actual);

  template <class T>
  const T& get(Kind expected) const {
    const T* held = std::get_if<T>(&data_);
    if (held == nullptr) wrong_kind(expected, kind());
    return *held;
  }
  template <class T>
  T& get(Kind expected) {
    T* held = std::get_if<T>(&data_);
    if (held == nullptr) wrong_kind(expected, kind());
    return *held;
  }

  std::variant<Null, bool, std::int64_t, double, std::string, Bytes, List, Map> data_;
};

const char* kind_name(Value::Kind kind) noexcept;
std::ostream& operator<<(std::ostream& out, const Value& value);

}  // namespace iso

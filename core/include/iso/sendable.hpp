#pragma once
// What may cross between isolates, checked at compile time, and how each kind crosses.
//
// Sendable (the concept `iso::Sendable<T>`):
// - arithmetic types, enums, std::nullptr_t, std::monostate, plain function pointers (code is
//   shared by every isolate);
// - std::string (and the other std::basic_string with the standard allocator);
// - std::vector, std::deque, std::list, std::map, std::set, std::unordered_map,
//   std::unordered_set (standard allocator, comparator and hash), std::optional, std::variant,
//   std::pair, std::tuple and std::array, when every element type is sendable;
// - user structs that opt in with one line next to their definition, listing every field:
//       struct Product { int id; std::string name; double price; };
//       ISO_SENDABLE(Product, id, name, price);
//   Every field type is checked, and for an aggregate the list must name every field (a field
//   left out would cross unchecked, so it is a compile error);
// - the runtime's handles: SendPort, Capability, Isolate, TransferableTypedData, Shared<T>,
//   iso::Value, and the runtime's own internal messages;
// - closures that capture nothing (a class with an operator() and no state: a lambda with an
//   empty capture list), like plain function pointers. C++ cannot list a closure's captures, so
//   it cannot check them: a captured reference or raw pointer would share the sender's memory.
//   A closure that captures anything is therefore refused; what it needs crosses as arguments,
//   each checked and copied (Isolate::run(fn, args...), Isolate::spawn(entry, message)). A
//   stateful function object opts in like any struct, with ISO_SENDABLE listing its fields.
//
// Not sendable, rejected at compile time by `detail::assert_sendable<T>()` with a message that
// names the kind of type and says what to send instead (the compiler's "required from" notes
// name the exact type, down to the offending element of a container or field of a struct):
// ReceivePort, RawReceivePort, raw pointers, FILE*, std::unique_ptr, std::shared_ptr,
// std::weak_ptr, file streams, std::thread, std::jthread, mutexes, C arrays, closures that
// capture anything, and any other type that has not opted in.
//
// How a value crosses (`detail::cross`, run on the sender's thread, charged to the receiver):
// - by deep copy for every kind above, through its copy constructor (containers of plain
//   values copy as fast as the container's own copy);
// - except TransferableTypedData, which is transferred: its buffer moves to the receiver in
//   O(1) and the sender's handle becomes empty; containers and structs holding one are
//   crossed element by element so that each such buffer is transferred, never shared;
// - Shared<T> crosses as one more reference to the same immutable data, O(1).

#include <array>
#include <cstddef>
#include <cstdio>
#include <deque>
#include <iosfwd>  // the file streams, named only to be refused
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <thread>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

namespace iso {

// The runtime's handles and internal messages, declared here so the rules can name them.
class SendPort;
class ReceivePort;
class RawReceivePort;
class Capability;
class Isolate;
class Value;
class TransferableTypedData;
struct UncaughtError;
template <class T>
class Shared;

namespace detail {

struct Unit;
template <class R>
struct RunOutcome;

/// Moves the buffer of `from` into a new handle charged to the current heap account, O(1);
/// `from` (and every copy of its handle) is empty afterwards. Throws IsolateError if `from`
/// is already empty. Defined in transferable.cpp.
TransferableTypedData transfer(const TransferableTypedData& from);

/// Why a type may not cross. `none`: it may.
enum class Refusal {
  none,
  receive_port,
  raw_receive_port,
  raw_pointer,
  file_handle,
  unique_ptr,
  shared_ptr,
  file_stream,
  thread,
  mutex,
  c_array,
  callable,
  not_opted_in,
};

/// What the rules say about a type: whether it may cross, and whether its copy constructor is
/// its crossing (false when a TransferableTypedData inside must be transferred instead).
struct Verdict {
  Refusal refusal = Refusal::none;
  bool plain = true;
};

constexpr Verdict combine(Verdict a, Verdict b) noexcept {
  return {a.refusal != Refusal::none ? a.refusal : b.refusal, a.plain && b.plain};
}

template <class T, class Enable = void>
struct Assess;

template <class... Ts>
constexpr Verdict assess_all() noexcept {
  Verdict verdict;
  ((verdict = combine(verdict, Assess<Ts>::value)), ...);
  return verdict;
}

// ---- user structs: ISO_SENDABLE ------------------------------------------------------------

/// The fields a struct listed in ISO_SENDABLE, as member pointers.
template <class T, auto... Members>
struct FieldList {};

template <class T, auto Member>
using FieldType = std::remove_cvref_t<decltype(std::declval<const T&>().*Member)>;

template <class T>
concept HasSendableFields = requires(const T* p) {
  iso_sendable_fields(p);
};

template <class T>
using FieldsOf = decltype(iso_sendable_fields(static_cast<const T*>(nullptr)));

template <class T>
struct FieldsOfOrVoidT {
  using type = void;
};
template <HasSendableFields T>
struct FieldsOfOrVoidT<T> {
  using type = FieldsOf<T>;
};
template <class T>
using FieldsOfOrVoid = typename FieldsOfOrVoidT<T>::type;

template <class List>
struct AssessFields;
template <class T, auto... Members>
struct AssessFields<FieldList<T, Members...>> {
  static constexpr Verdict value = assess_all<FieldType<T, Members>...>();
};

// ---- everything that is not a standard template ---------------------------------------------

template <class T>
constexpr bool is_plain_function_pointer_v =
    std::is_pointer_v<T>&& std::is_function_v<std::remove_pointer_t<T>>;

template <class T>
constexpr bool is_one_of_handles_v =
    std::is_same_v<T, SendPort> || std::is_same_v<T, Capability> || std::is_same_v<T, Isolate> ||
    std::is_same_v<T, Value> || std::is_same_v<T, UncaughtError> || std::is_same_v<T, Unit> ||
    std::is_same_v<T, std::monostate> || std::is_same_v<T, std::nullptr_t>;

template <class T>
constexpr bool is_mutex_v =
    std::is_same_v<T, std::mutex> || std::is_same_v<T, std::recursive_mutex> ||
    std::is_same_v<T, std::timed_mutex> || std::is_same_v<T, std::recursive_timed_mutex> ||
    std::is_same_v<T, std::shared_mutex> || std::is_same_v<T, std::shared_timed_mutex>;

template <class T>
concept HasCallOperator = std::is_class_v<T> && requires {
  &T::operator();
};

template <class T>
constexpr Verdict assess_other() noexcept {
  if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T> || is_one_of_handles_v<T> ||
                is_plain_function_pointer_v<T>) {
    return {};
  } else if constexpr (std::is_pointer_v<T>) {
    if constexpr (std::is_same_v<std::remove_cv_t<std::remove_pointer_t<T>>, std::FILE>) {
      return {Refusal::file_handle, true};
    } else {
      return {Refusal::raw_pointer, true};
    }
  } else if constexpr (std::is_member_pointer_v<T>) {
    return {Refusal::raw_pointer, true};
  } else if constexpr (std::is_array_v<T>) {
    return {Refusal::c_array, true};
  } else if constexpr (std::is_same_v<T, TransferableTypedData>) {
    return {Refusal::none, false};
  } else if constexpr (std::is_same_v<T, ReceivePort>) {
    return {Refusal::receive_port, true};
  } else if constexpr (std::is_same_v<T, RawReceivePort>) {
    return {Refusal::raw_receive_port, true};
  } else if constexpr (std::is_same_v<T, std::thread> || std::is_same_v<T, std::jthread>) {
    return {Refusal::thread, true};
  } else if constexpr (is_mutex_v<T>) {
    return {Refusal::mutex, true};
  } else if constexpr (HasSendableFields<T>) {
    return AssessFields<FieldsOf<T>>::value;
  } else if constexpr (HasCallOperator<T>) {
    // No state, nothing captured: only the code crosses, and code is shared by every isolate.
    const bool captures_nothing = std::is_empty_v<T> && std::is_trivially_copyable_v<T>;
    return {captures_nothing ? Refusal::none : Refusal::callable, true};
  } else {
    return {Refusal::not_opted_in, true};
  }
}

template <class T, class Enable>
struct Assess {
  static constexpr Verdict value = assess_other<std::remove_cv_t<T>>();
};

// ---- the standard templates -----------------------------------------------------------------

/// The element types a value of a standard template holds, and whether it uses the standard
/// allocator, comparator and hash (a custom one could reach shared memory or state, so a
/// template with one is refused). The one table of the standard templates the rules know: what
/// may cross (Assess) and where a refusal's diagnostic leads (AssertParts) both read it.
template <bool Standard, class... Parts>
struct TemplateOf {
  static constexpr bool standard = Standard;
  template <template <class...> class F>
  using with_parts = F<Parts...>;
  static constexpr Verdict verdict() noexcept {
    if constexpr (Standard) {
      return assess_all<Parts...>();
    } else {
      return {Refusal::not_opted_in, true};
    }
  }
};

template <class T>
struct StandardTemplate;

template <class T>
concept IsStandardTemplate = requires { StandardTemplate<T>::standard; };

template <class C, class Traits, class A>
struct StandardTemplate<std::basic_string<C, Traits, A>>
    : TemplateOf<std::is_same_v<A, std::allocator<C>>, C> {};
template <class T, class A>
struct StandardTemplate<std::vector<T, A>> : TemplateOf<std::is_same_v<A, std::allocator<T>>, T> {};
template <class T, class A>
struct StandardTemplate<std::deque<T, A>> : TemplateOf<std::is_same_v<A, std::allocator<T>>, T> {};
template <class T, class A>
struct StandardTemplate<std::list<T, A>> : TemplateOf<std::is_same_v<A, std::allocator<T>>, T> {};
template <class T, class C, class A>
struct StandardTemplate<std::set<T, C, A>>
    : TemplateOf<std::is_same_v<std::set<T, C, A>, std::set<T>>, T> {};
template <class T, class H, class E, class A>
struct StandardTemplate<std::unordered_set<T, H, E, A>>
    : TemplateOf<std::is_same_v<std::unordered_set<T, H, E, A>, std::unordered_set<T>>, T> {};
template <class K, class V, class C, class A>
struct StandardTemplate<std::map<K, V, C, A>>
    : TemplateOf<std::is_same_v<std::map<K, V, C, A>, std::map<K, V>>, K, V> {};
template <class K, class V, class H, class E, class A>
struct StandardTemplate<std::unordered_map<K, V, H, E, A>>
    : TemplateOf<std::is_same_v<std::unordered_map<K, V, H, E, A>, std::unordered_map<K, V>>, K,
                 V> {};
template <class T>
struct StandardTemplate<std::optional<T>> : TemplateOf<true, T> {};
template <class... Ts>
struct StandardTemplate<std::variant<Ts...>> : TemplateOf<true, Ts...> {};
template <class A, class B>
struct StandardTemplate<std::pair<A, B>> : TemplateOf<true, A, B> {};
template <class... Ts>
struct StandardTemplate<std::tuple<Ts...>> : TemplateOf<true, Ts...> {};
template <class T, std::size_t N>
struct StandardTemplate<std::array<T, N>> : TemplateOf<true, T> {};

template <IsStandardTemplate T>
struct Assess<T> {
  static constexpr Verdict value = StandardTemplate<T>::verdict();
};

template <class T, class D>
struct Assess<std::unique_ptr<T, D>> {
  static constexpr Verdict value = {Refusal::unique_ptr, true};
};
template <class T>
struct Assess<std::shared_ptr<T>> {
  static constexpr Verdict value = {Refusal::shared_ptr, true};
};
template <class T>
struct Assess<std::weak_ptr<T>> {
  static constexpr Verdict value = {Refusal::shared_ptr, true};
};
template <class C, class Traits>
struct Assess<std::basic_fstream<C, Traits>> {
  static constexpr Verdict value = {Refusal::file_stream, true};
};
template <class C, class Traits>
struct Assess<std::basic_ifstream<C, Traits>> {
  static constexpr Verdict value = {Refusal::file_stream, true};
};
template <class C, class Traits>
struct Assess<std::basic_ofstream<C, Traits>> {
  static constexpr Verdict value = {Refusal::file_stream, true};
};
template <class C, class Traits>
struct Assess<std::basic_filebuf<C, Traits>> {
  static constexpr Verdict value = {Refusal::file_stream, true};
};

// Shared<T> checks its T where it is declared (see shared.hpp); the handle itself is one more
// reference to immutable data.
template <class T>
struct Assess<Shared<T>> {
  static constexpr Verdict value = {};
};

// Isolate::run's result message: the value (or Unit) and a portable exception.
template <class R>
struct Assess<RunOutcome<R>> {
  using Value = typename decltype(std::declval<RunOutcome<R>&>().value)::value_type;
  static constexpr Verdict value = Assess<Value>::value;
};

}  // namespace detail

/// True when a T may be sent to another isolate (see the header comment).
template <class T>
concept Sendable = detail::Assess<std::remove_cv_t<T>>::value.refusal == detail::Refusal::none;

namespace detail {

/// True when T's copy constructor is its crossing: no TransferableTypedData inside.
template <class T>
constexpr bool plain_copy_v = Assess<std::remove_cv_t<T>>::value.plain;

template <class T>
constexpr Refusal refusal_v = Assess<std::remove_cv_t<T>>::value.refusal;

template <class T>
constexpr void assert_sendable();

// For a refused container, struct or variant, check its parts so the diagnostic's notes lead
// to the offending element type. `parts_ok`: every part is sendable (then the container itself
// is what was refused, e.g. for a non-standard allocator).
template <class... Parts>
struct PartsOf {
  static constexpr bool has_parts = true;
  static constexpr bool parts_ok = (Sendable<Parts> && ...);
  static constexpr void check() { (assert_sendable<Parts>(), ...); }
};

template <class T>
struct AssertParts {
  static constexpr bool has_parts = false;
  static constexpr bool parts_ok = true;
  static constexpr void check() {}
};
template <IsStandardTemplate T>
struct AssertParts<T> : StandardTemplate<T>::template with_parts<PartsOf> {};
template <class R>
struct AssertParts<RunOutcome<R>> : PartsOf<typename Assess<RunOutcome<R>>::Value> {};
template <class T, auto... Members>
struct AssertParts<FieldList<T, Members...>> : PartsOf<FieldType<T, Members>...> {};

/// Compiles only when T is Sendable; otherwise fails with a static_assert that says what kind
/// of type was refused and what to send instead. The instantiation notes name T, and for a
/// container, struct or variant lead down to the part that was refused.
template <class T>
constexpr void assert_sendable() {
  using U = std::remove_cv_t<T>;
  constexpr Refusal refusal = refusal_v<U>;
  using Parts =
      std::conditional_t<HasSendableFields<U>, AssertParts<FieldsOfOrVoid<U>>, AssertParts<U>>;
  if constexpr (refusal == Refusal::none) {
    return;
  } else if constexpr (Parts::has_parts && !Parts::parts_ok) {
    Parts::check();
  } else {
    static_assert(refusal != Refusal::receive_port,
                  "iso: a ReceivePort cannot cross between isolates (it belongs to the isolate "
                  "that created it); send its SendPort instead: port.send_port()");
    static_assert(refusal != Refusal::raw_receive_port,
                  "iso: a RawReceivePort cannot cross between isolates (it belongs to the "
                  "isolate that created it); send its SendPort instead: port.send_port()");
    static_assert(refusal != Refusal::raw_pointer,
                  "iso: a raw pointer cannot cross between isolates (it points into the sender's "
                  "heap); send the value it points to (a copy), an iso::Shared<T> for read-only "
                  "data, or an iso::TransferableTypedData for bytes");
    static_assert(refusal != Refusal::file_handle,
                  "iso: a FILE* cannot cross between isolates; send the file's path (a "
                  "std::string) or its contents (bytes, TransferableTypedData) and open it in "
                  "the receiving isolate");
    static_assert(refusal != Refusal::unique_ptr,
                  "iso: a std::unique_ptr cannot cross between isolates (it points into the "
                  "sender's heap); send the value it owns (a copy), or an iso::Shared<T> for "
                  "read-only data");
    static_assert(refusal != Refusal::shared_ptr,
                  "iso: a std::shared_ptr or std::weak_ptr cannot cross between isolates (it "
                  "would share mutable memory); send a copy of the value, or an iso::Shared<T> "
                  "for deeply immutable shared data");
    static_assert(refusal != Refusal::file_stream,
                  "iso: a file stream cannot cross between isolates; send the file's path (a "
                  "std::string) and open the stream in the receiving isolate");
    static_assert(refusal != Refusal::thread,
                  "iso: a std::thread cannot cross between isolates; start the work in another "
                  "isolate with Isolate::spawn or Isolate::run and send a SendPort to talk to it");
    static_assert(refusal != Refusal::mutex,
                  "iso: a mutex cannot cross between isolates (isolates share no memory to "
                  "guard); send the data itself and let one isolate own it");
    static_assert(refusal != Refusal::c_array,
                  "iso: a C array cannot cross between isolates; send a std::array, std::vector "
                  "or std::string");
    static_assert(refusal != Refusal::callable,
                  "iso: a closure that captures cannot cross between isolates: C++ cannot check "
                  "what it captures, and a captured reference or pointer would share the "
                  "caller's memory. Capture nothing and pass what it needs as arguments, which "
                  "are checked and copied: Isolate::run([](int x) { return x * 2; }, x), "
                  "Isolate::spawn(entry, message), compute(fn, arg); for a SendPort, pass "
                  "port.send_port()");
    static_assert(refusal != Refusal::not_opted_in,
                  "iso: this type is not Sendable; if it is a struct of sendable fields, opt it "
                  "in next to its definition with ISO_SENDABLE(Type, field1, field2, ...); "
                  "otherwise send the data it holds as sendable values");
  }
}

// ---- crossing -------------------------------------------------------------------------------

template <class T>
T cross(const T& value);

/// How a type that holds a TransferableTypedData crosses: part by part. A container crosses
/// element by element (a map's keys and values each), built in its order; the other standard
/// templates have their own shape below.
template <class T>
struct CrossParts {
  static T make(const T& from) {
    T to;
    if constexpr (requires { to.reserve(from.size()); }) to.reserve(from.size());
    if constexpr (requires { typename T::mapped_type; }) {
      for (const auto& [key, item] : from) to.emplace_hint(to.end(), cross(key), cross(item));
    } else {
      for (const auto& item : from) to.insert(to.end(), cross(item));
    }
    return to;
  }
};
template <class T>
struct CrossParts<std::optional<T>> {
  static std::optional<T> make(const std::optional<T>& from) {
    if (!from) return std::nullopt;
    return std::optional<T>(cross(*from));
  }
};
template <class... Ts>
struct CrossParts<std::variant<Ts...>> {
  static std::variant<Ts...> make(const std::variant<Ts...>& from) {
    return make_at(from, std::index_sequence_for<Ts...>{});
  }
  template <std::size_t... I>
  static std::variant<Ts...> make_at(const std::variant<Ts...>& from, std::index_sequence<I...>) {
    using Maker = std::variant<Ts...> (*)(const std::variant<Ts...>&);
    static constexpr Maker makers[] = {[](const std::variant<Ts...>& v) {
      return std::variant<Ts...>(std::in_place_index<I>, cross(std::get<I>(v)));
    }...};
    return makers[from.index()](from);
  }
};
template <class A, class B>
struct CrossParts<std::pair<A, B>> {
  static std::pair<A, B> make(const std::pair<A, B>& from) {
    return std::pair<A, B>(cross(from.first), cross(from.second));
  }
};
template <class... Ts>
struct CrossParts<std::tuple<Ts...>> {
  static std::tuple<Ts...> make(const std::tuple<Ts...>& from) {
    return std::apply([](const Ts&... parts) { return std::tuple<Ts...>(cross(parts)...); }, from);
  }
};
template <class T, std::size_t N>
struct CrossParts<std::array<T, N>> {
  static std::array<T, N> make(const std::array<T, N>& from) {
    return make_at(from, std::make_index_sequence<N>{});
  }
  template <std::size_t... I>
  static std::array<T, N> make_at(const std::array<T, N>& from, std::index_sequence<I...>) {
    return {{cross(from[I])...}};
  }
};
template <class R>
struct CrossParts<RunOutcome<R>> {
  static RunOutcome<R> make(const RunOutcome<R>& from) { return {cross(from.value), from.error}; }
};

template <class List>
struct CrossFields;
template <class T, auto... Members>
struct CrossFields<FieldList<T, Members...>> {
  // Copy, then cross each listed field over its copy: transferable fields are then moved, not
  // shared with the sender.
  static T make(const T& from) {
    T to(from);
    ((to.*Members = cross(from.*Members)), ...);
    return to;
  }
};

/// The receiver's own copy of `value`, made by the caller (who sets the heap account it is
/// charged to). Throws whatever the copy throws (std::bad_alloc), and IsolateError for a
/// TransferableTypedData that is already empty.
template <class T>
T cross(const T& value) {
  assert_sendable<T>();
  if constexpr (std::is_same_v<T, TransferableTypedData>) {
    return transfer(value);
  } else if constexpr (plain_copy_v<T>) {
    return T(value);
  } else if constexpr (HasSendableFields<T>) {
    return CrossFields<FieldsOf<T>>::make(value);
  } else {
    return CrossParts<T>::make(value);
  }
}

// ---- ISO_SENDABLE's field-count check -------------------------------------------------------

struct AnyField {
  template <class U>
  operator U() const;  // only named in unevaluated contexts
};

template <class T, class... Fields>
constexpr std::size_t aggregate_field_count() {
  if constexpr (requires { T{std::declval<Fields>()..., AnyField{}}; }) {
    return aggregate_field_count<T, Fields..., AnyField>();
  } else {
    return sizeof...(Fields);
  }
}

template <class T, auto... Members>
constexpr bool check_fields(FieldList<T, Members...>) {
  (assert_sendable<FieldType<T, Members>>(), ...);
  if constexpr (std::is_aggregate_v<T>) {
    static_assert(aggregate_field_count<T>() == sizeof...(Members),
                  "iso: ISO_SENDABLE(Type, ...) must list every field of the struct, in any "
                  "order: a field left out would cross unchecked");
  }
  return true;
}

}  // namespace detail
}  // namespace iso

// ---- ISO_SENDABLE(Type, field...) -----------------------------------------------------------

#define ISO_DETAIL_PARENS ()
#define ISO_DETAIL_EXPAND(...) \
  ISO_DETAIL_EXPAND3(ISO_DETAIL_EXPAND3(ISO_DETAIL_EXPAND3(ISO_DETAIL_EXPAND3(__VA_ARGS__))))
#define ISO_DETAIL_EXPAND3(...) \
  ISO_DETAIL_EXPAND2(ISO_DETAIL_EXPAND2(ISO_DETAIL_EXPAND2(ISO_DETAIL_EXPAND2(__VA_ARGS__))))
#define ISO_DETAIL_EXPAND2(...) \
  ISO_DETAIL_EXPAND1(ISO_DETAIL_EXPAND1(ISO_DETAIL_EXPAND1(ISO_DETAIL_EXPAND1(__VA_ARGS__))))
#define ISO_DETAIL_EXPAND1(...) __VA_ARGS__
#define ISO_DETAIL_MEMBERS(Type, ...) \
  __VA_OPT__(ISO_DETAIL_EXPAND(ISO_DETAIL_MEMBERS_STEP(Type, __VA_ARGS__)))
#define ISO_DETAIL_MEMBERS_STEP(Type, field, ...) \
  , &Type::field __VA_OPT__(ISO_DETAIL_MEMBERS_AGAIN ISO_DETAIL_PARENS(Type, __VA_ARGS__))
#define ISO_DETAIL_MEMBERS_AGAIN() ISO_DETAIL_MEMBERS_STEP

/// Declares `Type` Sendable, listing every field. Put it next to the struct's definition, at
/// namespace scope in the struct's namespace, followed by a semicolon. Every field's type is
/// checked there; an unsendable field or (for an aggregate) a missing field fails to compile.
/// Crossing copies the struct with its copy constructor (TransferableTypedData fields are
/// transferred), so the struct must be copy-constructible and copy-assignable.
#define ISO_SENDABLE(Type, ...)                                                    \
  [[maybe_unused]] constexpr auto iso_sendable_fields(const Type*) noexcept {      \
    return ::iso::detail::FieldList<Type ISO_DETAIL_MEMBERS(Type, __VA_ARGS__)>{}; \
  }                                                                                \
  static_assert(::iso::detail::check_fields(iso_sendable_fields(static_cast<const Type*>(nullptr))))

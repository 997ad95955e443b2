#include "iso/value.hpp"

#include <iomanip>
#include <ostream>
#include <stdexcept>

namespace iso {
namespace {

void print_string(std::ostream& out, const std::string& s) {
  out << '"';
  for (const char c : s) {
    switch (c) {
      case '"':
        out << "\\\"";
        break;
      case '\\':
        out << "\\\\";
        break;
      case '\n':
        out << "\\n";
        break;
      case '\t':
        out << "\\t";
        break;
      case '\r':
        out << "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out << "\\u" << std::hex << std::setw(4) << std::setfill('0') << int(c) << std::dec;
        } else {
          out << c;
        }
    }
  }
  out << '"';
}

}  // namespace

const char* kind_name(Value::Kind kind) noexcept {
  switch (kind) {
    case Value::Kind::null:
      return "null";
    case Value::Kind::boolean:
      return "bool";
    case Value::Kind::integer:
      return "int";
    case Value::Kind::floating:
      return "double";
    case Value::Kind::string:
      return "string";
    case Value::Kind::bytes:
      return "bytes";
    case Value::Kind::list:
      return "list";
    case Value::Kind::map:
      return "map";
  }
  return "?";
}

void Value::wrong_kind(Kind expected, Kind actual) {
  throw std::invalid_argument(std::string("iso::Value: expected ") + kind_name(expected) +
                              ", got " + kind_name(actual));
}

const Value* Value::find(std::string_view key) const {
  for (const auto& [k, v] : as_map()) {
    if (k == key) return &v;
  }
  return nullptr;
}

const Value& Value::at(std::string_view key) const {
  if (const Value* v = find(key)) return *v;
  throw std::out_of_range("iso::Value: no key \"" + std::string(key) + "\" in map");
}

std::ostream& operator<<(std::ostream& out, const Value& value) {
  switch (value.kind()) {
    case Value::Kind::null:
      return out << "null";
    case Value::Kind::boolean:
      return out << (value.as_bool() ? "true" : "false");
    case Value::Kind::integer:
      return out << value.as_int();
    case Value::Kind::floating:
      return out << value.as_double();
    case Value::Kind::string:
      print_string(out, value.as_string());
      return out;
    case Value::Kind::bytes: {
      out << '[';
      const char* separator = "";
      for (auto b : value.as_bytes()) out << std::exchange(separator, ",") << int(b);
      return out << ']';
    }
    case Value::Kind::list: {
      out << '[';
      const char* separator = "";
      for (const auto& item : value.as_list()) out << std::exchange(separator, ",") << item;
      return out << ']';
    }
    case Value::Kind::map: {
      out << '{';
      const char* separator = "";
      for (const auto& [key, item] : value.as_map()) {
        out << std::exchange(separator, ",");
        print_string(out, key);
        out << ':' << item;
      }
      return out << '}';
    }
  }
  return out;
}

}  // namespace iso

#include "json_fault_locator.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace json_parse::detail {

namespace {

std::string byte_name(unsigned char c) {
  if (c >= 0x21 && c < 0x7f) return std::string("'") + static_cast<char>(c) + "'";
  static const char* hex = "0123456789abcdef";
  return std::string("byte 0x") + hex[c >> 4] + hex[c & 15];
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
unsigned hex_value(char c) {
  if (is_digit(c)) return static_cast<unsigned>(c - '0');
  return static_cast<unsigned>((c | 0x20) - 'a' + 10);
}

// A recursive-descent scan with an explicit stack, so hostile nesting cannot overflow ours.
class SyntaxScanner {
 public:
  SyntaxScanner(std::string_view text, std::size_t max_depth)
      : text_(text), max_depth_(max_depth) {}

  std::optional<JsonFault> run() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") {
      return malformed(
          "the text starts with a UTF-8 byte order mark (bytes ef bb bf), which JSON does not "
          "allow; save the file as UTF-8 without BOM");
    }
    skip_space();
    if (at_end()) return JsonFault{JsonProblem::empty, pos_, "the text holds no JSON value"};
    for (;;) {
      if (auto fault = value()) return fault;
      // A value is complete: close containers or move to the next element.
      for (;;) {
        skip_space();
        if (stack_.empty()) {
          if (!at_end()) {
            return malformed("unexpected " + byte_name(peek()) + " after the JSON document");
          }
          return std::nullopt;
        }
        const char open = stack_.back();
        const char close = open == '[' ? ']' : '}';
        if (at_end()) return ends_inside();
        if (peek() == close) {
          ++pos_;
          stack_.pop_back();
          continue;
        }
        if (peek() != ',') {
          return malformed(std::string("expected ',' or '") + close + "', found " +
                           byte_name(peek()));
        }
        ++pos_;
        if (open == '{') {
          if (auto fault = key()) return fault;
        }
        break;
      }
    }
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  void skip_space() {
    while (!at_end() && is_space(peek())) ++pos_;
  }
  JsonFault malformed(std::string detail) const {
    return {JsonProblem::malformed, pos_, std::move(detail)};
  }
  JsonFault ends_inside() const {
    return {JsonProblem::truncated, text_.size(),
            std::string("the text ends inside ") + (stack_.back() == '[' ? "a list" : "an object")};
  }
  std::optional<JsonFault> truncated_here(const char* what) const {
    return JsonFault{JsonProblem::truncated, text_.size(), std::string("the text ends ") + what};
  }

  // Scans `"key" :` and leaves pos_ before the value.
  std::optional<JsonFault> key() {
    skip_space();
    if (at_end()) return ends_inside();
    if (peek() != '"') return malformed("expected a key string, found " + byte_name(peek()));
    if (auto fault = string()) return fault;
    skip_space();
    if (at_end()) return ends_inside();
    if (peek() != ':') return malformed("expected ':' after the key, found " + byte_name(peek()));
    ++pos_;
    return std::nullopt;
  }

  // Scans one value; an opened container is pushed and its first key/element scanned next.
  std::optional<JsonFault> value() {
    for (;;) {
      skip_space();
      if (at_end()) {
        if (stack_.empty()) return truncated_here("where a value should start");
        return ends_inside();
      }
      const char c = peek();
      if (c == '[' || c == '{') {
        if (stack_.size() >= max_depth_) {
          return JsonFault{JsonProblem::too_deep, pos_,
                           "list or object number " + std::to_string(max_depth_ + 1) +
                               " of a nesting opens here; the parser allows " +
                               std::to_string(max_depth_) + " levels"};
        }
        ++pos_;
        stack_.push_back(c);
        skip_space();
        if (at_end()) return ends_inside();
        if (peek() == (c == '[' ? ']' : '}')) {
          ++pos_;
          stack_.pop_back();
          return std::nullopt;
        }
        if (c == '{') {
          if (auto fault = key()) return fault;
        }
        continue;  // the first element or member value
      }
      if (c == '"') return string();
      if (c == '-' || is_digit(c)) return number();
      if (c == 't') return literal("true");
      if (c == 'f') return literal("false");
      if (c == 'n') return literal("null");
      return malformed("expected a value, found " + byte_name(static_cast<unsigned char>(c)));
    }
  }

  std::optional<JsonFault> literal(std::string_view word) {
    const std::string_view rest = text_.substr(pos_, word.size());
    if (rest == word) {
      pos_ += word.size();
      return std::nullopt;
    }
    if (word.substr(0, rest.size()) == rest) return truncated_here("inside a literal");
    return malformed("invalid literal (expected " + std::string(word) + ")");
  }

  std::optional<JsonFault> digits(const char* after) {
    if (at_end()) return truncated_here("inside a number");
    if (!is_digit(peek())) {
      return malformed(std::string("expected a digit ") + after + ", found " + byte_name(peek()));
    }
    while (!at_end() && is_digit(peek())) ++pos_;
    return std::nullopt;
  }

  std::optional<JsonFault> number() {
    const std::size_t start = pos_;
    if (peek() == '-') ++pos_;
    if (!at_end() && peek() == '0') {
      ++pos_;
      if (!at_end() && is_digit(peek())) {
        pos_ = start;
        return malformed("a number may not have leading zeros");
      }
    } else if (auto fault = digits("in the number")) {
      return fault;
    }
    if (!at_end() && peek() == '.') {
      ++pos_;
      if (auto fault = digits("after the decimal point")) return fault;
    }
    if (!at_end() && (peek() == 'e' || peek() == 'E')) {
      ++pos_;
      if (!at_end() && (peek() == '+' || peek() == '-')) ++pos_;
      if (auto fault = digits("in the exponent")) return fault;
    }
    return number_range(start);
  }

  // The parser holds an integer as a 64-bit integer (signed, or unsigned when positive) and any
  // other number as a double; beyond those it fails. (Underflow is no failure: it gives 0.)
  std::optional<JsonFault> number_range(std::size_t start) const {
    const std::string number(text_.substr(start, pos_ - start));
    const char* first = number.data();
    const char* last = first + number.size();
    bool fits = false;
    const char* holder = "a 64-bit integer";
    if (number.find_first_of(".eE") != std::string::npos) {
      holder = "a double";
      fits = std::isfinite(std::strtod(first, nullptr));  // the "C" locale: '.' is the point
    } else if (number.front() == '-') {
      std::int64_t value = 0;
      fits = std::from_chars(first, last, value).ec == std::errc();
    } else {
      std::uint64_t value = 0;
      fits = std::from_chars(first, last, value).ec == std::errc();
    }
    if (fits) return std::nullopt;
    constexpr std::size_t kShown = 40;
    const std::string shown =
        number.size() <= kShown
            ? number
            : number.substr(0, kShown) + "... (" + std::to_string(number.size()) + " characters)";
    return JsonFault{JsonProblem::out_of_range, start,
                     "the number " + shown + " does not fit " + holder};
  }

  std::optional<JsonFault> unicode_escape(unsigned& code) {
    // pos_ is at the 'u'.
    for (int i = 1; i <= 4; ++i) {
      if (pos_ + i >= text_.size()) return truncated_here("inside a \\u escape");
      if (!is_hex(text_[pos_ + i])) {
        pos_ -= 1;
        return malformed("invalid \\u escape (expected 4 hex digits)");
      }
    }
    code = 0;
    for (int i = 1; i <= 4; ++i) code = code * 16 + hex_value(text_[pos_ + i]);
    pos_ += 5;
    return std::nullopt;
  }

  std::optional<JsonFault> string() {
    const std::size_t open = pos_;
    ++pos_;
    for (;;) {
      if (at_end()) {
        return JsonFault{JsonProblem::truncated, open,
                         "the string opened here is never closed (the text ends at byte " +
                             std::to_string(text_.size()) + ")"};
      }
      const auto c = static_cast<unsigned char>(peek());
      if (c == '"') {
        ++pos_;
        return std::nullopt;
      }
      if (c < 0x20)
        return malformed("unescaped control character " + byte_name(c) + " in a string");
      if (c != '\\') {
        ++pos_;
        continue;
      }
      const std::size_t escape = pos_;
      ++pos_;
      if (at_end()) return truncated_here("inside an escape");
      const char e = peek();
      if (e == 'u') {
        unsigned code = 0;
        if (auto fault = unicode_escape(code)) return fault;
        if (code >= 0xDC00 && code <= 0xDFFF) {
          pos_ = escape;
          return malformed("unpaired low surrogate in a \\u escape");
        }
        if (code >= 0xD800 && code <= 0xDBFF) {
          if (pos_ + 1 < text_.size() && text_[pos_] == '\\' && text_[pos_ + 1] == 'u') {
            ++pos_;
            unsigned low = 0;
            if (auto fault = unicode_escape(low)) return fault;
            if (low >= 0xDC00 && low <= 0xDFFF) continue;
          }
          pos_ = escape;
          return malformed("unpaired high surrogate in a \\u escape");
        }
        continue;
      }
      if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' ||
          e == 't') {
        ++pos_;
        continue;
      }
      pos_ = escape;
      // The byte after the backslash is named, never echoed: it may be a NUL or a control.
      const auto after = static_cast<unsigned char>(e);
      return malformed("invalid escape " +
                       (after >= 0x21 && after < 0x7f ? "'\\" + std::string(1, e) + "'"
                                                      : "'\\' + " + byte_name(after)) +
                       " in a string");
    }
  }

  std::string_view text_;
  std::size_t max_depth_;
  std::size_t pos_ = 0;
  std::vector<char> stack_;
};

}  // namespace

std::optional<JsonFault> locate_utf8_fault(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t code = 0;
    std::uint32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
      length = 2, code = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3, code = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4, code = lead & 0x07, minimum = 0x10000;
    } else {
      return JsonFault{JsonProblem::invalid_utf8, i,
                       byte_name(lead) + " cannot start a UTF-8 sequence"};
    }
    for (std::size_t k = 1; k < length; ++k) {
      if (i + k >= n || (bytes[i + k] & 0xC0) != 0x80) {
        return JsonFault{JsonProblem::invalid_utf8, i,
                         "incomplete " + std::to_string(length) + "-byte UTF-8 sequence"};
      }
      code = (code << 6) | (bytes[i + k] & 0x3F);
    }
    if (code < minimum) {
      return JsonFault{JsonProblem::invalid_utf8, i, "overlong UTF-8 sequence"};
    }
    if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
      return JsonFault{JsonProblem::invalid_utf8, i, "UTF-8 sequence encodes no Unicode character"};
    }
    i += length;
  }
  return std::nullopt;
}

std::optional<JsonFault> locate_syntax_fault(std::string_view text, std::size_t max_depth) {
  return SyntaxScanner(text, max_depth).run();
}

}  // namespace json_parse::detail

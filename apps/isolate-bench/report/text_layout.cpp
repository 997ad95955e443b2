#include "report/text_layout.hpp"

#include <sstream>

namespace isolate_bench {

std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0x1b && i + 1 < text.size() && text[i + 1] == '[') {
      // An escape sequence draws nothing: skip to its final letter.
      i += 2;
      while (i < text.size() &&
             !((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z'))) {
        ++i;
      }
      continue;
    }
    if ((c & 0xC0) != 0x80) ++width;
  }
  return width;
}

std::string pad_right(const std::string& text, std::size_t width) {
  const auto used = display_width(text);
  return text + std::string(width > used ? width - used : 0, ' ');
}

std::string pad_left(const std::string& text, std::size_t width) {
  const auto used = display_width(text);
  return std::string(width > used ? width - used : 0, ' ') + text;
}

namespace {

/// One paragraph (no '\n') wrapped; the spaces between words are kept as written (a digest
/// line "hash  file" stays copyable), those where a line breaks are dropped.
std::string wrap_paragraph(const std::string& text, std::size_t width, const std::string& first,
                           const std::string& rest) {
  const std::size_t rest_width = display_width(rest);
  // A word wider than a whole line (a long path) is cut where the line ends.
  const std::size_t room = width > rest_width ? width - rest_width : 1;
  std::string out;
  std::string line = first;
  std::size_t line_width = display_width(first);
  bool line_has_word = false;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t word_start = text.find_first_not_of(' ', at);
    if (word_start == std::string::npos) break;
    const std::string spaces = text.substr(at, word_start - at);
    std::size_t word_end = text.find(' ', word_start);
    if (word_end == std::string::npos) word_end = text.size();
    std::string word = text.substr(word_start, word_end - word_start);
    at = word_end;
    while (display_width(word) > room && word.find('\033') == std::string::npos) {
      std::size_t cut = 0;
      for (std::size_t columns = 0; cut < word.size(); ++cut) {
        if ((static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80) continue;
        if (columns++ == room) break;
      }
      if (line_has_word) {
        out += line + "\n";
        line = rest;
      }
      out += line + word.substr(0, cut) + "\n";
      word = word.substr(cut);
      line = rest;
      line_width = rest_width;
      line_has_word = false;
    }
    if (word.empty()) continue;
    const std::size_t word_width = display_width(word);
    const std::size_t gap = line_has_word ? std::max<std::size_t>(spaces.size(), 1) : 0;
    if (line_has_word && line_width + gap + word_width > width) {
      out += line + "\n";
      line = rest;
      line_width = rest_width;
      line_has_word = false;
    }
    if (line_has_word) {
      line += std::string(gap, ' ');
      line_width += gap;
    }
    line += word;
    line_width += word_width;
    line_has_word = true;
  }
  return out + line + "\n";
}

}  // namespace

std::string wrap(const std::string& text, std::size_t width, const std::string& first,
                 const std::string& rest) {
  std::string out;
  std::size_t start = 0;
  bool first_paragraph = true;
  do {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    out += wrap_paragraph(text.substr(start, end - start), width, first_paragraph ? first : rest,
                          rest);
    first_paragraph = false;
    start = end + 1;
  } while (start < text.size());
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace isolate_bench

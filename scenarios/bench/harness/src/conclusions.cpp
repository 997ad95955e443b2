#include "bench/harness/conclusions.hpp"

#include <algorithm>

namespace bench {

void Conclusions::add(std::size_t set, std::string sentence) {
  if (per_set.size() <= set) per_set.resize(set + 1);
  per_set[set].push_back(std::move(sentence));
}

void Conclusions::add_detail(std::size_t set, std::string sentence) {
  if (details.size() <= set) details.resize(set + 1);
  details[set].push_back(std::move(sentence));
}

std::vector<std::string> Conclusions::all() const {
  std::vector<std::string> sentences;
  for (std::size_t i = 0; i < std::max(per_set.size(), details.size()); ++i) {
    if (i < per_set.size()) sentences.insert(sentences.end(), per_set[i].begin(), per_set[i].end());
    if (i < details.size()) sentences.insert(sentences.end(), details[i].begin(), details[i].end());
  }
  sentences.insert(sentences.end(), run.begin(), run.end());
  return sentences;
}

}  // namespace bench

#include "report/csv_fields.hpp"

#include "report/escaping.hpp"
#include "report/numbers.hpp"

namespace isolate_bench {

void append_csv_row(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += csv_field(fields[i]);
  }
  out += "\r\n";  // RFC 4180 line break
}

std::string join_parameters(const bench::ParameterSet& set) {
  std::string out;
  for (const auto& p : set.parameters) {
    out += (out.empty() ? "" : ";") + p.key + "=" + parameter_text(p.value);
  }
  return out;
}

}  // namespace isolate_bench

#include <fmt/format.h>

#include <stdexcept>
#include <utility>

#include "runners.hpp"

namespace image_compress {

void RunnerBase::check(const std::vector<std::uint8_t>& png) const {
  if (png != point_.reference->png) {
    throw std::runtime_error(fmt::format(
        "image-compress: mode {} made a PNG of {} bytes that differs from the reference ({} "
        "bytes, {} level {})",
        mode_, png.size(), point_.reference->png.size(), codec_name(point_.png.codec),
        point_.png.level));
  }
}

bench::Measurements RunnerBase::finish(CompressTimeline& t, std::vector<std::uint8_t> png) {
  check(png);
  t.raw_bytes = image().raw_bytes();
  t.png_bytes = png.size();
  last_png_ = std::move(png);
  return measurements_of(t);
}

}  // namespace image_compress

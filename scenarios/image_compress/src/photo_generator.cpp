#include "image_compress/photo_generator.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace image_compress {
namespace {

/// SplitMix64: a fast, well-mixed stream; one per image, so the pixels depend on the seed alone.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double between(double low, double high) noexcept { return low + (high - low) * uniform(); }

 private:
  std::uint64_t state_;
};

/// A hard-edged object: a rectangle or an ellipse of its own colour, lit by its own gradient.
struct Shape {
  bool ellipse = false;
  double cx = 0, cy = 0, rx = 0, ry = 0;  // centre and half-extents, in pixels
  double colour[3] = {};
  double shade_x = 0, shade_y = 0;  // colour change across the shape, per half-extent
  int grain = 0;                    // noise mask: +-grain levels (1, 3 or 7)
};

std::uint8_t clamp_byte(double value) noexcept {
  return static_cast<std::uint8_t>(std::clamp(value, 0.0, 255.0) + 0.5);
}

}  // namespace

RgbaImage generate_photo(std::uint32_t width, std::uint32_t height, std::uint64_t seed) {
  if (width == 0 || height == 0) throw std::invalid_argument("generate_photo: a zero dimension");
  Random random(seed);
  RgbaImage image;
  image.width = width;
  image.height = height;
  image.pixels.resize(image.raw_bytes());

  // Smooth light: a vertical sky-to-ground gradient plus slow waves across and down, kept as
  // per-column and per-row tables so the per-pixel work is additions.
  const double top[3] = {random.between(90, 200), random.between(110, 210),
                         random.between(150, 240)};
  const double bottom[3] = {random.between(30, 120), random.between(40, 110),
                            random.between(20, 90)};
  std::vector<double> across(static_cast<std::size_t>(width) * 3);
  std::vector<double> down(static_cast<std::size_t>(height) * 3);
  for (int c = 0; c < 3; ++c) {
    const double waves_x = random.between(1, 4), phase_x = random.between(0, 6.3);
    const double waves_y = random.between(1, 3), phase_y = random.between(0, 6.3);
    for (std::uint32_t x = 0; x < width; ++x) {
      const double t = static_cast<double>(x) / width;
      across[x * 3 + c] = 18 * std::sin(2 * std::numbers::pi * waves_x * t + phase_x);
    }
    for (std::uint32_t y = 0; y < height; ++y) {
      const double t = static_cast<double>(y) / height;
      down[y * 3 + c] = top[c] + (bottom[c] - top[c]) * t +
                        12 * std::sin(2 * std::numbers::pi * waves_y * t + phase_y);
    }
  }

  // Objects with hard edges, scaled to the image so every resolution shows the same scene; the
  // last one drawn over a pixel gives it its colour and texture.
  std::vector<Shape> shapes(24);
  for (auto& shape : shapes) {
    shape.ellipse = random.uniform() < 0.5;
    shape.cx = random.between(0, width);
    shape.cy = random.between(0, height);
    shape.rx = random.between(0.05, 0.3) * width + 1;
    shape.ry = random.between(0.05, 0.3) * height + 1;
    for (double& c : shape.colour) c = random.between(20, 235);
    shape.shade_x = random.between(-30, 30);
    shape.shade_y = random.between(-30, 30);
    shape.grain = (2 << static_cast<int>(random.next() % 3)) - 1;
  }

  // Texture: each object carries noise of its own strength (a triangular distribution of +-1,
  // +-3 or +-7 levels per channel), the part no filter predicts and what keeps the ratio
  // photo-like (about 3x at level 6 for the default seed); the background stays smooth, as sky
  // and walls are.
  std::uint8_t* out = image.pixels.data();
  for (std::uint32_t y = 0; y < height; ++y) {
    for (std::uint32_t x = 0; x < width; ++x, out += 4) {
      double colour[3] = {down[y * 3] + across[x * 3], down[y * 3 + 1] + across[x * 3 + 1],
                          down[y * 3 + 2] + across[x * 3 + 2]};
      int grain = 0;  // the background (sky, wall) is smooth; objects carry the texture
      for (const auto& shape : shapes) {
        const double dx = (x - shape.cx) / shape.rx, dy = (y - shape.cy) / shape.ry;
        const bool inside =
            shape.ellipse ? dx * dx + dy * dy <= 1 : std::abs(dx) <= 1 && std::abs(dy) <= 1;
        if (!inside) continue;
        for (int c = 0; c < 3; ++c) {
          colour[c] = shape.colour[c] + shape.shade_x * dx + shape.shade_y * dy;
        }
        grain = shape.grain;
      }
      const std::uint64_t bits = random.next();
      for (int c = 0; c < 3; ++c) {
        const int noise = static_cast<int>((bits >> (c * 8)) & grain) +
                          static_cast<int>((bits >> (c * 8 + 24)) & grain) - grain;
        out[c] = clamp_byte(colour[c] + noise);
      }
      out[3] = 255;
    }
  }
  return image;
}

}  // namespace image_compress

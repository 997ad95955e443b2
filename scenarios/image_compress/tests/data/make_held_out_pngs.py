#!/usr/bin/python3
"""Writes the held-out PNG files the image-compress tests decode, with Pillow (Debian's
python3-pil), a different encoder from the scenario's own. Run once; the files are committed.

  photo_rgba.png    61x41 8-bit RGBA: shapes, a gradient, noise and varying transparency
  photo_rgba.rgba   its pixels as raw RGBA8, rows top to bottom: what decoding must give
  palette.png       19x7 8-bit palette image (PNG colour type 3)
  palette.rgba      its pixels as raw RGBA8
  gray16.png        16x4 16-bit greyscale: the left half 0, the right half 65535
"""
import os
import random

from PIL import Image, ImageDraw

here = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261130)

photo = Image.new("RGBA", (61, 41))
for y in range(41):
    for x in range(61):
        photo.putpixel((x, y), (x * 4 + rng.randint(0, 9), y * 6, 200 - x * 2, 255 - (x * y) % 97))
draw = ImageDraw.Draw(photo)
draw.ellipse((10, 5, 35, 30), fill=(250, 40, 20, 255))
draw.rectangle((40, 20, 58, 38), fill=(10, 90, 240, 128))
photo.save(os.path.join(here, "photo_rgba.png"))
with open(os.path.join(here, "photo_rgba.rgba"), "wb") as f:
    f.write(photo.tobytes())

palette = Image.new("P", (19, 7))
palette.putpalette([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255])
for y in range(7):
    for x in range(19):
        palette.putpixel((x, y), (x + y) % 5)
palette.save(os.path.join(here, "palette.png"))
with open(os.path.join(here, "palette.rgba"), "wb") as f:
    f.write(palette.convert("RGBA").tobytes())

gray = Image.new("I;16", (16, 4))
for y in range(4):
    for x in range(16):
        gray.putpixel((x, y), 0 if x < 8 else 65535)
gray.save(os.path.join(here, "gray16.png"))

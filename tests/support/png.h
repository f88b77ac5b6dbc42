// Just enough PNG to read Chromium's screenshots (8-bit RGB or RGBA, not interlaced) and
// count the pixels of a colour. zlib inflates the image data; the rest is done here.
#pragma once
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace lc::test {

struct Image {
  int width = 0, height = 0;
  std::vector<uint8_t> rgb;  // 3 bytes a pixel, rows top to bottom

  const uint8_t* at(int x, int y) const { return &rgb[(size_t(y) * width + x) * 3]; }
  bool is(int x, int y, uint32_t colour) const {
    const uint8_t* p = at(x, y);
    return p[0] == ((colour >> 16) & 0xFF) && p[1] == ((colour >> 8) & 0xFF) && p[2] == (colour & 0xFF);
  }
};

namespace png_detail {

inline uint32_t be32(const uint8_t* p) { return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3]; }

inline uint8_t paeth(int a, int b, int c) {
  int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  return static_cast<uint8_t>((pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c));
}

// Undoes the per-row filters (PNG spec, section 9) in place.
inline bool unfilter(std::vector<uint8_t>& data, int width, int height, int bpp) {
  const size_t stride = size_t(width) * bpp;
  for (int y = 0; y < height; ++y) {
    uint8_t* row = &data[y * (stride + 1)];
    const uint8_t* prev = y ? &data[(y - 1) * (stride + 1) + 1] : nullptr;
    uint8_t filter = row[0];
    uint8_t* px = row + 1;
    for (size_t i = 0; i < stride; ++i) {
      int a = i >= size_t(bpp) ? px[i - bpp] : 0, b = prev ? prev[i] : 0, c = (prev && i >= size_t(bpp)) ? prev[i - bpp] : 0;
      switch (filter) {
        case 0: break;
        case 1: px[i] = uint8_t(px[i] + a); break;
        case 2: px[i] = uint8_t(px[i] + b); break;
        case 3: px[i] = uint8_t(px[i] + (a + b) / 2); break;
        case 4: px[i] = uint8_t(px[i] + paeth(a, b, c)); break;
        default: return false;
      }
    }
  }
  return true;
}

}  // namespace png_detail

// Reads `path`; false with a reason in `error` for anything this reader does not handle.
inline bool readPng(const std::string& path, Image& out, std::string& error) {
  using namespace png_detail;
  auto fail = [&](std::string why) {
    error = std::move(why);
    return false;
  };
  std::ifstream in(path, std::ios::binary);
  std::vector<uint8_t> file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  static const uint8_t kSignature[8] = {137, 80, 78, 71, 13, 10, 26, 10};
  if (file.size() < 8 || !std::equal(kSignature, kSignature + 8, file.begin())) return fail("not a PNG file");
  int bpp = 0;
  std::vector<uint8_t> idat;
  for (size_t at = 8; at + 12 <= file.size();) {
    uint32_t length = be32(&file[at]);
    std::string type(file.begin() + at + 4, file.begin() + at + 8);
    if (at + 12 + length > file.size()) return fail("truncated chunk " + type);
    const uint8_t* data = &file[at + 8];
    if (type == "IHDR") {
      out.width = int(be32(data));
      out.height = int(be32(data + 4));
      if (data[8] != 8 || (data[9] != 2 && data[9] != 6) || data[12] != 0)
        return fail("only 8-bit RGB/RGBA, non-interlaced PNGs are read here");
      bpp = data[9] == 6 ? 4 : 3;
    } else if (type == "IDAT") {
      idat.insert(idat.end(), data, data + length);
    }
    at += 12 + length;
  }
  if (!bpp || idat.empty()) return fail("no image data");
  std::vector<uint8_t> raw(size_t(out.height) * (size_t(out.width) * bpp + 1));
  uLongf rawSize = raw.size();
  if (uncompress(raw.data(), &rawSize, idat.data(), idat.size()) != Z_OK || rawSize != raw.size())
    return fail("the image data does not inflate");
  if (!unfilter(raw, out.width, out.height, bpp)) return fail("unknown row filter");
  out.rgb.resize(size_t(out.width) * out.height * 3);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x)
      for (int k = 0; k < 3; ++k)
        out.rgb[(size_t(y) * out.width + x) * 3 + k] = raw[y * (size_t(out.width) * bpp + 1) + 1 + size_t(x) * bpp + k];
  return true;
}

// Lengths of the horizontal runs of `colour` in each row (a bar chart's bars).
inline std::vector<int> colourRuns(const Image& img, uint32_t colour) {
  std::vector<int> runs;
  for (int y = 0; y < img.height; ++y) {
    int run = 0;
    for (int x = 0; x <= img.width; ++x) {
      if (x < img.width && img.is(x, y, colour)) { ++run; continue; }
      if (run) runs.push_back(run);
      run = 0;
    }
  }
  return runs;
}

}  // namespace lc::test

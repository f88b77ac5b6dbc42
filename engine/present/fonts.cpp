#include "present/fonts.h"

#include <SDL.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace lc::present {
namespace {

// Faces, by index into Fonts::files_. Dyslexic faces follow the regular ones.
enum Face { Serif, SerifBold, Sans, SansBold, Dyslexic, DyslexicBold, FaceCount };

const char* const kFaceFiles[FaceCount] = {
    "fonts/dejavu/DejaVuSerif.ttf",        "fonts/dejavu/DejaVuSerif-Bold.ttf",
    "fonts/dejavu/DejaVuSans.ttf",         "fonts/dejavu/DejaVuSans-Bold.ttf",
    "fonts/opendyslexic/OpenDyslexic-Regular.otf", "fonts/opendyslexic/OpenDyslexic-Bold.otf"};

// The same faces as installed by Debian, used when the bundled copies are missing.
const char* const kSystemFiles[FaceCount] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/opentype/opendyslexic/OpenDyslexic-Regular.otf",
    "/usr/share/fonts/opentype/opendyslexic/OpenDyslexic-Bold.otf"};

bool readFile(const std::string& path, std::vector<unsigned char>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !out.empty();
}

bool isDir(const std::string& path) {
  std::ifstream probe(path + "/fonts/dejavu/DejaVuSerif.ttf", std::ios::binary);
  return static_cast<bool>(probe);
}

}  // namespace

std::string findAssetsDir() {
  if (const char* env = std::getenv("LOSTCORNER_ASSETS"); env && *env) return env;
  std::string base;
  if (char* p = SDL_GetBasePath()) {
    base = p;
    SDL_free(p);
  }
  for (const std::string& candidate :
       {base + "assets", base + "../assets", base + "../share/lostcorner/assets"})
    if (!base.empty() && isDir(candidate)) return candidate;
#ifdef LC_ASSETS_DIR
  if (isDir(LC_ASSETS_DIR)) return LC_ASSETS_DIR;
#endif
  return "assets";
}

Fonts::~Fonts() {
  for (auto& [key, font] : open_) TTF_CloseFont(font);
}

bool Fonts::open(const std::string& assetsDir, std::string& error) {
  files_.assign(FaceCount, {});
  for (int face = 0; face < FaceCount; ++face)
    if (!readFile(assetsDir + "/" + kFaceFiles[face], files_[face]))
      readFile(kSystemFiles[face], files_[face]);
  // Text needs at least the serif face; every other face falls back to it.
  if (files_[Serif].empty()) {
    error = "no font found: expected " + assetsDir + "/" + kFaceFiles[Serif];
    return false;
  }
  for (int face = 0; face < FaceCount; ++face)
    if (files_[face].empty()) files_[face] = files_[face == Dyslexic ? Sans : Serif];
  return true;
}

int Fonts::faceOf(FontRole role) const {
  if (dyslexic_) return role == FontRole::Heading || role == FontRole::UiBold ? DyslexicBold : Dyslexic;
  switch (role) {
    case FontRole::Body: return Serif;
    case FontRole::Heading: return SerifBold;
    case FontRole::Ui: return Sans;
    case FontRole::UiBold: return SansBold;
  }
  return Serif;
}

TTF_Font* Fonts::get(FontRole role, int pixels) {
  const int face = faceOf(role);
  const auto key = std::make_pair(face, pixels);
  if (auto it = open_.find(key); it != open_.end()) return it->second;
  const auto& bytes = files_.at(face);
  SDL_RWops* rw = SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size()));
  TTF_Font* font = TTF_OpenFontRW(rw, 1, pixels);
  if (!font) {
    // A face that cannot be opened at all falls back to the first one (checked in open()).
    if (face == Serif) return nullptr;
    SDL_Log("font face %d could not be opened: %s", face, TTF_GetError());
    files_[face] = files_[Serif];
    return get(role, pixels);
  }
  TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
  open_[key] = font;
  return font;
}

void Fonts::setDyslexic(bool on) {
  if (on == dyslexic_) return;
  dyslexic_ = on;
  ++generation_;
}

}  // namespace lc::present

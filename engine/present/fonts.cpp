#include "present/fonts.h"

#include <SDL.h>

#include <cstdlib>
#include <fstream>

namespace lc::present {
namespace {

// Faces, by index into Fonts::files_. Dyslexic faces follow the regular ones.
enum Face { Serif, SerifBold, Sans, SansBold, Dyslexic, DyslexicBold, Cjk, Devanagari, FaceCount };

// The fallback chain after the role's face (see font_chain.h): DejaVu Sans has the
// symbols (arrows, triangles), Hebrew and Arabic; Droid Sans Fallback is the most compact
// free face with the common Chinese, Japanese and Korean characters (3.4 MB against
// Noto CJK's 16+ MB per weight; bundled cut to everyday characters, 1.4 MB, by
// tools/fonts/cjk-subset.py, so the web page stays small); Lohit Devanagari is 150 KB.
const int kFallbackFaces[Fonts::kFallbacks] = {Sans, Cjk, Devanagari};

const char* const kFaceFiles[FaceCount] = {
    "fonts/dejavu/DejaVuSerif.ttf",        "fonts/dejavu/DejaVuSerif-Bold.ttf",
    "fonts/dejavu/DejaVuSans.ttf",         "fonts/dejavu/DejaVuSans-Bold.ttf",
    "fonts/opendyslexic/OpenDyslexic-Regular.otf", "fonts/opendyslexic/OpenDyslexic-Bold.otf",
    "fonts/droid/DroidSansFallback-Common.ttf", "fonts/lohit-devanagari/Lohit-Devanagari.ttf"};

// The same faces as installed by Debian, used when the bundled copies are missing.
const char* const kSystemFiles[FaceCount] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/opentype/opendyslexic/OpenDyslexic-Regular.otf",
    "/usr/share/fonts/opentype/opendyslexic/OpenDyslexic-Bold.otf",
    "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf",
    "/usr/share/fonts/truetype/lohit-devanagari/Lohit-Devanagari.ttf"};

bool readFile(const std::string& path, std::vector<unsigned char>& out) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  const std::streamoff size = in.tellg();
  if (size <= 0) return false;
  out.resize(static_cast<size_t>(size));
  in.seekg(0);
  return static_cast<bool>(in.read(reinterpret_cast<char*>(out.data()), size));
}

bool hasFonts(const std::string& assetsDir) {
  std::ifstream probe(assetsDir + "/" + kFaceFiles[Serif], std::ios::binary);
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
    if (!base.empty() && hasFonts(candidate)) return candidate;
#ifdef LC_ASSETS_DIR
  if (hasFonts(LC_ASSETS_DIR)) return LC_ASSETS_DIR;
#endif
  return "assets";
}

Fonts::~Fonts() {
  for (auto& [key, font] : open_) TTF_CloseFont(font);
}

bool Fonts::open(const std::string& assetsDir, std::string& error, bool systemFonts) {
  assetsDir_ = assetsDir;
  systemFonts_ = systemFonts;
  files_.assign(FaceCount, {});
  // Text needs at least the serif face; the other faces are read when first used
  // (each falls back to this one), which keeps start-up short.
  if (!loadFace(Serif)) {
    error = "no font found: expected " + assetsDir + "/" + kFaceFiles[Serif];
    return false;
  }
  return true;
}

bool Fonts::loadFace(int face) {
  if (!files_[face].empty()) return true;
  if (readFile(assetsDir_ + "/" + kFaceFiles[face], files_[face]) ||
      (systemFonts_ && readFile(kSystemFiles[face], files_[face])))
    return true;
  if (face == Serif) return false;
  if (face == Cjk || face == Devanagari) return false;  // a fallback nobody has: left out
  // A missing face borrows another: a bold face its regular one, emboldened by SDL_ttf (the
  // web page leaves DejaVu Sans Bold out to stay small), others the serif.
  const bool bold = face == SerifBold || face == SansBold || face == DyslexicBold;
  const int standIn = bold ? face - 1 : Serif;  // each bold face follows its regular one
  if (bold) emboldened_.insert(face);
  loadFace(standIn);
  files_[face] = files_[standIn];
  return !files_[face].empty();
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

TTF_Font* Fonts::get(FontRole role, int pixels) { return openFace(faceOf(role), pixels); }

TTF_Font* Fonts::fallback(int index, int pixels) {
  const int face = kFallbackFaces[index];
  if (missing_.count(face)) return nullptr;
  if (!loadFace(face)) {
    missing_.insert(face);
    return nullptr;
  }
  return openFace(face, pixels);
}

TTF_Font* Fonts::openFace(int face, int pixels) {
  const auto key = std::make_pair(face, pixels);
  if (auto it = open_.find(key); it != open_.end()) return it->second;
  loadFace(face);
  // The bytes stay in files_ for as long as the fonts opened from them.
  auto openFrom = [pixels](const std::vector<unsigned char>& bytes) {
    return TTF_OpenFontRW(SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size())), 1, pixels);
  };
  TTF_Font* font = openFrom(files_.at(face));
  if (!font && face != Serif) {
    SDL_Log("font face %d cannot be opened (%s); using the serif face", face, TTF_GetError());
    font = openFrom(files_.at(Serif));
  }
  if (!font) return nullptr;
  TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
  if (emboldened_.count(face)) TTF_SetFontStyle(font, TTF_STYLE_BOLD);
  open_[key] = font;
  return font;
}

void Fonts::setDyslexic(bool on) {
  if (on == dyslexic_) return;
  dyslexic_ = on;
  ++generation_;
}

}  // namespace lc::present

#include "present/fonts.h"

#include <SDL.h>

#include <cstdint>
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

uint32_t bigEndian(const std::vector<unsigned char>& b, size_t at, int bytes) {
  uint32_t v = 0;
  for (int i = 0; i < bytes; ++i) v = v << 8 | b[at + static_cast<size_t>(i)];
  return v;
}

// Why `bytes` is not a font SDL_ttf can draw with ("" when it is). A truncated file can
// open and then draw nothing (its glyphs are cut off), so the table directory is checked
// against the file's length; garbage does not open, or has no glyph for "Ag".
std::string fontProblem(const std::vector<unsigned char>& bytes) {
  if (bytes.size() < 12) return "it is too short to be a font";
  const uint32_t tables = bigEndian(bytes, 4, 2);
  if (tables == 0 || 12 + 16 * size_t{tables} > bytes.size()) return "it is not a font, or it is cut short";
  for (uint32_t i = 0; i < tables; ++i) {
    const size_t record = 12 + 16 * size_t{i};
    const uint64_t end = uint64_t{bigEndian(bytes, record + 8, 4)} + bigEndian(bytes, record + 12, 4);
    if (end > bytes.size())
      return "it is cut short (" + std::to_string(bytes.size()) + " bytes, its tables need " + std::to_string(end) +
             ")";
  }
  TTF_Font* font = TTF_OpenFontRW(SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size())), 1, 16);
  if (!font) return std::string("it is not a font SDL_ttf can read (") + TTF_GetError() + ")";
  int w = 0, h = 0;
  const bool draws = TTF_SizeUTF8(font, "Ag", &w, &h) == 0 && w > 0;
  TTF_CloseFont(font);
  return draws ? "" : "its letters cannot be drawn";
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
  problems_.clear();
  damaged_.clear();
  if (!loadFace(Serif)) {
    error = damaged_.empty() ? "no font found: expected " + assetsDir + "/" + kFaceFiles[Serif] : damaged_;
    return false;
  }
  return true;
}

bool Fonts::readFace(int face) {
  const std::string bundled = assetsDir_ + "/" + kFaceFiles[face];
  if (readFile(bundled, files_[face])) {
    const std::string why = fontProblem(files_[face]);
    if (why.empty()) return true;
    files_[face].clear();
    const std::string what = "The font file " + bundled + " is damaged: " + why + ".";
    const bool system = systemFonts_ && readFile(kSystemFiles[face], files_[face]) && fontProblem(files_[face]).empty();
    if (!system) files_[face].clear();
    if (face == Serif && !system)
      damaged_ = what + " Reinstall Lost Corner, or put a good copy of " + kFaceFiles[face] + " in " + assetsDir_ +
                 (systemFonts_ ? std::string(" (or install fonts-dejavu-core, for ") + kSystemFiles[face] + ")" : "") +
                 ".";
    problems_.push_back(what + (system
                                    ? std::string(" Using ") + kSystemFiles[face] + " instead."
                                    : std::string(" Another face stands in; reinstall Lost Corner to get it back.")));
    SDL_Log("%s", problems_.back().c_str());
    return system;
  }
  return systemFonts_ && readFile(kSystemFiles[face], files_[face]) && fontProblem(files_[face]).empty();
}

bool Fonts::loadFace(int face) {
  if (!files_[face].empty()) return true;
  if (readFace(face)) return true;
  files_[face].clear();
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

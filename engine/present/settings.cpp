#include "present/settings.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "load/save_store.h"
#include "load/yaml_tree.h"

namespace lc::present {
namespace {

constexpr TextSpeed kSpeeds[] = {TextSpeed::Slow, TextSpeed::Normal, TextSpeed::Fast,
                                 TextSpeed::Instant};

std::string at(const yaml::Node& node) {
  return std::to_string(node.pos.line) + ":" + std::to_string(node.pos.col);
}

// Each reader takes the value node, sets the field when it is valid, and otherwise
// returns what is wrong (the field keeps its default).
std::string readBool(const yaml::Node& v, bool& out) {
  if (v.isScalar()) {
    const std::string& t = v.text;
    if (t == "true" || t == "True" || t == "TRUE") return out = true, "";
    if (t == "false" || t == "False" || t == "FALSE") return out = false, "";
  }
  return "expected true or false";
}

std::string readInt(const yaml::Node& v, int lo, int hi, int& out) {
  if (!v.isScalar() || v.text.empty()) return "expected a number";
  char* end = nullptr;
  const long n = std::strtol(v.text.c_str(), &end, 10);
  if (*end != '\0') return "expected a number";
  out = static_cast<int>(std::clamp<long>(n, lo, hi));
  return "";
}

std::string readSpeed(const yaml::Node& v, TextSpeed& out) {
  for (TextSpeed s : kSpeeds)
    if (v.isScalar() && v.text == textSpeedKey(s)) return out = s, "";
  return "expected slow, normal, fast or instant";
}

std::string readTheme(const yaml::Node& v, ThemeId& out) {
  if (auto id = v.isScalar() ? parseTheme(v.text) : std::nullopt) return out = *id, "";
  return "expected paper, dark or high-contrast";
}

std::string readField(const std::string& key, const yaml::Node& v, Settings& s) {
  if (key == "text_speed") return readSpeed(v, s.textSpeed);
  if (key == "master_volume") return readInt(v, 0, 100, s.masterVolume);
  if (key == "music_volume") return readInt(v, 0, 100, s.musicVolume);
  if (key == "sound_volume") return readInt(v, 0, 100, s.soundVolume);
  if (key == "font_size") return readInt(v, kMinFontSize, kMaxFontSize, s.fontSize);
  if (key == "theme") return readTheme(v, s.theme);
  if (key == "dyslexia_font") return readBool(v, s.dyslexiaFont);
  if (key == "reduced_motion") return readBool(v, s.reducedMotion);
  if (key == "captions") return readBool(v, s.captions);
  if (key == "self_voicing") return readBool(v, s.selfVoicing);
  if (key == "fullscreen") return readBool(v, s.fullscreen);
  if (key == "content_notes") return readBool(v, s.contentNotes);
  if (key == "projector") return readBool(v, s.projector);
  if (key == "projector_theme") {
    if (v.isScalar() && (v.text == "dark" || v.text == "light")) return s.projectorLight = v.text == "light", "";
    return "expected dark or light";
  }
  return "unknown setting (ignored)";
}

}  // namespace

SettingsRead parseSettings(const std::string& text) {
  SettingsRead out;
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return out;  // empty: defaults
  yaml::Document doc = yaml::parse(text);
  if (!doc.problems.empty() || !doc.root || doc.root->kind != yaml::Kind::Map) {
    std::string why = "it is not a map of settings";
    if (!doc.problems.empty()) {
      const auto& p = doc.problems.front();
      why = std::to_string(p.pos.line) + ":" + std::to_string(p.pos.col) + ": " + p.message;
    }
    out.notices.push_back("settings.yaml could not be read (" + why + "); using the defaults.");
    return out;
  }
  for (const auto& [key, value] : doc.root->entries) {
    const std::string problem = readField(key->text, *value, out.settings);
    if (!problem.empty())
      out.notices.push_back("settings.yaml:" + at(*value) + ": " + key->text + ": " + problem);
  }
  return out;
}

std::string formatSettings(const Settings& s) {
  auto flag = [](bool b) { return b ? "true" : "false"; };
  std::ostringstream out;
  out << "# Lost Corner settings (written by the game; edit while it is closed)\n"
      << "text_speed: " << textSpeedKey(s.textSpeed) << "      # slow, normal, fast, instant\n"
      << "master_volume: " << s.masterVolume << "   # 0..100\n"
      << "music_volume: " << s.musicVolume << "\n"
      << "sound_volume: " << s.soundVolume << "\n"
      << "font_size: " << s.fontSize << "         # pixels at 720 lines, " << kMinFontSize
      << ".." << kMaxFontSize << "\n"
      << "theme: " << themeKey(s.theme) << "          # paper, dark, high-contrast\n"
      << "dyslexia_font: " << flag(s.dyslexiaFont) << "\n"
      << "reduced_motion: " << flag(s.reducedMotion) << "\n"
      << "captions: " << flag(s.captions) << "\n"
      << "self_voicing: " << flag(s.selfVoicing) << "\n"
      << "fullscreen: " << flag(s.fullscreen) << "\n"
      << "content_notes: " << flag(s.contentNotes) << "\n"
      << "projector: " << flag(s.projector) << "\n"
      << "projector_theme: " << (s.projectorLight ? "light" : "dark") << "   # dark, light (for glare)\n";
  return out.str();
}

namespace {
const char* const kSettingsName = "settings.yaml";
constexpr size_t kSettingsMaxBytes = 64 * 1024;  // a few hundred bytes when written by us
}  // namespace

SettingsRead loadSettings(const Storage& config) {
  std::string error;
  std::optional<std::string> bytes = config.read(kSettingsName, error);
  if (!bytes && error.empty()) return {};  // none yet
  if (!bytes) return {Settings{}, {"settings.yaml could not be read (" + error + "); using the defaults."}};
  if (bytes->size() > kSettingsMaxBytes)
    return {Settings{}, {"settings.yaml could not be read (larger than 64 KB); using the defaults."}};
  return parseSettings(*bytes);
}

bool saveSettings(Storage& config, const Settings& settings, std::string& error) {
  return config.write(kSettingsName, formatSettings(settings), error);
}

double charsPerSecond(TextSpeed speed) {
  switch (speed) {
    case TextSpeed::Slow: return 25;
    case TextSpeed::Normal: return 55;
    case TextSpeed::Fast: return 120;
    case TextSpeed::Instant: return 0;
  }
  return 0;
}

const char* textSpeedKey(TextSpeed speed) {
  switch (speed) {
    case TextSpeed::Slow: return "slow";
    case TextSpeed::Normal: return "normal";
    case TextSpeed::Fast: return "fast";
    case TextSpeed::Instant: return "instant";
  }
  return "normal";
}

const char* textSpeedLabel(TextSpeed speed) {
  switch (speed) {
    case TextSpeed::Slow: return "Slow";
    case TextSpeed::Normal: return "Normal";
    case TextSpeed::Fast: return "Fast";
    case TextSpeed::Instant: return "Instant";
  }
  return "Normal";
}

}  // namespace lc::present

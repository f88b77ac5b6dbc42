// Settings: each row shows its value; Enter or a click moves to the next value, Left and
// Right step through them; the volume rows are sliders (a click sets the value there). Changes apply at once and are written to settings.yaml.
#include <algorithm>
#include <cmath>
#include <iterator>

#include "present/screen.h"
#include "present/widgets.h"

namespace lc::present {
namespace {

enum Row {
  kSpeed, kFontSize, kTheme, kDyslexia, kReducedMotion, kCaptions, kVoicing, kFullscreen,
  kContentNotes, kProjector, kMaster, kMusic, kSound, kBack, kRowCount
};

const char* onOff(bool b) { return b ? "On" : "Off"; }

// Projector mode is one row of three values: off, dark (white on black), light (for glare).
const char* projectorLabel(const Settings& st) {
  return !st.projector ? "Off" : st.projectorLight ? "On, light (for glare)" : "On, dark";
}

void stepProjector(Settings& st, int step) {
  const int now = !st.projector ? 0 : st.projectorLight ? 2 : 1;
  const int next = (now + step + 3) % 3;
  st.projector = next != 0;
  if (next != 0) st.projectorLight = next == 2;
}

template <typename T, size_t N>
T stepIn(const T (&values)[N], T current, int step) {
  const auto it = std::find(std::begin(values), std::end(values), current);
  const int i = it == std::end(values) ? 0 : static_cast<int>(it - std::begin(values));
  return values[(i + step + static_cast<int>(N)) % static_cast<int>(N)];
}

class SettingsScreen : public Screen {
 public:
  explicit SettingsScreen(Services& s) : s_(s) {
    refresh();
    s_.speak("Settings.");
  }
  const ButtonList* buttonList() const override { return &list_; }
  const char* name() const override { return "settings"; }

  void handle(const Input& in) override {
    if ((in.action == Action::Left || in.action == Action::Right) && list_.focus >= 0 &&
        list_.focus != kBack)
      return change(list_.focus, in.action == Action::Left ? -1 : +1);
    if (in.action == Action::Click && isVolume(list_.hit(in.x, in.y))) return setVolumeAt(list_.hit(in.x, in.y), in.x);
    int index = -1;
    if (list_.handle(in, index) == ButtonList::Result::Activated) {
      if (index == kBack) return s_.nav.pop();
      return change(index, +1);
    }
    if (auto label = list_.takeFocusChange()) s_.speak(*label);
    if (in.action == Action::Cancel || in.action == Action::Menu) s_.nav.pop();
  }

  void draw(Canvas& canvas) override {
    canvas.clear();
    const int width = std::min(canvas.width() - canvas.px(60), canvas.px(1000));
    canvas.centred("Settings", FontRole::UiBold, canvas.uiPixels(26), canvas.theme().accent, canvas.px(18));
    list_.layoutGrid(canvas, (canvas.width() - width) / 2, canvas.px(76), width, 2, 18, 8);
    list_.draw(canvas, 18);
    for (int row : {kMaster, kMusic, kSound}) drawSlider(canvas, row);
  }

 private:
  std::string label(int row) const {
    const Settings& st = s_.settings;
    switch (row) {
      case kSpeed: return std::string("Text speed: ") + textSpeedLabel(st.textSpeed);
      case kFontSize: return "Text size: " + std::to_string(st.fontSize);
      case kTheme: return std::string("Theme: ") + themeLabel(st.theme);
      case kDyslexia: return std::string("Dyslexia-friendly font: ") + onOff(st.dyslexiaFont);
      case kReducedMotion: return std::string("Reduced motion: ") + onOff(st.reducedMotion);
      case kCaptions: return std::string("Captions for sounds: ") + onOff(st.captions);
      case kVoicing:
        return std::string("Self-voicing: ") + onOff(st.selfVoicing) +
               (s_.voice.available() ? "" : " (needs espeak-ng)");
      case kFullscreen: return std::string("Fullscreen (F11): ") + onOff(st.fullscreen);
      case kContentNotes: return std::string("Content notes: ") + onOff(st.contentNotes);
      case kProjector: return std::string("Projector mode: ") + projectorLabel(st);
      case kMaster: return "Volume: " + std::to_string(st.masterVolume) + "%";
      case kMusic: return "Music volume: " + std::to_string(st.musicVolume) + "%";
      case kSound: return "Sound volume: " + std::to_string(st.soundVolume) + "%";
      default: return "Back";
    }
  }

  void refresh() {
    const int focus = list_.focus, hover = list_.hover;
    list_.clear();
    list_.enterFocuses = true;
    for (int row = 0; row < kRowCount; ++row) list_.add(label(row));
    list_.focus = focus;
    list_.hover = hover;
  }

  static void stepVolume(int& v, int step) { v = std::clamp(v + 10 * step, 0, 100); }
  static bool isVolume(int row) { return row == kMaster || row == kMusic || row == kSound; }
  int& volumeOf(int row) {
    Settings& st = s_.settings;
    return row == kMaster ? st.masterVolume : row == kMusic ? st.musicVolume : st.soundVolume;
  }

  // A volume row is a slider: a click sets the volume where it lands (left edge silent,
  // right edge full), in steps of 10 like the arrow keys.
  void setVolumeAt(int row, int x) {
    const SDL_Rect r = list_.buttons[row].rect;
    const double at = std::clamp((x - r.x) / static_cast<double>(std::max(1, r.w)), 0.0, 1.0);
    volumeOf(row) = static_cast<int>(std::lround(at * 10)) * 10;
    list_.focus = row;
    s_.nav.settingsChanged();
    refresh();
    s_.speak(label(row));
  }

  void drawSlider(Canvas& canvas, int row) {
    const SDL_Rect r = list_.buttons[row].rect;
    const int h = std::max(2, canvas.px(4));
    const SDL_Rect track{r.x + canvas.px(8), r.y + r.h - h - canvas.px(4), r.w - 2 * canvas.px(8), h};
    canvas.fill(track, canvas.theme().dim);
    canvas.fill({track.x, track.y, track.w * volumeOf(row) / 100, h}, canvas.theme().accent);
  }

  void change(int row, int step) {
    Settings& st = s_.settings;
    static constexpr TextSpeed speeds[] = {TextSpeed::Slow, TextSpeed::Normal, TextSpeed::Fast, TextSpeed::Instant};
    static constexpr ThemeId themes[] = {ThemeId::Paper, ThemeId::Dark, ThemeId::HighContrast};
    switch (row) {
      case kSpeed: st.textSpeed = stepIn(speeds, st.textSpeed, step); break;
      case kFontSize: st.fontSize = stepIn(kFontSizes, st.fontSize, step); break;
      case kTheme: st.theme = stepIn(themes, st.theme, step); break;
      case kDyslexia: st.dyslexiaFont = !st.dyslexiaFont; break;
      case kReducedMotion: st.reducedMotion = !st.reducedMotion; break;
      case kCaptions: st.captions = !st.captions; break;
      case kVoicing: st.selfVoicing = !st.selfVoicing; break;
      case kFullscreen: st.fullscreen = !st.fullscreen; break;
      case kContentNotes: st.contentNotes = !st.contentNotes; break;
      case kProjector: stepProjector(st, step); break;
      case kMaster: stepVolume(st.masterVolume, step); break;
      case kMusic: stepVolume(st.musicVolume, step); break;
      case kSound: stepVolume(st.soundVolume, step); break;
      default: return;
    }
    s_.nav.settingsChanged();
    refresh();
    s_.speak(label(row));
  }

  Services& s_;
  ButtonList list_;
};

}  // namespace

std::unique_ptr<Screen> makeSettingsScreen(Services& s) { return std::make_unique<SettingsScreen>(s); }

}  // namespace lc::present

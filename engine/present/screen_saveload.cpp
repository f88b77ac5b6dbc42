// Save and load: quick save, autosave and nine slots, each showing chapter, scene title,
// date and a line of the text. Saving over a slot and loading over unsaved progress ask
// first. The autosave is written on entering each scene and can only be loaded.
#include <algorithm>

#include "present/screen.h"
#include "present/widgets.h"

namespace lc::present {
namespace {

class SaveLoadScreen : public Screen {
 public:
  SaveLoadScreen(Services& s, SlotMode mode) : s_(s), mode_(mode) {
    refresh();
    s_.speak(mode == SlotMode::Save ? "Save." : "Load.");
  }
  const ButtonList* buttonList() const override { return &list_; }
  const char* name() const override { return mode_ == SlotMode::Save ? "save" : "load"; }
  void resumed() override { refresh(); }

  void handle(const Input& in) override {
    int index = -1;
    if (list_.handle(in, index) == ButtonList::Result::Activated) return activate(index);
    if (auto label = list_.takeFocusChange()) s_.speak(*label);
    if (in.action == Action::Cancel || in.action == Action::Menu) s_.nav.pop();
  }

  void draw(Canvas& canvas) override {
    canvas.clear();
    const int width = std::min(canvas.width() - canvas.px(60), canvas.px(1180));
    const int headingBottom = canvas.px(18) + canvas.centred(mode_ == SlotMode::Save ? "Save" : "Load", FontRole::UiBold,
                                                             canvas.uiPixels(26), canvas.theme().accent, canvas.px(18));
    const int top = std::max(canvas.px(72), headingBottom + canvas.px(10));
    // Twelve slots must fit below the heading: with the largest text (or the dyslexia
    // font's tall lines) the slots' text steps down until they do.
    double size = 17;
    while (size > 11 && list_.layoutGrid(canvas, 0, top, width, 2, size, 8) > canvas.height() - canvas.px(8)) size -= 1;
    list_.layoutGrid(canvas, (canvas.width() - width) / 2, top, width, 2, size, 8);
    list_.draw(canvas, size);
  }

 private:
  void refresh() {
    const int focus = list_.focus;
    slots_ = s_.session->slots();
    list_.clear();
    list_.enterFocuses = true;
    for (const SlotView& v : slots_) list_.add(title(v), detail(v), enabled(v));
    list_.add("Back");
    list_.focus = focus;
  }

  bool enabled(const SlotView& v) const {
    if (mode_ == SlotMode::Save) return v.slot != "auto";
    return v.exists && v.readable;
  }

  static std::string title(const SlotView& v) {
    if (!v.exists) return v.label + " \u2014 empty";
    if (!v.readable) return v.label + " \u2014 cannot be loaded";
    std::string where = v.meta.chapter;
    if (!v.meta.scene.empty()) where += (where.empty() ? "" : " \u00B7 ") + v.meta.scene;
    return v.label + " \u2014 " + where;
  }

  static std::string detail(const SlotView& v) {
    if (!v.exists) return " ";
    if (!v.readable) return v.error;
    std::string excerpt = v.meta.excerpt;
    if (codePointCount(excerpt) > 90) excerpt = excerpt.substr(0, utf8Advance(excerpt, 88)) + "\u2026";
    return readableTime(v.meta.savedAt) + (excerpt.empty() ? "" : "  \u2014  " + excerpt);
  }

  void activate(int index) {
    if (index >= static_cast<int>(slots_.size())) return s_.nav.pop();  // Back
    const SlotView& v = slots_[index];
    if (mode_ == SlotMode::Load) {
      if (!s_.session->unsaved()) return (void)s_.nav.loadSlot(v.slot);
      const std::string slot = v.slot;
      return s_.nav.push(makeConfirmScreen(
          s_, "Load " + v.label + "? Progress since your last save is kept only in the autosave.",
          "Load", "Cancel", [this, slot] { s_.nav.loadSlot(slot); }));
    }
    if (!v.exists) return save(v.slot);
    const std::string slot = v.slot;
    s_.nav.push(makeConfirmScreen(s_, "Save over " + title(v) + "?", "Save over it", "Cancel",
                                  [this, slot] { save(slot); }));
  }

  void save(const std::string& slot) {
    std::string error;
    if (s_.session->save(slot, error)) s_.notices.add("Saved: " + slotLabel(slot) + ".");
    else s_.notices.add("Could not save: " + error);
    refresh();
  }

  Services& s_;
  SlotMode mode_;
  std::vector<SlotView> slots_;
  ButtonList list_;
};

}  // namespace

std::unique_ptr<Screen> makeSaveLoadScreen(Services& s, SlotMode mode) {
  return std::make_unique<SaveLoadScreen>(s, mode);
}

}  // namespace lc::present

#include "load/scope.h"

namespace lc {

StoryScope::StoryScope(const Story& story, int chapter, std::vector<bool> unread)
    : story_(story), chapter_(chapter), unread_(std::move(unread)) {
  for (const auto& v : story.variables) vars_.emplace(v.name, &v.info);
}

const VarInfo* StoryScope::findVariable(std::string_view name) const {
  auto it = vars_.find(std::string(name));
  return it == vars_.end() ? nullptr : it->second;
}

int StoryScope::findScene(std::string_view ref) const {
  if (ref.find('.') != std::string_view::npos) return story_.findScene(ref);
  std::string qualified = story_.chapters[chapter_].id;
  qualified += '.';
  qualified += ref;
  return story_.findScene(qualified);
}

bool StoryScope::inUnreadChapter(std::string_view ref) const {
  size_t dot = ref.find('.');
  if (dot == std::string_view::npos) return chapter_ >= 0 && static_cast<size_t>(chapter_) < unread_.size() && unread_[chapter_];
  for (size_t i = 0; i < story_.chapters.size() && i < unread_.size(); ++i)
    if (unread_[i] && story_.chapters[i].id == ref.substr(0, dot)) return true;
  return false;
}

std::vector<std::string> StoryScope::variableNames() const {
  std::vector<std::string> names;
  for (const auto& v : story_.variables) names.push_back(v.name);
  return names;
}

std::vector<std::string> StoryScope::sceneNames() const {
  std::vector<std::string> names;
  for (int i : story_.chapters[chapter_].scenes) names.push_back(story_.scenes[i].id);
  for (const auto& s : story_.scenes) names.push_back(s.qualified);
  return names;
}

}  // namespace lc

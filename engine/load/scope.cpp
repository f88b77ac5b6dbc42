#include "load/scope.h"

namespace lc {

StoryScope::StoryScope(const Story& story, int chapter) : story_(story), chapter_(chapter) {
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

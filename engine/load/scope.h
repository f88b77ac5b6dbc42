// Name resolution for expressions in one chapter: declared variables and scene refs.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "core/expr.h"
#include "core/story.h"

namespace lc {

class StoryScope : public NameScope {
 public:
  // `unread[i]`: chapter i could not be read or parsed (may be empty).
  StoryScope(const Story& story, int chapter, std::vector<bool> unread = {});
  const VarInfo* findVariable(std::string_view name) const override;
  int findScene(std::string_view ref) const override;
  std::vector<std::string> variableNames() const override;
  // Candidates for "did you mean" on a scene reference.
  std::vector<std::string> sceneNames() const override;
  bool inUnreadChapter(std::string_view ref) const override;

 private:
  const Story& story_;
  int chapter_;
  std::vector<bool> unread_;
  std::unordered_map<std::string, const VarInfo*> vars_;
};

}  // namespace lc

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
  StoryScope(const Story& story, int chapter);
  const VarInfo* findVariable(std::string_view name) const override;
  int findScene(std::string_view ref) const override;
  std::vector<std::string> variableNames() const override;
  // Candidates for "did you mean" on a scene reference.
  std::vector<std::string> sceneNames() const override;

 private:
  const Story& story_;
  int chapter_;
  std::unordered_map<std::string, const VarInfo*> vars_;
};

}  // namespace lc

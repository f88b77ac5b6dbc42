// Laid-out text: a paragraph is wrapped once per (text, font, size, colour, width) and
// each line kept as a texture, so a still screen only copies cached textures. The
// typewriter reveal draws a prefix of those same textures, so revealing costs one
// measurement per frame, not a render.
#pragma once
#include <SDL.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "present/font_chain.h"
#include "present/fonts.h"
#include "present/layout_log.h"

namespace lc::present {

struct TextStyle {
  FontRole role = FontRole::Body;
  int pixels = 24;
  SDL_Color color{0, 0, 0, 255};
};

struct TextLine {
  SDL_Texture* texture = nullptr;  // null for an empty line
  int width = 0;
  size_t begin = 0, end = 0;       // bytes of TextBlock::text
  uint32_t firstCodePoint = 0;     // code points before this line (spaces at breaks count)
  uint32_t codePoints = 0;
};

struct TextBlock {
  std::string text;
  TextStyle style;
  std::vector<TextLine> lines;
  int lineSkip = 0;  // distance between baselines
  int lineHeight = 0;
  int width = 0;     // widest line
  int height = 0;    // lines * lineSkip
  uint32_t codePoints = 0;

  TextBlock() = default;
  TextBlock(const TextBlock&) = delete;
  TextBlock& operator=(const TextBlock&) = delete;
  ~TextBlock();
};

// Splits `text` into lines no wider than `width` pixels (0 = no limit): breaks at spaces,
// at '\n', and inside a word only when the word alone is too wide. Pairs of byte offsets.
std::vector<std::pair<size_t, size_t>> wrapText(TTF_Font* font, std::string_view text, int width);
std::vector<std::pair<size_t, size_t>> wrapText(const FontChain& font, std::string_view text, int width);

// Byte offset just after the first `count` code points of `text`.
size_t utf8Advance(std::string_view text, size_t count);

class TextCache {
 public:
  TextCache(SDL_Renderer* renderer, Fonts& fonts) : renderer_(renderer), fonts_(fonts) {}

  // The laid-out block (cached). `wrapWidth` 0 keeps it on one line per '\n'.
  const TextBlock& get(std::string_view text, const TextStyle& style, int wrapWidth = 0);
  // Draws the block with its top-left at (x, y); `reveal` >= 0 draws only that many code
  // points. Lines not entirely inside `clip` (when given) are skipped.
  void draw(const TextBlock& block, int x, int y, long reveal = -1,
            const SDL_Rect* clip = nullptr);
  int lineSkip(const TextStyle& style);
  // The x offset, in pixels from the block's left, of byte `at` of the block's text on
  // line `line` (clamped to the line): where a cursor or an underline starts.
  int xOf(const TextBlock& block, size_t line, size_t at);
  // The height the text would take, without rendering it (for long lists like the backlog).
  int measureHeight(std::string_view text, const TextStyle& style, int wrapWidth);
  // While set, every line drawn is written to `log` (the layout test reads it).
  void setLog(LayoutLog* log) { log_ = log; }
  LayoutLog* log() const { return log_; }
  void logLine(const TextBlock& block, const TextLine& line, int x, int y, int width);
  // Forgets entries not used for a while; call once per drawn frame.
  void endFrame();
  void clear();
  size_t entries() const { return blocks_.size(); }
  size_t bytes() const { return bytes_; }

 private:
  struct Entry {
    std::unique_ptr<TextBlock> block;
    uint64_t lastUsed = 0;
    size_t bytes = 0;
  };
  std::unique_ptr<TextBlock> layout(std::string_view text, const TextStyle& style, int wrap,
                                    size_t& bytes);
  int revealWidth(const TextBlock& block, const TextLine& line, uint32_t shown);

  SDL_Renderer* renderer_;
  Fonts& fonts_;
  std::unordered_map<std::string, Entry> blocks_;
  std::string key_;  // reused to build lookup keys without allocating each time
  uint64_t frame_ = 0;
  size_t bytes_ = 0;
  LayoutLog* log_ = nullptr;
};

}  // namespace lc::present

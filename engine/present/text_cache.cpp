#include "present/text_cache.h"

#include <SDL_ttf.h>

#include <algorithm>

namespace lc::present {
namespace {

// Entries unused for this many drawn frames go, and sooner when the cache is big.
constexpr uint64_t kMaxIdleFrames = 600;
constexpr size_t kSoftLimitBytes = 24u << 20;

bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

uint32_t countCodePoints(std::string_view s) {
  uint32_t n = 0;
  for (unsigned char c : s) n += isContinuation(c) ? 0 : 1;
  return n;
}

int textWidth(const FontChain& font, std::string_view text) { return font.width(text); }

// Splits one hard line (no '\n') at spaces; a word wider than the line breaks by characters.
void wrapLine(const FontChain& font, std::string_view text, size_t offset, int width,
              std::vector<std::pair<size_t, size_t>>& out) {
  size_t start = 0;
  while (start < text.size()) {
    if (width <= 0 || textWidth(font, text.substr(start)) <= width) {
      out.push_back({offset + start, offset + text.size()});
      return;
    }
    // The longest run of whole words that fits.
    size_t fitEnd = std::string_view::npos;
    for (size_t space = text.find(' ', start); space != std::string_view::npos;
         space = text.find(' ', space + 1)) {
      if (textWidth(font, text.substr(start, space - start)) > width) break;
      fitEnd = space;
    }
    if (fitEnd == std::string_view::npos || fitEnd == start) {
      // Not even one word fits: take as many characters as fit (at least one).
      size_t end = start + utf8Advance(text.substr(start), 1);
      while (end < text.size()) {
        const size_t more = end + utf8Advance(text.substr(end), 1);
        if (textWidth(font, text.substr(start, more - start)) > width) break;
        end = more;
      }
      out.push_back({offset + start, offset + end});
      start = end;
    } else {
      out.push_back({offset + start, offset + fitEnd});
      start = fitEnd + 1;  // the space at the break is not drawn
    }
  }
}

}  // namespace

TextBlock::~TextBlock() {
  for (auto& line : lines)
    if (line.texture) SDL_DestroyTexture(line.texture);
}

size_t utf8Advance(std::string_view text, size_t count) {
  size_t i = 0;
  while (i < text.size() && count > 0) {
    ++i;
    while (i < text.size() && isContinuation(static_cast<unsigned char>(text[i]))) ++i;
    --count;
  }
  return i;
}

std::vector<std::pair<size_t, size_t>> wrapText(TTF_Font* font, std::string_view text, int width) {
  return wrapText(FontChain(font), text, width);
}

std::vector<std::pair<size_t, size_t>> wrapText(const FontChain& font, std::string_view text, int width) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    const size_t before = out.size();
    wrapLine(font, text.substr(start, nl - start), start, width, out);
    if (out.size() == before) out.push_back({start, start});  // an empty line keeps its height
    start = nl + 1;
  }
  return out;
}

const TextBlock& TextCache::get(std::string_view text, const TextStyle& style, int wrapWidth) {
  key_.assign(text);
  const SDL_Color c = style.color;
  const int parts[] = {static_cast<int>(style.role), style.pixels, wrapWidth, fonts_.generation(),
                       (c.r << 24) | (c.g << 16) | (c.b << 8) | c.a};
  key_.push_back('\0');
  key_.append(reinterpret_cast<const char*>(parts), sizeof parts);
  auto it = blocks_.find(key_);
  if (it == blocks_.end()) {
    Entry entry;
    entry.block = layout(text, style, wrapWidth, entry.bytes);
    bytes_ += entry.bytes;
    it = blocks_.emplace(key_, std::move(entry)).first;
  }
  it->second.lastUsed = frame_;
  return *it->second.block;
}

std::unique_ptr<TextBlock> TextCache::layout(std::string_view text, const TextStyle& style,
                                             int wrap, size_t& bytes) {
  auto block = std::make_unique<TextBlock>();
  block->text.assign(text);
  block->style = style;
  const FontChain chain(fonts_, style.role, style.pixels);
  TTF_Font* font = chain.primary();
  if (!font) return block;
  block->lineSkip = TTF_FontLineSkip(font);
  block->lineHeight = TTF_FontHeight(font);
  bytes = 0;
  uint32_t codePoint = 0;
  size_t previousEnd = 0;
  for (auto [begin, end] : wrapText(chain, block->text, wrap)) {
    TextLine line;
    line.begin = begin;
    line.end = end;
    // Characters skipped between lines (the break's space or '\n') still take reveal time.
    codePoint += countCodePoints(std::string_view(block->text).substr(previousEnd, begin - previousEnd));
    line.firstCodePoint = codePoint;
    line.codePoints = countCodePoints(std::string_view(block->text).substr(begin, end - begin));
    codePoint += line.codePoints;
    previousEnd = end;
    if (end > begin) {
      const std::string part = block->text.substr(begin, end - begin);
      if (SDL_Surface* s = chain.render(part, style.color)) {
        line.texture = SDL_CreateTextureFromSurface(renderer_, s);
        line.width = s->w;
        bytes += static_cast<size_t>(s->w) * s->h * 4;
        SDL_FreeSurface(s);
      }
    }
    block->width = std::max(block->width, line.width);
    block->lines.push_back(line);
  }
  block->codePoints = codePoint + countCodePoints(std::string_view(block->text).substr(previousEnd));
  block->height = static_cast<int>(block->lines.size()) * block->lineSkip;
  return block;
}

int TextCache::revealWidth(const TextBlock& block, const TextLine& line, uint32_t shown) {
  const FontChain font(fonts_, block.style.role, block.style.pixels);
  const std::string_view all(block.text);
  const std::string_view lineText = all.substr(line.begin, line.end - line.begin);
  return std::min(line.width, textWidth(font, lineText.substr(0, utf8Advance(lineText, shown))));
}

int TextCache::xOf(const TextBlock& block, size_t line, size_t at) {
  if (line >= block.lines.size()) return 0;
  const TextLine& l = block.lines[line];
  const FontChain font(fonts_, block.style.role, block.style.pixels);
  at = std::clamp(at, l.begin, l.end);
  if (!font.primary() || at == l.begin) return 0;
  return textWidth(font, std::string_view(block.text).substr(l.begin, at - l.begin));
}

void TextCache::draw(const TextBlock& block, int x, int y, long reveal, const SDL_Rect* clip) {
  for (size_t i = 0; i < block.lines.size(); ++i) {
    const TextLine& line = block.lines[i];
    const int top = y + static_cast<int>(i) * block.lineSkip;
    if (reveal >= 0 && line.firstCodePoint >= static_cast<uint32_t>(reveal)) break;
    if (!line.texture) continue;
    // Only whole lines: a line cut by the clip's edge reads as a sliced row of ink.
    if (clip && (top < clip->y || top + block.lineHeight > clip->y + clip->h)) continue;
    int width = line.width;
    if (reveal >= 0 && line.firstCodePoint + line.codePoints > static_cast<uint32_t>(reveal))
      width = revealWidth(block, line, static_cast<uint32_t>(reveal) - line.firstCodePoint);
    int texW = 0, texH = 0;
    SDL_QueryTexture(line.texture, nullptr, nullptr, &texW, &texH);
    const SDL_Rect src{0, 0, width, texH};
    const SDL_Rect dst{x, top, width, texH};
    SDL_RenderCopy(renderer_, line.texture, &src, &dst);
    if (log_) logLine(block, line, x, top, width);
  }
}

void TextCache::logLine(const TextBlock& block, const TextLine& line, int x, int y, int width) {
  Drawn d;
  d.rect = {x, y, width, block.lineHeight};
  d.text = block.text.substr(line.begin, line.end - line.begin);
  d.role = block.style.role;
  d.pixels = block.style.pixels;
  log_->add(std::move(d));
}

int TextCache::lineSkip(const TextStyle& style) {
  TTF_Font* font = fonts_.get(style.role, style.pixels);
  return font ? TTF_FontLineSkip(font) : style.pixels;
}

int TextCache::measureHeight(std::string_view text, const TextStyle& style, int wrapWidth) {
  const FontChain font(fonts_, style.role, style.pixels);
  if (!font.primary()) return 0;
  return static_cast<int>(wrapText(font, text, wrapWidth).size()) * TTF_FontLineSkip(font.primary());
}

void TextCache::endFrame() {
  ++frame_;
  const uint64_t idle = bytes_ > kSoftLimitBytes ? 1 : kMaxIdleFrames;
  for (auto it = blocks_.begin(); it != blocks_.end();) {
    if (frame_ - it->second.lastUsed > idle) {
      bytes_ -= it->second.bytes;
      it = blocks_.erase(it);
    } else {
      ++it;
    }
  }
}

void TextCache::clear() {
  blocks_.clear();
  bytes_ = 0;
}

}  // namespace lc::present

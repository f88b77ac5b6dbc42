// A YAML document read into our own short-lived tree, every node with its source
// position. Built from yaml-cpp's event parser so that we (not yaml-cpp) decide
// about duplicate keys, aliases, depth and positions.
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lc::yaml {

// 1-based line and column; columns count code points, not bytes.
struct Pos {
  int line = 1;
  int col = 1;
};

enum class Kind : uint8_t { Null, Scalar, Sequence, Map };
enum class Style : uint8_t { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };

struct Node {
  Kind kind = Kind::Null;
  Style style = Style::Plain;  // scalars only
  Pos pos;                     // where the node starts (for block scalars: the `|` or `>`)
  size_t byteOffset = 0;       // offset of pos in the source
  std::string text;            // scalar value after YAML processing
  std::vector<const Node*> items;                            // sequence items
  std::vector<std::pair<const Node*, const Node*>> entries;  // map key -> value, source order

  bool isScalar() const { return kind == Kind::Scalar; }
  // Value of `key` in a map (first occurrence), or nullptr.
  const Node* find(std::string_view key) const;
};

struct Problem {
  Pos pos;
  std::string message;  // "duplicate key 'title' (first at 3:5)"
  std::string hint;     // what to do, may be empty
};

struct Document {
  const Node* root = nullptr;  // nullptr when the file could not be read into a tree
  std::vector<Problem> problems;  // errors; the tree may still be partly usable
  std::vector<Problem> warnings;  // reads, but likely not as meant (text cut by ' #')
  std::string source;             // the bytes that were parsed (BOM removed)

  // Position of a byte offset inside a scalar's value (`text`), mapped back to the
  // file: exact for plain and quoted single-line scalars and literal blocks (`|`),
  // best effort for folded and multi-line flow scalars.
  Pos positionIn(const Node& scalar, size_t offsetInText) const;

  std::deque<Node> arena;  // owns every node

  // Byte offset in `source` where each line starts; lineStarts[0] == 0.
  std::vector<uint32_t> lineStarts;
  // 1-based line and code-point column of a byte offset in `source` (clamped).
  Pos posAt(size_t byteOffset) const;

  // Nodes point into `arena`, so a copy would point into the original: moving only.
  Document() = default;
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
};

// Never throws. Reports: invalid UTF-8, NUL and other control characters, tabs in
// indentation, syntax errors (yaml-cpp's, at the real position), duplicate keys,
// recursive aliases, alias expansion beyond 10,000 nodes, nesting deeper than 100,
// a second document, an empty file; structural errors in our own words where the
// writer went wrong (yaml_tree_traps.cpp). Warns (doc.warnings) about unquoted text
// cut short by a " #" comment. A leading UTF-8 BOM is skipped.
Document parse(std::string bytes);

}  // namespace lc::yaml

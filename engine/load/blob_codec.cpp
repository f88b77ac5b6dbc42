#include "load/blob_codec.h"

#include <cstdint>
#include <unordered_map>

namespace lc {
namespace {

class Writer {
 public:
  void u(uint64_t v) {
    while (v >= 0x80) {
      out.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out.push_back(static_cast<char>(v));
  }
  void s(const std::string& text) {
    u(text.size());
    out += text;
  }
  std::string out;
};

class Reader {
 public:
  explicit Reader(const std::string& bytes) : data_(bytes) {}
  bool u(uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= data_.size()) return false;
      const auto b = static_cast<unsigned char>(data_[at_++]);
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return true;
    }
    return false;
  }
  // A count of things each taking at least one byte: never more than what is left.
  bool count(size_t& n) {
    uint64_t v;
    if (!u(v) || v > data_.size() - at_) return false;
    n = static_cast<size_t>(v);
    return true;
  }
  bool i(int& v) {
    uint64_t x;
    if (!u(x) || x > 0x7fffffff) return false;
    v = static_cast<int>(x);
    return true;
  }
  bool s(std::string& text) {
    size_t n;
    if (!count(n)) return false;
    text.assign(data_, at_, n);
    at_ += n;
    return true;
  }
  bool done() const { return at_ == data_.size(); }

 private:
  const std::string& data_;
  size_t at_ = 0;
};

}  // namespace

std::string encodeDocument(const yaml::Document& doc) {
  Writer w;
  std::unordered_map<const yaml::Node*, uint64_t> index;
  index.reserve(doc.arena.size());
  for (const yaml::Node& n : doc.arena) index.emplace(&n, index.size() + 1);  // 0: none
  auto ref = [&](const yaml::Node* n) {
    auto it = n ? index.find(n) : index.end();
    w.u(it == index.end() ? 0 : it->second);
  };
  w.s(doc.source);
  w.u(doc.lineStarts.size());
  for (uint32_t l : doc.lineStarts) w.u(l);
  for (const std::vector<yaml::Problem>* list : {&doc.problems, &doc.warnings}) {
    w.u(list->size());
    for (const yaml::Problem& p : *list) {
      w.u(static_cast<uint64_t>(p.pos.line));
      w.u(static_cast<uint64_t>(p.pos.col));
      w.s(p.message);
      w.s(p.hint);
    }
  }
  w.u(doc.arena.size());
  for (const yaml::Node& n : doc.arena) {
    w.u(static_cast<uint64_t>(n.kind));
    w.u(static_cast<uint64_t>(n.style));
    w.u(static_cast<uint64_t>(n.pos.line));
    w.u(static_cast<uint64_t>(n.pos.col));
    w.u(n.byteOffset);
    w.s(n.text);
    w.u(n.items.size());
    for (const yaml::Node* item : n.items) ref(item);
    w.u(n.entries.size());
    for (const auto& [k, v] : n.entries) {
      ref(k);
      ref(v);
    }
  }
  ref(doc.root);
  return std::move(w.out);
}

std::optional<yaml::Document> decodeDocument(const std::string& bytes) {
  Reader r(bytes);
  yaml::Document doc;
  size_t n;
  uint64_t v;
  if (!r.s(doc.source) || !r.count(n)) return std::nullopt;
  doc.lineStarts.resize(n);
  for (uint32_t& l : doc.lineStarts) {
    if (!r.u(v) || v > doc.source.size()) return std::nullopt;
    l = static_cast<uint32_t>(v);
  }
  if (doc.lineStarts.empty() || doc.lineStarts[0] != 0) return std::nullopt;
  for (size_t k = 1; k < doc.lineStarts.size(); ++k)
    if (doc.lineStarts[k] < doc.lineStarts[k - 1]) return std::nullopt;
  for (std::vector<yaml::Problem>* list : {&doc.problems, &doc.warnings}) {
    if (!r.count(n)) return std::nullopt;
    list->resize(n);
    for (yaml::Problem& p : *list)
      if (!r.i(p.pos.line) || !r.i(p.pos.col) || !r.s(p.message) || !r.s(p.hint)) return std::nullopt;
  }
  size_t nodes;
  if (!r.count(nodes)) return std::nullopt;
  for (size_t k = 0; k < nodes; ++k) doc.arena.emplace_back();
  // Nodes by index, 1-based; 0 is "none". Children must come after their parent in the
  // arena (as the parser makes them) or be earlier anchors, so no index is out of range.
  auto node = [&](const yaml::Node*& out) {
    uint64_t x;
    if (!r.u(x) || x > nodes) return false;
    out = x ? &doc.arena[static_cast<size_t>(x - 1)] : nullptr;
    return true;
  };
  for (size_t k = 0; k < nodes; ++k) {
    yaml::Node& nd = doc.arena[k];
    uint64_t kind, style;
    if (!r.u(kind) || kind > static_cast<uint64_t>(yaml::Kind::Map) || !r.u(style) ||
        style > static_cast<uint64_t>(yaml::Style::Folded))
      return std::nullopt;
    nd.kind = static_cast<yaml::Kind>(kind);
    nd.style = static_cast<yaml::Style>(style);
    if (!r.i(nd.pos.line) || !r.i(nd.pos.col) || !r.u(v) || v > doc.source.size() || !r.s(nd.text)) return std::nullopt;
    nd.byteOffset = static_cast<size_t>(v);
    if (!r.count(n)) return std::nullopt;
    nd.items.resize(n);
    for (const yaml::Node*& item : nd.items)
      if (!node(item) || !item) return std::nullopt;
    if (!r.count(n)) return std::nullopt;
    nd.entries.resize(n);
    for (auto& [key, value] : nd.entries)
      if (!node(key) || !node(value) || !key || !value) return std::nullopt;
  }
  if (!node(doc.root) || !r.done()) return std::nullopt;
  return doc;
}

std::string encodeDiagnostics(const Diagnostics& diags) {
  Writer w;
  w.u(diags.hiddenCount());
  w.u(diags.items().size());
  for (const Diagnostic& d : diags.items()) {
    w.u(d.severity == Severity::Error ? 0 : 1);
    w.s(d.file);
    w.u(static_cast<uint64_t>(d.line));
    w.u(static_cast<uint64_t>(d.col));
    w.s(d.message);
    w.s(d.hint);
    w.u(static_cast<uint64_t>(d.cause));
  }
  return std::move(w.out);
}

std::optional<Diagnostics> decodeDiagnostics(const std::string& bytes) {
  Reader r(bytes);
  Diagnostics out;
  uint64_t hidden, severity, cause;
  size_t n;
  if (!r.u(hidden) || hidden > 1000000 || !r.count(n)) return std::nullopt;
  for (uint64_t k = 0; k < hidden; ++k) out.hide();
  for (size_t k = 0; k < n; ++k) {
    Diagnostic d;
    if (!r.u(severity) || severity > 1 || !r.s(d.file) || !r.i(d.line) || !r.i(d.col) || !r.s(d.message) ||
        !r.s(d.hint) || !r.u(cause) || cause > static_cast<uint64_t>(Cause::Content))
      return std::nullopt;
    d.severity = severity == 0 ? Severity::Error : Severity::Warning;
    d.cause = static_cast<Cause>(cause);
    out.add(std::move(d));
  }
  if (!r.done()) return std::nullopt;
  return out;
}

}  // namespace lc

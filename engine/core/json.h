// One JSON writer for all the JSON Lost Corner writes: the --jsonl protocol, check /
// explore / stats --format json, the journal summary. Ours rather than nlohmann-json:
// we only write, the writer is ~150 lines that any compiler (Emscripten's libc++ 13
// included) builds in no time, and every string it writes is valid UTF-8 JSON — invalid
// bytes become U+FFFD, so text typed into the protocol can never break a line of it.
//
//   JsonWriter w;
//   w.beginObject().field("event", "scene").field("resumed", false).endObject();
//   w.str()  ->  {"event":"scene","resumed":false}
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace lc {

// `text` as a JSON string literal, quotes included.
std::string jsonQuote(std::string_view text);

class JsonWriter {
 public:
  // indent 0: one line (the protocol); 2: one member per line (files people open).
  explicit JsonWriter(int indent = 0) : indent_(indent) {}

  JsonWriter& beginObject() { return open('{'); }
  JsonWriter& endObject() { return close('}'); }
  JsonWriter& beginArray() { return open('['); }
  JsonWriter& endArray() { return close(']'); }
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(bool b) { return raw(b ? "true" : "false"); }
  template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  JsonWriter& value(T n) {
    return raw(std::to_string(n));
  }
  // A number printed with printf's `format` ("%.3g", "%.1f"); non-finite ones as null.
  JsonWriter& number(double x, const char* format = "%.3g");
  JsonWriter& number(std::string_view name, double x, const char* format = "%.3g") {
    return key(name).number(x, format);
  }
  JsonWriter& value(double) = delete;  // say how to print it: number()
  JsonWriter& null() { return raw("null"); }
  // Text that is already JSON (one value), e.g. a nested document.
  JsonWriter& raw(std::string_view json);

  template <class T>
  JsonWriter& field(std::string_view name, const T& v) {
    return key(name).value(v);
  }
  // An array of strings.
  JsonWriter& strings(std::string_view name, const std::vector<std::string>& items);

  const std::string& str() const { return out_; }

 private:
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  void beforeValue();
  void newline();

  struct Level {
    bool empty = true;
  };
  std::string out_;
  std::vector<Level> levels_;
  bool afterKey_ = false;
  int indent_;
};

}  // namespace lc

// The one JSON writer: exact text for each kind of value, and always valid UTF-8.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/json.h"

namespace {

TEST_CASE("jsonQuote escapes what JSON needs and replaces bytes that are not UTF-8") {
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"plain", "\"plain\""},
      {"say \"hi\" \\ bye", "\"say \\\"hi\\\" \\\\ bye\""},
      {"a\nb\tc\rd", "\"a\\nb\\tc\\rd\""},
      {std::string("nul\0esc\x1b[2Jdel\x7f", 15), "\"nul\\u0000esc\\u001b[2Jdel\\u007f\""},
      {"caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x8C\xB1", "\"caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x8C\xB1\""},  // kept as is
      {"bad \xFF end", "\"bad \xEF\xBF\xBD end\""},                                                    // a stray byte
      {"cut \xE2\x80", "\"cut \xEF\xBF\xBD\xEF\xBF\xBD\""},            // a sequence cut short
      {"overlong \xC0\xAF", "\"overlong \xEF\xBF\xBD\xEF\xBF\xBD\""},  // '/' spelt in two bytes
      {"surrogate \xED\xA0\x80", "\"surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(lc::jsonQuote(c.in) == c.out);
  }
}

TEST_CASE("JsonWriter writes objects, arrays and values on one line") {
  lc::JsonWriter w;
  w.beginObject()
      .field("event", "scene")
      .field("n", 3)
      .field("big", uint64_t(1) << 40)
      .field("yes", true)
      .number("volume", 0.25)
      .number("nan", std::nan(""))
      .key("cue")
      .null()
      .strings("notices", {"a", "b"})
      .key("empty")
      .beginArray()
      .endArray()
      .key("nested")
      .beginArray()
      .beginObject()
      .field("k", -1)
      .endObject()
      .beginObject()
      .endObject()
      .endArray()
      .endObject();
  CHECK(w.str() ==
        "{\"event\":\"scene\",\"n\":3,\"big\":1099511627776,\"yes\":true,\"volume\":0.25,\"nan\":null,\"cue\":null,"
        "\"notices\":[\"a\",\"b\"],\"empty\":[],\"nested\":[{\"k\":-1},{}]}");
}

TEST_CASE("JsonWriter with an indent puts one member on a line") {
  lc::JsonWriter w(2);
  w.beginObject().field("format", "x").key("list").beginArray().value(1).value("two").endArray();
  w.key("none").beginObject().endObject().endObject();
  CHECK(w.str() == "{\n  \"format\": \"x\",\n  \"list\": [\n    1,\n    \"two\"\n  ],\n  \"none\": {}\n}");
}

}  // namespace

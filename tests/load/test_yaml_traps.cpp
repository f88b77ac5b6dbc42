// The common YAML mistakes of a story file, in our words, on the line where the writer
// made them (load/yaml_tree_traps.cpp): a label with ': ', a key or '-' that lines up
// with nothing above it, a quote left open, text cut short by ' #'.
#include <catch2/catch.hpp>
#include <string>

#include "load/yaml_tree.h"
#include "support/temp_story.h"

using namespace lc::yaml;

namespace {

std::string listed(const std::vector<Problem>& problems) {
  std::string s;
  for (const Problem& p : problems)
    s += std::to_string(p.pos.line) + ":" + std::to_string(p.pos.col) + ": " + p.message + "\n  hint: " + p.hint + "\n";
  return s;
}

const std::string kScene = "scenes:\n  a:\n    text: hi\n    choices:\n";

}  // namespace

TEST_CASE("yaml traps: our words, on the writer's line", "[yaml]") {
  const struct {
    const char* name;
    std::string yaml;
    const char* expected;  // problems with hints
  } cases[] = {
      {"': ' in a choice label", kScene + "      - text: Ask her: why now?\n        goto: b\n",
       "5:22: the text of 'text' has ': ' in it, which YAML reads as a new key\n"
       "  hint: put the text in double quotes: text: \"Ask her: why now?\"\n"},
      {"a title ending with ':'", "scenes:\n  a:\n    title: Where now:\n    text: hi\n",
       "3:21: the text of 'title' has ': ' in it, which YAML reads as a new key\n"
       "  hint: put the text in double quotes: title: \"Where now:\"\n"},
      {"': ' in a label with double quotes in it: single quotes", kScene + "      - text: Say \"no\": leave # x\n",
       "5:23: the text of 'text' has ': ' in it, which YAML reads as a new key\n"
       "  hint: put the text in double quotes: text: 'Say \"no\": leave'\n"},
      {"a key one column left of its neighbours", kScene + "      - text: Ask\n        goto: b\n       if: x\n",
       "7:8: bad indentation: 'if' at column 8 lines up with no key above it\n"
       "  hint: indent it to column 9 to line it up with 'goto' (line 6), or to column 5 to line it up with "
       "'choices' (line 4)\n"},
      {"a key one column right, under an unquoted label", kScene + "      - text: Ask\n         goto: b\n",
       "6:10: bad indentation: 'goto' is indented more than 'text', so YAML reads it as more of that value\n"
       "  hint: indent it to column 9 to line it up with 'text' (line 5)\n"},
      {"a key under the '-' instead of the key after it", kScene + "      - text: a\n      goto: b\n",
       "6:7: bad indentation: 'goto' at column 7 lines up with no key above it\n"
       "  hint: indent it to column 9 to line it up with 'text' (line 5), or to column 5 to line it up with "
       "'choices' (line 4)\n"},
      {"a scene one column right", "scenes:\n  a:\n    text: hi\n   b:\n    text: x\n",
       "4:4: bad indentation: 'b' at column 4 lines up with no key above it\n"
       "  hint: indent it to column 5 to line it up with 'text' (line 3), or to column 3 to line it up with 'a' "
       "(line 2)\n"},
      {"the first key of a scene one column right: that line, not the next",
       "scenes:\n  a:\n     text: hi\n    next: b\n",
       "3:6: bad indentation: 'text' at column 6 and 'next' at line 4, column 5, do not line up\n"
       "  hint: keys of one map line up: move 'text' to column 5, or 'next' to column 6\n"},
      {"a '-' one column right", "scenes:\n  a:\n    choices:\n    - text: a\n      goto: b\n     - text: c\n",
       "6:6: bad indentation: this '-' at column 6 lines up with no list item above it\n"
       "  hint: indent it to column 5 to line it up with the '-' (line 4)\n"},
      {"a list item after a key with a value", "scenes:\n  a:\n    text: hi\n    - text: a\n",
       "4:5: bad indentation: a list item ('-') where a key is expected\n"
       "  hint: a list is the value of a key: end the line above with ':' and nothing after it, then indent the "
       "items under it\n"},
      {"a quote left open, closed by the next label's",
       kScene + "      - text: \"Ask her\n        goto: b\n      - text: \"Leave\"\n        goto: c\n",
       "5:15: the quoted text of 'text' is not closed on its line\n"
       "  hint: add the closing \" at the end of the text (for text over several lines, use '|')\n"},
      {"a line of text not indented under '|'", "scenes:\n  a:\n    text: |\n      hi\n    there\n    next: b\n",
       "5:5: this line is not part of the text of 'text': it is not indented more than the key\n"
       "  hint: indent it to column 7 like the text above it, or write 'key: value'\n"},
      {"quoted text over two lines is fine; the later mistake is found", "a: \"one\n  two\"\nb: 1\n c: 2\n",
       "4:2: bad indentation: 'c' is indented more than 'b', so YAML reads it as more of that value\n"
       "  hint: indent it to column 1 to line it up with 'b' (line 3)\n"},
      {"unquoted text over two lines is fine", "a: one\n  two\nb: c: d\n",
       "3:5: the text of 'b' has ': ' in it, which YAML reads as a new key\n"
       "  hint: put the text in double quotes: b: \"c: d\"\n"},
      {"after a '|' text and a flow list", "a: |\n  x: y\nb: [1,\n  2]\nc: d: e\n",
       "5:5: the text of 'c' has ': ' in it, which YAML reads as a new key\n"
       "  hint: put the text in double quotes: c: \"d: e\"\n"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const Document d = parse(c.yaml);
    CHECK(listed(d.problems) == c.expected);
    CHECK(d.root == nullptr);
  }
}

TEST_CASE("yaml traps: unquoted text cut short by ' #' is a warning at the '#'", "[yaml]") {
  const char* const hint =
      "if the '#' belongs to the text, put the text in double quotes; if it is a comment, move it to a line of its "
      "own";
  const struct {
    const char* name;
    std::string yaml;
    std::string expected;
  } cases[] = {
      {"a label", "text: Take ticket #3 home\n",
       "1:19: the text stops before ' #': the rest of the line is a YAML comment, so this reads 'Take ticket'\n"},
      {"a list item, after é", "- Élodie's room #2\n",
       "1:17: the text stops before ' #': the rest of the line is a YAML comment, so this reads 'Élodie's room'\n"},
      {"two spaces", "title: The gate  # fix later\n",
       "1:18: the text stops before ' #': the rest of the line is a YAML comment, so this reads 'The gate'\n"},
      {"one word: an id with a comment", "goto: shed # back to the shed\n", ""},
      {"quoted", "text: \"Take ticket #3 home\"\n", ""},
      {"'#' with no space before it", "text: Take ticket#3 home\n", ""},
      {"a flow map's comment", "v: {type: bool, initial: false} # the key\n", ""},
      {"a '|' text", "text: |\n  Take ticket #3\n", ""},
      {"a comment on its own line", "# the label\ntext: Take ticket\n", ""},
      {"a key", "a b #c: 1\n", ""},
      {"over two lines: not looked at", "text: Take\n  ticket #3\n", ""},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const Document d = parse(c.yaml);
    CHECK(d.problems.empty());
    std::string got;
    for (const Problem& p : d.warnings) {
      got += std::to_string(p.pos.line) + ":" + std::to_string(p.pos.col) + ": " + p.message + "\n";
      CHECK(p.hint == hint);
    }
    CHECK(got == c.expected);
  }
}

TEST_CASE("yaml traps: check lists the ' #' warning with the chapter file's line and column", "[yaml]") {
  lc::test::TempStory story(lc::test::oneChapter("  n: {type: int, initial: 0}\n",
                                                 "  start:\n    text: Hi {n}\n    choices:\n      - text: Take ticket "
                                                 "#3 home\n        do: [n = n + 1]\n        goto: start\n"));
  const lc::LoadResult r = story.load();
  CHECK(lc::test::diagnosticsText(r, story.path()) ==
        "DIR/a.yaml:6:27: warning: the text stops before ' #': the rest of the line is a YAML comment, so this "
        "reads 'Take ticket'\n"
        "  hint: if the '#' belongs to the text, put the text in double quotes; if it is a comment, move it to a "
        "line of its own\n");
}

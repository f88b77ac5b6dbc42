// Every mistake a writer can make in a story folder, with its exact file:line:col.
// Generated cases reviewed by hand; DIR stands for the story's temporary folder.
#include <catch2/catch.hpp>

#include "support/temp_story.h"

namespace {

struct Case {
  const char* name;
  std::string manifest;
  std::string chapter;
  const char* expected;  // `check` output with the folder replaced by DIR
  bool ok;               // loads (only warnings)
};

const std::string M =
    "format: lostcorner/1\nid: t\ntitle: T\nstart: a.start\nchapters: [a.yaml]\nvariables:\n"
    "  n: {type: int, initial: 0, min: 0, max: 3}\n  b: {type: bool, initial: false}\n"
    "  s: {type: string, initial: \"\"}\n";
const std::string OK = "  start:\n    text: Hi\n    end: true\n";

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  return s.replace(s.find(from), from.size(), to);
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  while (n-- > 0) out += s;
  return out;
}

std::string aliasBomb() {
  std::string out = "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n";
  const char* names = "abcdefgh";
  for (int i = 1; i < 8; ++i)
    out += std::string(1, names[i]) + ": &" + names[i] + " [" + repeat(std::string("*") + names[i - 1] + ",", 9) + "*" + names[i - 1] + "]\n";
  return out;
}

// A story whose start is in the one chapter, which failed to parse.
#define kHiddenStart \
  "note: 1 more error is hidden: references into a file that failed to parse; fix the errors above, then check again\n"

const Case kCases[] = {
    {"tab_indent", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "\ttext: Hi\n"
    "    end: true\n"
    "",
     "DIR/a.yaml:4:1: error: tab in indentation\n"
    "  hint: indent with spaces\n"
    "" kHiddenStart,
     false},
    {"yaml_syntax", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: \"Hi\n"
    "    end: true\n"
    "",
     "DIR/a.yaml:4:11: error: quoted text is not closed\n"
    "  hint: add the closing \"\n"
    "" kHiddenStart,
     false},
    {"bad_utf8", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: H\xff""i\n"
    "    end: true\n"
    "",
     "DIR/a.yaml:4:12: error: invalid UTF-8 byte 0xFF\n"
    "  hint: save the file as UTF-8 text\n"
    "" kHiddenStart,
     false},
    {"self_alias", M,
     "chapter: a\n"
    "x: &x [*x]\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    end: true\n"
    "",
     "DIR/a.yaml:2:8: error: recursive alias '*x'\n"
    "  hint: an alias cannot stand inside the node it refers to\n"
    "DIR/a.yaml:2:1: warning: unknown key 'x' in the chapter file (ignored)\n"
    "  hint: the keys here are: chapter, title, content_note, exam, scenes\n"
    "",
     false},
    {"second_doc", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    end: true\n"
    "---\n"
    "chapter: b\n"
    "",
     "DIR/a.yaml:6:1: error: a file holds one document; found a second one\n"
    "  hint: remove the '---' line, or move what follows into a file of its own\n"
    "",
     false},
    {"empty_file", M,
     "",
     "DIR/a.yaml:1:1: error: the file is empty\n"
    "  hint: write at least one 'key: value' line\n"
    "" kHiddenStart,
     false},
    {"deep", M,
     "chapter: a\nscenes:\n" + OK + "x: " + repeat("[", 150) + repeat("]", 150) + "\n",
     "DIR/a.yaml:6:103: error: nesting deeper than 100 levels\n"
    "  hint: flatten the structure\n"
    "" kHiddenStart,
     false},
    {"dup_key", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    text: Again\n"
    "    end: true\n"
    "",
     "DIR/a.yaml:5:5: error: duplicate key 'text' (first at 4:5)\n"
    "  hint: remove one of them or rename it\n"
    "",
     false},
    {"unknown_key", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    nxt: start\n"
    "    end: true\n"
    "",
     "DIR/a.yaml:5:5: warning: unknown key 'nxt' in scene 'start' (ignored)\n"
    "  hint: did you mean 'next'?\n"
    // The story loads, so check's lints run too (see tests/load/test_lint.cpp).
    "DIR/story.yaml:7:3: warning: variable 'n' is never used\n"
    "  hint: remove it from 'variables', or use it in an 'if', a 'do' or the text ({n})\n"
    "DIR/story.yaml:8:3: warning: variable 'b' is never used\n"
    "  hint: remove it from 'variables', or use it in an 'if', a 'do' or the text ({b})\n"
    "DIR/story.yaml:9:3: warning: variable 's' is never used\n"
    "  hint: remove it from 'variables', or use it in an 'if', a 'do' or the text ({s})\n"
    "",
     true},
    {"wrong_type", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    choices: {text: x}\n"
    "",
     "DIR/a.yaml:5:14: error: 'choices' of scene 'start' must be a list\n"
    "  hint: write each choice as - text: ... goto: ...\n"
    "",
     false},
    {"bool_yes", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    end: yes\n"
    "",
     "DIR/a.yaml:5:10: error: 'end' of scene 'start' must be true or false, got 'yes'\n"
    "  hint: write true or false (yes/no/on/off are not booleans in Lost Corner)\n"
    "",
     false},
    {"missing_goto", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    choices:\n"
    "      - text: Go\n"
    "",
     "DIR/a.yaml:6:9: error: choice 1 of scene 'start' is missing the required key 'goto'\n"
    "",
     false},
    {"unknown_target", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    next: strat\n"
    "",
     "DIR/a.yaml:5:11: error: unknown scene 'strat' in 'next' of scene 'start'\n"
    "  hint: write a scene of this chapter, or chapter.scene for another chapter\n"
    "",
     false},
    {"undeclared", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    choices:\n"
    "      - {text: Go, goto: start, if: nn > 1}\n"
    "",
     "DIR/a.yaml:6:37: error: undeclared variable 'nn'\n"
    "  hint: did you mean 'n'?\n"
    "",
     false},
    {"expr_syntax", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    choices:\n"
    "      - {text: Go, goto: start, if: n > }\n"
    "",
     "DIR/a.yaml:6:40: error: expected a value, got the end of the expression\n"
    "",
     false},
    {"type_error", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    choices:\n"
    "      - {text: Go, goto: start, if: \"n + s == 1\"}\n"
    "",
     "DIR/a.yaml:6:40: error: cannot add int and string with '+'\n"
    "  hint: '+' adds two ints or joins two strings\n"
    "",
     false},
    {"chain_compare", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    choices:\n"
    "      - {text: Go, goto: start, if: 1 < 2 < 3}\n"
    "",
     "DIR/a.yaml:6:43: error: '<' needs two ints, got bool and int\n"
    "  hint: comparisons do not chain: write 'a < b and b < c'\n"
    "",
     false},
    {"no_way_on", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "",
     "DIR/a.yaml:3:3: error: scene 'start' has no way on\n"
    "  hint: give it choices, next: <scene>, or end: true\n"
    "",
     false},
    {"two_ways", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    next: start\n"
    "    choices:\n"
    "      - {text: Go, goto: start}\n"
    "",
     "DIR/a.yaml:3:3: error: scene 'start' has more than one way on (choices and next)\n"
    "  hint: keep only one of choices, next, end\n"
    "",
     false},
    {"unknown_cue", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    music: piano\n"
    "    sound: rain\n"
    "    text: Hi\n"
    "    end: true\n"
    "",
     "DIR/a.yaml:4:12: error: unknown music cue 'piano'\n"
    "  hint: declare it under 'music:' in the manifest, or write none\n"
    "DIR/a.yaml:5:12: error: unknown sound cue 'rain'\n"
    "  hint: declare it under 'sounds:' in the manifest\n"
    "",
     false},
    {"missing_chapter", replaced(M, "[a.yaml]", "[a.yaml, b.yaml]"),
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    end: true\n"
    "",
     "DIR/story.yaml:5:20: error: cannot read chapter file 'DIR/b.yaml': No such file or directory\n"
    "  hint: check the file name in 'chapters', or create the file\n"
    "",
     false},
    {"wrong_chapter_name", M,
     "chapter: b\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    end: true\n"
    "",
     "DIR/a.yaml:1:10: error: chapter 'b' must be named after its file, 'a'\n"
    "  hint: write chapter: a (the chapter name is the file's stem)\n"
    "",
     false},
    {"bad_format", replaced(M, "lostcorner/1", "lostcorner/2"),
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    end: true\n"
    "",
     "DIR/story.yaml:1:9: error: unknown story format 'lostcorner/2'\n"
    "  hint: this engine reads 'format: lostcorner/1'\n"
    "",
     false},
    {"missing_title", replaced(M, "title: T\n"
    "", ""),
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    end: true\n"
    "",
     "DIR/story.yaml:1:1: error: the manifest is missing the required key 'title'\n"
    "",
     false},
    {"visits_unknown", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: \"{visits(nope)}\"\n"
    "    end: true\n"
    "",
     "DIR/a.yaml:4:20: error: unknown scene 'nope' in visits()\n"
    "  hint: a scene of this chapter is 'scene', of another 'chapter.scene'\n"
    "",
     false},
    {"div_zero", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    do: [n = n / 0]\n"
    "    text: Hi\n"
    "    end: true\n"
    "",
     "DIR/a.yaml:4:16: error: division by literal zero\n"
    "  hint: dividing by 0 always fails when the story runs\n"
    "",
     false},
    {"text_missing_end", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    end: true\n"
    "",
     "DIR/a.yaml:3:3: error: scene 'start' has no text\n"
    "  hint: an ending needs text; a scene that goes on by next or choices may leave it out\n"
    "",
     false},
    {"if_unclosed", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: \"{if b}open\"\n"
    "    end: true\n"
    "",
     "DIR/a.yaml:4:12: error: '{if}' is never closed\n"
    "  hint: close it with '{end}'\n"
    "",
     false},
    {"alias_bomb", M,
     "chapter: a\nscenes:\n" + OK + aliasBomb(),
     "DIR/a.yaml:9:29: error: aliases expand to more than 10,000 nodes\n"
    "  hint: use fewer aliases, or write the repeated parts out\n"
    "" kHiddenStart,
     false},
    {"nul", M,
     std::string("chapter: a\nscenes:\n  start:\n    text: H\0i\n    end: true\n", 41),
     "DIR/a.yaml:4:12: error: NUL character (U+0000) is not allowed\n"
    "  hint: the file may not be text; save it as UTF-8 text\n"
    "" kHiddenStart,
     false},
    {"start_unknown", replaced(M, "start: a.start", "start: a.strat"),
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    end: true\n"
    "",
     "DIR/story.yaml:4:8: error: unknown start scene 'a.strat'\n"
    "  hint: did you mean 'a.start'?\n"
    "",
     false},
    {"ending_without_end", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: Hi\n"
    "    ending: x\n"
    "    next: start\n"
    "",
     "DIR/a.yaml:5:13: error: 'ending' without 'end: true' in scene 'start'\n"
    "  hint: add end: true, or remove ending\n"
    "",
     false},
    {"utf8_columns", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: \"“Curly” {nn}\"\n"
    "    end: true\n"
    "",
     "DIR/a.yaml:4:21: error: undeclared variable 'nn'\n"
    "  hint: did you mean 'n'?\n"
    "",
     false},
    {"literal_block", M,
     "chapter: a\n"
    "scenes:\n"
    "  start:\n"
    "    text: |\n"
    "      First line.\n"
    "      Second {n +} line.\n"
    "    end: true\n"
    "",
     "DIR/a.yaml:6:18: error: expected a value, got the end of the expression\n"
    "",
     false},
};

}  // namespace

TEST_CASE("check reports each mistake at its place, with a hint") {
  for (const Case& c : kCases) {
    lc::test::TempStory story({{"story.yaml", c.manifest}, {"a.yaml", c.chapter}});
    lc::LoadResult r = story.load();
    INFO("case " << c.name);
    CHECK(lc::test::diagnosticsText(r, story.path()) == c.expected);
    CHECK(static_cast<bool>(r.story) == c.ok);
  }
}

// Every field of every export format escaped, read back as a person's software reads it:
// the Markdown rendered by cmark, the HTML by headless Chromium, the JSON by the report.
// A hostile text in any field must come out as the same text, with no element of its own.
#include <catch2/catch.hpp>

#include <map>
#include <regex>

#include "app/classroom_summary.h"
#include "classroom/classroom_export.h"
#include "support/classroom.h"
#include "support/run.h"
#include "support/temp_story.h"
#include "support/skip.h"

using lc::test::contains;

namespace {

std::string yamlQuoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
  return out + "\"";
}

// The lesson story with `h` in every text a reader sees.
std::map<std::string, std::string> hostileStory(const std::string& h) {
  std::string q = yamlQuoted(h);
  return {{"story.yaml", "format: lostcorner/1\nid: lesson\ntitle: " + q + "\nversion: 3\nstart: one.gate\nchapters: [one.yaml, two.yaml]\n"},
          {"one.yaml", "chapter: one\ntitle: " + q + "\nscenes:\n  gate:\n    title: " + q + "\n    text: Words.\n"
                       "    prompt:\n      kind: predict\n      ask: " + q + "\n    journal: " + q + "\n    choices:\n"
                       "      - text: " + q + "\n        goto: pond\n      - text: " + q + "\n        goto: two.field\n"
                       "  pond:\n    title: The pond\n    text: A pond.\n    next: two.field\n"},
          {"two.yaml", "chapter: two\ntitle: " + q + "\nscenes:\n  field:\n    title: " + q +
                       "\n    text: A field.\n    end: true\n    ending: " + q + "\n"}};
}

struct Exported {
  std::string md, html, json;
};

// A student plays, writes `h` (and lines that look like Markdown) and names themself `h`.
Exported exportWith(const std::string& h) {
  lc::test::TempStory story(hostileStory(h));
  lc::test::TempDir saves, out;
  std::string input = "\n" + h + "\n---\n=== \n    four spaces\n> quoted\n- item\n1. item\n+ plus\n.\nname " + h +
                      "\n2\nexport " + out.path() + "\nquit\n";
  auto r = lc::test::runLostCorner("play " + story.path() + " --text --classroom --save-dir " + saves.path(), input);
  INFO(r.out);
  REQUIRE(r.status == 0);
  Exported e;
  e.md = lc::test::readText(lc::test::filesEndingWith(out.path(), ".md").at(0));
  e.html = lc::test::readText(lc::test::filesEndingWith(out.path(), ".html").at(0));
  e.json = lc::test::readText(lc::test::filesEndingWith(out.path(), ".json").at(0));
  return e;
}

bool have(const char* tool) { return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0; }

std::string runTool(const std::string& command, const std::string& input) {
  lc::test::TempDir dir;
  dir.write("in", input);
  std::string cmd = command + " < " + dir.file("in") + " > " + dir.file("out") + " 2>/dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);
  return lc::test::readText(dir.file("out"));
}

// Elements by name: what a renderer made of the text.
std::map<std::string, int> elements(const std::string& html) {
  std::map<std::string, int> n;
  std::regex tag("<([a-zA-Z][a-zA-Z0-9]*)");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it) ++n[(*it)[1]];
  return n;
}

std::string describe(const std::map<std::string, int>& n) {
  std::string out;
  for (const auto& [name, count] : n) out += name + "=" + std::to_string(count) + " ";
  return out;
}

// How the renderers write text back out: &, < and > (and " for cmark) as entities.
std::string asText(const std::string& s, bool quotes) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"' && quotes) out += "&quot;";
    else out += c;
  }
  return out;
}

int occurrences(const std::string& text, const std::string& part) {
  int n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

const std::vector<std::string> kHostile = {
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "<https://evil.example/x>",
    "![pic](https://evil.example/p.png)",
    "**bold** _em_ `code` ~~gone~~",
    "# not a heading",
    "http://evil.example and www.evil.example",
    "<b onclick=alert(1)>&amp; &lt;x&gt;</b>",
    "| a | b |",
    "<!-- hidden --> <style>body{display:none}</style>",
    "back\\slash \\<b\\> and \\* star",
    "\"quotes\" & 'apostrophes'",
    "[ref]: https://evil.example",
};

}  // namespace

SCENARIO("markdownEscape keeps one field on one line and every markup character literal") {
  CHECK(lc::markdownEscape("a\nb\rc", false) == "a b c");
  CHECK(lc::markdownEscape("- item", true) == "\\- item");
  CHECK(lc::markdownEscape("- item", false) == "- item");
  CHECK(lc::markdownEscape("1. one, 2.5", false) == "1\\. one, 2\\.5");
  CHECK(lc::markdownEscape("see http://x or www.y", false) == "see http\\://x or www\\.y");
  CHECK(lc::markdownEscape("<a>[b](c)", false) == "\\<a\\>\\[b\\](c)");
}

SCENARIO("hostile text in every field of the Markdown export renders as text in cmark") {
  if (!have("cmark")) {
    LC_SKIP("cmark is not installed (tools/install-deps.sh installs it): the Markdown check");
    return;
  }
  const auto plain = elements(runTool("cmark", exportWith("Plain words").md));
  for (const auto& h : kHostile) {
    INFO("hostile text: " << h);
    Exported e = exportWith(h);
    std::string rendered = runTool("cmark", e.md);
    INFO(e.md);
    INFO(rendered);
    CHECK(describe(elements(rendered)) == describe(plain));  // not one element more or less
    // story title, name, 3 chapter titles, 2 scene titles, choice, prompt, question, reflection, ending x3
    CHECK(occurrences(rendered, asText(h, true)) >= 12);
  }
}

SCENARIO("hostile text in every field of the HTML export is text in headless Chromium") {
  std::string chromium = have("chromium") ? "chromium" : have("chromium-browser") ? "chromium-browser" : "";
  if (chromium.empty()) {
    LC_SKIP("chromium is not installed (apt-get install chromium): the HTML check");
    return;
  }
  lc::test::TempDir profile, pages;
  auto dom = [&](const std::string& html) {
    pages.write("page.html", html);
    return runTool("timeout 120 " + chromium + " --headless --no-sandbox --disable-gpu --no-first-run --disable-sync"
                   " --disable-background-networking --disable-component-update --user-data-dir=" + profile.path() +
                   " --dump-dom file://" + pages.file("page.html"), "");
  };
  const auto plain = elements(dom(exportWith("Plain words").html));
  for (const auto& h : {kHostile[0], kHostile[3], kHostile[7], kHostile[9], kHostile[11]}) {
    INFO("hostile text: " << h);
    std::string page = dom(exportWith(h).html);
    INFO(page);
    CHECK(describe(elements(page)) == describe(plain));
    CHECK(occurrences(page, asText(h, false)) >= 12);
  }
}

SCENARIO("hostile text in the JSON summary reads back as the same text") {
  for (const auto& h : kHostile) {
    INFO("hostile text: " << h);
    Exported e = exportWith(h);
    lc::ClassSummary s;
    lc::ReportProblem p;
    REQUIRE(lc::parseClassSummary("x.json", e.json, s, p));
    CHECK(s.storyTitle == h);
    REQUIRE(s.choices.size() == 1);
    CHECK(s.choices[0].choice == h);
    CHECK(s.choices[0].sceneTitle == h);
    CHECK(s.choices[0].chapterTitle == h);
    CHECK(s.endings == std::vector<std::string>{h});
    REQUIRE(s.prompts.size() == 2);
    CHECK(s.prompts[0].ask == h);
    CHECK(s.prompts[1].ask == h);
  }
}

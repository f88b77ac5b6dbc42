// `lostcorner new NAME`: a story folder that checks clean and plays, to start from.
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "app/cli.h"
#include "app/commands.h"

namespace lc {

static const CommandSpec kNew = {
    "new", "lostcorner new NAME [--title TITLE]",
    "Creates the folder NAME with a small story to start from.",
    "\nWrites NAME/story.yaml (the manifest), NAME/one.yaml (a first chapter of three\n"
    "scenes and an ending) and NAME/README.md (how to play, check and map it). Nothing\n"
    "is overwritten: NAME must not exist yet.\n\n"
    "options:\n"
    "  --title TITLE   the story's title (default: from NAME)\n",
    {}, {"--title"}};

namespace {

std::string baseName(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// A story id ([a-z0-9-]+) from the folder name: "My Story" -> "my-story".
std::string storyId(const std::string& name) {
  std::string id;
  for (unsigned char c : name) {
    if (std::isalnum(c) && c < 0x80) id += static_cast<char>(std::tolower(c));
    else if (!id.empty() && id.back() != '-') id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "my-story" : id;
}

// "my_first-story" -> "My first story"
std::string titleFrom(const std::string& name) {
  std::string title;
  for (char c : name) title += (c == '-' || c == '_') ? ' ' : c;
  if (!title.empty()) title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
  return title;
}

std::string yamlQuote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// `to` as a path relative to the folder `from` (both absolute and real).
std::string relativePath(const std::string& from, const std::string& to) {
  auto parts = [](const std::string& p) {
    std::vector<std::string> out;
    for (size_t at = 0; at < p.size();) {
      size_t end = p.find('/', at);
      if (end == std::string::npos) end = p.size();
      if (end > at) out.push_back(p.substr(at, end - at));
      at = end + 1;
    }
    return out;
  };
  const std::vector<std::string> a = parts(from), b = parts(to);
  size_t same = 0;
  while (same < a.size() && same < b.size() && a[same] == b[same]) ++same;
  std::string rel;
  for (size_t i = same; i < a.size(); ++i) rel += "../";
  for (size_t i = same; i < b.size(); ++i) rel += b[i] + (i + 1 < b.size() ? "/" : "");
  return rel;
}

// The schema modeline, when the schemas are where this build came from: a path relative
// to the story's folder (an absolute one breaks as soon as the story is shared).
std::string modeline(const std::string& storyDir, const char* schema) {
  const std::string path = std::string(LOSTCORNER_SOURCE_DIR) + "/tools/schema/" + schema;
  char real[PATH_MAX], folder[PATH_MAX];
  if (::access(path.c_str(), R_OK) != 0 || !::realpath(path.c_str(), real) || !::realpath(storyDir.c_str(), folder))
    return "";
  return "# yaml-language-server: $schema=" + relativePath(folder, real) + "\n";
}

std::string manifest(const std::string& dir, const std::string& id, const std::string& title) {
  return modeline(dir, "manifest.schema.json") +
         "# The manifest: what the story is called, where it starts, its chapters and its\n"
         "# variables. The writer's guide (story/README.md in Lost Corner) explains every key.\n"
         "format: lostcorner/1\n"
         "id: " +
         id +
         "\n"
         "title: " +
         yamlQuote(title) +
         "\n"
         "version: 1\n"
         "start: one.start           # chapter.scene\n"
         "chapters: [one.yaml]       # in reading order; add more files here\n"
         "variables:\n"
         "  courage: {type: int, initial: 0, min: 0, max: 3}\n";
}

const char* kChapter =
    "# A chapter: its scenes, in reading order. The chapter's name is the file's name.\n"
    "chapter: one\n"
    "title: Chapter one\n"
    "scenes:\n"
    "  start:\n"
    "    title: The beginning\n"
    "    text: |\n"
    "      Your story starts here. Courage so far: {courage}.\n"
    "\n"
    "      A blank line starts a new paragraph.\n"
    "    choices:\n"
    "      - text: Be brave\n"
    "        goto: door\n"
    "        do: [courage += 1]\n"
    "      - text: Wait a while\n"
    "        goto: wait\n"
    "  wait:\n"
    "    title: Waiting\n"
    "    text: You wait. Nothing happens, which is an answer of a kind.\n"
    "    next: door\n"
    "  door:\n"
    "    title: The door\n"
    "    text: \"{if courage > 0}You open the door.{else}The door opens by itself.{end}\"\n"
    "    end: true\n"
    "    ending: Through the door\n";

std::string readme(const std::string& name, const std::string& title) {
  return "# " + title + "\n\n"
         "A story for the Lost Corner engine. `story.yaml` is the manifest; each chapter is a\n"
         "file listed in it (here `one.yaml`).\n\n"
         "```sh\n"
         "lostcorner play " + name + " --text     # play it in the terminal (or without --text, in a window)\n"
         "lostcorner check " + name + "           # every mistake, as file:line:col, with a hint\n"
         "lostcorner explore " + name + "         # every ending, dead end and endless loop, with the choices there\n"
         "lostcorner graph " + name + " -o map.svg  # the story map\n"
         "lostcorner stats " + name + "           # words, reading time, routes\n"
         "```\n\n"
         "The writer's guide (`story/README.md` in Lost Corner) explains the format by\n"
         "example, every tool and every message. For completion and checking as you type,\n"
         "use an editor with the YAML language server (VS Code: the \"YAML\" extension) and\n"
         "the schemas in Lost Corner's `tools/schema/` (see the guide's \"Editor support\").\n";
}

bool writeFile(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  f << text;
  return static_cast<bool>(f);
}

}  // namespace

int cmdNew(int argc, char** argv) {
  bool exitNow = false;
  auto args = parseArgs(kNew, argc, argv, exitNow);
  if (!args) return 2;
  if (exitNow) return 0;
  if (args->positional.size() != 1 || args->positional[0].empty())
    return std::fprintf(stderr, "lostcorner new: give the new story's folder, e.g. lostcorner new my-story\n"), 2;
  std::string dir = args->positional[0];
  struct stat st;
  if (::stat(dir.c_str(), &st) == 0)
    return std::fprintf(stderr, "lostcorner new: '%s' already exists; nothing was written (choose another name)\n", dir.c_str()), 1;
  if (::mkdir(dir.c_str(), 0777) != 0) return std::perror(("lostcorner new: " + dir).c_str()), 1;
  std::string name = baseName(dir);
  std::string title = args->get("--title").value_or(titleFrom(name));
  bool ok = writeFile(dir + "/story.yaml", manifest(dir, storyId(name), title)) &&
            writeFile(dir + "/one.yaml", modeline(dir, "chapter.schema.json") + kChapter) &&
            writeFile(dir + "/README.md", readme(dir, title));
  if (!ok) return std::fprintf(stderr, "lostcorner new: could not write the files in '%s'\n", dir.c_str()), 1;
  std::printf("created %s/ with story.yaml, one.yaml and README.md\nnext: lostcorner play %s --text\n", dir.c_str(), dir.c_str());
  return 0;
}

}  // namespace lc

// lostcorner publish: a story as a web page, from the prebuilt web player (tools/web.sh).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/cli.h"
#include "app/commands.h"
#include "app/web_page.h"
#include "load/loader.h"

namespace fs = std::filesystem;

namespace lc {

static const CommandSpec kPublish = {
    "publish", "lostcorner publish STORY -o DIR [--single-file] [--classroom [--teacher-code CODE | --homework]]",
    "Writes the story as a web page any static web server can serve, or one .html file.",
    "\nThe story is checked first; a story with errors is not published.\n"
    "DIR gets index.html, lostcorner-player.js, .wasm, .data (the fonts) and story.data\n"
    "(the story, its music and sounds). With --single-file DIR gets one STORY-ID.html\n"
    "holding everything, which works opened straight from disk, offline.\n"
    "DIR must be new, empty, or an earlier publish; it is replaced as a whole.\n\n"
    "options:\n"
    "  -o DIR               the output folder\n"
    "  --single-file        one self-contained .html file\n"
    "  --classroom          the page starts in classroom mode\n"
    "  --teacher-code CODE  teacher-paced classroom mode (the code opens each chapter)\n"
    "  --homework           student-paced classroom mode\n"
    "  --projector          the page starts in projector mode\n"
    "  --no-check           publish even with errors (the page shows the error screen)\n\n"
    "The web player is read from $LOSTCORNER_WEB_PLAYER when set, else from web-player/ next\n"
    "to this program or ../share/lostcorner/web-player; `bash tools/web.sh` builds it.\n",
    {"--single-file", "--classroom", "--homework", "--projector", "--no-check"}, {"-o", "--teacher-code"}};

static const char* const kMarker = ".lostcorner-publish";
static const char* const kPlayerFiles[] = {"lostcorner-player.js", "lostcorner-player.wasm", "lostcorner-player.data",
                                           "page.html"};

static fs::path programFolder() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path(".") : exe.parent_path();
}

static std::vector<fs::path> playerCandidates() {
  if (const char* env = std::getenv("LOSTCORNER_WEB_PLAYER"); env && *env) return {env};
  std::vector<fs::path> out;
  out.push_back(programFolder() / "web-player");
  out.push_back(programFolder() / "../share/lostcorner/web-player");
  return out;
}

static bool hasPlayer(const fs::path& dir) {
  for (const char* f : kPlayerFiles)
    if (!fs::exists(dir / f)) return false;
  return true;
}

static bool readWhole(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return static_cast<bool>(in);
}

static bool fail(const std::string& message) {
  std::fprintf(stderr, "lostcorner publish: %s\n", message.c_str());
  return false;
}

// DIR may be written when it does not exist, is empty, or holds an earlier publish.
static bool outputAllowed(const fs::path& out) {
  std::error_code ec;
  if (!fs::exists(out, ec)) return true;
  if (!fs::is_directory(out, ec)) return fail(out.string() + " exists and is not a folder; choose a new folder");
  if (fs::is_empty(out, ec) || fs::exists(out / kMarker, ec)) return true;
  return fail(out.string() + " is not empty and was not written by lostcorner publish; choose a new or empty folder "
              "(nothing was written)");
}

static bool writeFile(const fs::path& path, const std::string& contents) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << contents;
  f.close();
  return f.good() || fail(path.string() + ": cannot be written");
}

// Everything is written into a fresh folder beside DIR, which then takes DIR's place in one
// rename: a failure half-way leaves DIR as it was.
static bool writeFolderAtomically(const fs::path& out, const std::vector<std::pair<std::string, std::string>>& files) {
  std::error_code ec;
  const fs::path parent = fs::absolute(out).parent_path();
  if (!fs::is_directory(parent, ec)) return fail(parent.string() + " does not exist; create it first");
  if (access(parent.c_str(), W_OK) != 0) return fail("cannot write in " + parent.string() + ": permission denied");
  const fs::path temp = parent / ("." + out.filename().string() + ".publishing-" + std::to_string(getpid()));
  fs::remove_all(temp, ec);
  bool ok = static_cast<bool>(fs::create_directory(temp, ec)) || fail("cannot create " + temp.string() + ": " + ec.message());
  for (const auto& [name, contents] : files)
    if (ok) ok = writeFile(temp / name, contents);
  const fs::path old = parent / ("." + out.filename().string() + ".old-" + std::to_string(getpid()));
  if (ok && fs::exists(out)) {
    fs::rename(out, old, ec);
    if (ec) ok = fail("cannot replace " + out.string() + ": " + ec.message());
  }
  if (ok) {
    fs::rename(temp, out, ec);
    if (ec) ok = fail("cannot create " + out.string() + ": " + ec.message());
    if (ec && fs::exists(old)) fs::rename(old, out, ec);
  }
  fs::remove_all(ok ? old : temp, ec);
  if (!ok) fs::remove_all(temp, ec);
  return ok;
}

// The folder of STORY as given: a story folder, or its manifest file.
static std::string storyFolderOf(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec) ? path : fs::path(path).parent_path().string();
}

static std::vector<std::string> pageArgs(const Args& args) {
  std::vector<std::string> out;
  for (const char* flag : {"--classroom", "--homework", "--projector"})
    if (args.has(flag)) out.push_back(flag);
  if (auto code = args.get("--teacher-code")) out.insert(out.end(), {"--teacher-code", *code});
  return out;
}

int cmdPublish(int argc, char** argv) {
  bool exitNow = false;
  auto args = parseArgs(kPublish, argc, argv, exitNow);
  if (!args) return 2;
  if (exitNow) return 0;
  auto outArg = args->get("-o");
  if (args->positional.size() != 1 || !outArg) {
    std::fprintf(stderr, "usage: %s\n", kPublish.usage);
    return 2;
  }
  const std::string storyArg = args->positional[0];
  LoadResult loaded = loadStory(storyArg);
  std::fputs(formatText(loaded.diagnostics).c_str(), stderr);
  if (loaded.diagnostics.hasErrors() && !args->has("--no-check")) {
    std::fprintf(stderr, "lostcorner publish: %s has %zu error(s); fix them (lostcorner check %s) and publish again\n",
                 storyArg.c_str(), loaded.diagnostics.errorCount(), storyArg.c_str());
    return 1;
  }
  fs::path player;
  for (const fs::path& p : playerCandidates())
    if (player.empty() && hasPlayer(p)) player = p;
  if (player.empty()) {
    std::string looked;
    for (const fs::path& p : playerCandidates()) looked += "\n  " + p.lexically_normal().string();
    std::fprintf(stderr, "lostcorner publish: the web player is not built; looked in:%s\n"
                         "Build it with `bash tools/web.sh` (needs Debian's emscripten), or set LOSTCORNER_WEB_PLAYER.\n",
                 looked.c_str());
    return 1;
  }
  const fs::path out = *outArg;
  if (!outputAllowed(out)) return 1;

  // Without a story (--no-check of a broken one) the page packs the folder and shows the errors.
  const std::string folder = loaded.story ? loaded.story->folder : storyFolderOf(storyArg);
  const std::string id = loaded.story ? loaded.story->id : fs::path(folder).filename().string();
  const std::string title = loaded.story ? loaded.story->title : id;
  std::vector<std::string> cues;
  if (loaded.story)
    for (const auto* list : {&loaded.story->music, &loaded.story->sounds})
      for (const Cue& cue : *list) cues.push_back(cue.file);
  std::string error, storyData, js, wasm, data, page;
  StoryPackage package = collectStoryFiles(folder, cues, error);
  if (!error.empty() || !encodePackage(package, storyData, error)) return fail(error), 1;
  if (!readWhole(player / "lostcorner-player.js", js) || !readWhole(player / "lostcorner-player.wasm", wasm) ||
      !readWhole(player / "lostcorner-player.data", data) || !readWhole(player / "page.html", page))
    return fail("cannot read the web player in " + player.string()), 1;

  PageOptions options{title, package.storyPath, pageArgs(*args), args->has("--single-file")};
  std::vector<PageFile> parts = {{"wasm", "lostcorner-player.wasm", wasm}, {"data", "lostcorner-player.data", data},
                                 {"story", "story.data", storyData}, {"js", "lostcorner-player.js", js}};
  std::vector<std::pair<std::string, std::string>> files = {{kMarker, id + "\n"}};
  if (options.singleFile) {
    files.push_back({id + ".html", fillPage(page, options, parts)});
  } else {
    files.push_back({"index.html", fillPage(page, options, parts)});
    for (PageFile& p : parts) files.push_back({p.name, std::move(p.contents)});
  }
  if (!writeFolderAtomically(out, files)) return 1;
  std::printf("published %s (%zu files of the story) to %s/%s\n", title.c_str(), package.files.size(),
              out.string().c_str(), options.singleFile ? files[1].first.c_str() : "index.html");
  return 0;
}

}  // namespace lc

// loadStory: manifest first, then chapter files (read and parsed in parallel), then
// two passes over the scenes (ids first so references resolve, then contents).
#include "load/loader.h"

#include <algorithm>
#include <functional>
#ifdef LOSTCORNER_THREADS
#include <atomic>
#include <thread>
#endif

#include "load/build.h"
#include "load/file_io.h"

namespace lc {
namespace {

// Runs fn(0..n-1), on worker threads when built with them.
void parallelFor(size_t n, bool parallel, const std::function<void(size_t)>& fn) {
#ifdef LOSTCORNER_THREADS
  size_t workers = std::min<size_t>(n, std::max(1u, std::thread::hardware_concurrency()));
  if (parallel && workers > 1) {
    std::atomic<size_t> nextIndex{0};
    std::vector<std::thread> threads;
    for (size_t w = 0; w < workers; ++w)
      threads.emplace_back([&] {
        for (size_t i; (i = nextIndex++) < n;) fn(i);
      });
    for (auto& t : threads) t.join();
    return;
  }
#endif
  (void)parallel;
  for (size_t i = 0; i < n; ++i) fn(i);
}

// Reads and parses one file into its FileCtx; false if it could not be read.
bool readAndParse(FileCtx& f, std::string& error) {
  std::string bytes;
  if (!readFile(f.path, bytes, error)) return false;
  f.doc = yaml::parse(std::move(bytes));
  for (const auto& p : f.doc.problems) f.report(Severity::Error, Cause::Unreadable, p.pos, p.message, p.hint);
  for (const auto& p : f.doc.warnings) f.report(Severity::Warning, Cause::Content, p.pos, p.message, p.hint);
  return true;
}

void assignSpentSlots(Story& story) {
  int slot = 0;
  for (Scene& s : story.scenes)
    for (Choice& c : s.choices)
      if (c.once) c.spentSlot = slot++;
  story.spentSlots = slot;
}

std::string manifestPathOf(const std::string& path) {
  return isDirectory(path) ? joinPath(path, "story.yaml") : path;
}

}  // namespace

LoadResult loadStory(const std::string& path, const LoadOptions& options) {
  LoadResult result;
  auto story = std::make_unique<Story>();
  FileCtx manifest;
  manifest.path = manifestPathOf(path);
  manifest.index = 0;
  story->folder = parentFolder(manifest.path);
  story->files.push_back(manifest.path);
  std::string error;
  if (!readAndParse(manifest, error)) {
    result.diagnostics.add({Severity::Error, manifest.path, 0, 0, "cannot read the story manifest: " + error,
                            "give the story's folder (holding story.yaml) or its manifest file", Cause::Unreadable});
    return result;
  }
  Manifest m = buildManifest(manifest, *story);

  std::vector<FileCtx> chapters(m.chapters.size());
  for (size_t i = 0; i < chapters.size(); ++i) {
    chapters[i].path = m.chapters[i].path;
    chapters[i].index = static_cast<int>(story->files.size());
    story->files.push_back(chapters[i].path);
    story->chapters.push_back(Chapter{m.chapters[i].stem, {}, {}, m.chapters[i].path, {}, {}});
  }
  std::vector<std::string> readErrors(chapters.size());
  std::vector<char> readOk(chapters.size(), 0);
  parallelFor(chapters.size(), options.parallel, [&](size_t i) { readOk[i] = readAndParse(chapters[i], readErrors[i]); });
  for (size_t i = 0; i < chapters.size(); ++i) {
    if (!readOk[i])
      manifest.report(Severity::Error, Cause::Unreadable, m.chapters[i].pos,
                      "cannot read chapter file '" + m.chapters[i].path + "': " + readErrors[i],
                      "check the file name in 'chapters', or create the file");
    collectScenes(chapters[i], *story, static_cast<int>(i), m.chapters[i].stem);
  }
  std::vector<bool> unreadable(chapters.size());
  for (size_t i = 0; i < chapters.size(); ++i) unreadable[i] = !readOk[i] || !chapters[i].doc.problems.empty();
  parallelFor(chapters.size(), options.parallel, [&](size_t i) {
    buildScenes(chapters[i], *story, static_cast<int>(i), unreadable);
    chapters[i].doc = yaml::Document();  // node trees are short-lived
  });
  assignSpentSlots(*story);
  story->start = m.start.empty() ? -1 : story->findScene(m.start);

  Diagnostics whole;
  validateStory(*story, m, manifest, unreadable, whole, options.checkAudio);
  result.diagnostics.append(manifest.diags);
  for (const auto& c : chapters) result.diagnostics.append(c.diags);
  result.diagnostics.append(whole);
  if (!result.diagnostics.hasErrors() && story->start >= 0) lintStory(*story, result.diagnostics);
  result.diagnostics.sort();
  if (!result.diagnostics.hasErrors() && story->start >= 0) result.story = std::move(story);
  return result;
}

}  // namespace lc

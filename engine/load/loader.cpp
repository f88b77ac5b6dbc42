// loadStory: manifest first, then chapter files (read and parsed in parallel), then
// two passes over the scenes (ids first so references resolve, then contents).
#include "load/loader.h"

#include <algorithm>
#include <functional>
#include <optional>
#ifdef LOSTCORNER_THREADS
#include <atomic>
#include <thread>
#endif

#include "load/check_cache.h"
#include "load/content_hash.h"
#include "load/file_io.h"
#include "load/load_stages.h"

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

// Parses one chapter's bytes into its FileCtx, or takes the cached parse of the same bytes.
void parseChapter(FileCtx& f, std::string bytes, const std::string& hash, CheckCache* cache) {
  std::optional<yaml::Document> cached;
  if (cache) cached = cache->findParse(hash, bytes);
  if (cached) {
    f.doc = std::move(*cached);
  } else {
    f.doc = yaml::parse(std::move(bytes));
    if (cache) cache->keepParse(hash, f.doc);
  }
  for (const auto& p : f.doc.problems) f.report(Severity::Error, Cause::Unreadable, p.pos, p.message, p.hint);
  for (const auto& p : f.doc.warnings) f.report(Severity::Warning, Cause::Content, p.pos, p.message, p.hint);
}

// What a cue file is on disk, as validate.cpp looks at it: missing, a file of some
// size, or something else (a folder, a FIFO...). A strict check (checkAudio) also reads
// the file, so its bytes are part of what the result depends on.
std::string pathState(const std::string& path, bool withContent) {
  if (path.empty()) return "-";
  std::string state = std::string(fileExists(path) ? "f" : pathExists(path) ? "o" : "m") + whyNotReadable(path);
  std::string bytes, error;
  if (withContent && readFile(path, bytes, error)) state += contentHash(bytes);
  return state;
}

void assignSpentSlots(Story& story) {
  int slot = 0;
  for (Scene& s : story.scenes)
    for (Choice& c : s.choices)
      if (c.once) c.spentSlot = slot++;
  story.spentSlots = slot;
}

std::string manifestPathOf(const std::string& path) { return isDirectory(path) ? joinPath(path, "story.yaml") : path; }

}  // namespace

StoryInputs readStoryInputs(const std::string& path, const LoadOptions& options) {
  StoryInputs in;
  in.story = std::make_unique<Story>();
  Story& story = *in.story;
  FileCtx& manifest = in.manifest;
  manifest.path = manifestPathOf(path);
  manifest.index = 0;
  story.folder = parentFolder(manifest.path);
  story.files.push_back(manifest.path);
  std::string error, manifestBytes;
  if (!readFile(manifest.path, manifestBytes, error)) {
    in.failed.files = story.files;
    in.failed.diagnostics.add({Severity::Error, manifest.path, 0, 0, "cannot read the story manifest: " + error,
                               "give the story's folder (holding story.yaml) or its manifest file", Cause::Unreadable});
    return in;
  }
  CheckCache* cache = options.cache;
  if (cache) cache->beginStory(manifest.path);
  HashBuilder key;
  if (cache) key.add(cache->engine()).add(path).add(contentHash(manifestBytes));
  manifest.doc = yaml::parse(std::move(manifestBytes));
  for (const auto& p : manifest.doc.problems)
    manifest.report(Severity::Error, Cause::Unreadable, p.pos, p.message, p.hint);
  for (const auto& p : manifest.doc.warnings)
    manifest.report(Severity::Warning, Cause::Content, p.pos, p.message, p.hint);
  in.m = buildManifest(manifest, story);
  in.ok = true;

  const size_t n = in.m.chapters.size();
  in.chapters.resize(n);
  for (size_t i = 0; i < n; ++i) {
    in.chapters[i].path = in.m.chapters[i].path;
    in.chapters[i].index = static_cast<int>(story.files.size());
    story.files.push_back(in.chapters[i].path);
    story.chapters.push_back(Chapter{in.m.chapters[i].stem, {}, {}, in.m.chapters[i].path, {}, {}});
  }
  in.bytes.resize(n);
  in.hashes.resize(n);
  in.readErrors.resize(n);
  in.readOk.assign(n, 0);
  parallelFor(n, options.parallel, [&](size_t i) {
    in.readOk[i] = readFile(in.chapters[i].path, in.bytes[i], in.readErrors[i]);
    if (in.readOk[i] && cache) in.hashes[i] = contentHash(in.bytes[i]);
  });
  if (!cache) return in;
  for (size_t i = 0; i < n; ++i)
    key.add(in.chapters[i].path)
        .add(in.readOk[i] ? "ok" : "unread")
        .add(in.readOk[i] ? in.hashes[i] : in.readErrors[i]);
  for (const auto* cues : {&story.music, &story.sounds})
    for (const Cue& c : *cues) key.add(c.file).add(pathState(c.file, options.checkAudio));
  in.key = key.hex();
  return in;
}

LoadResult buildStory(StoryInputs in, const LoadOptions& options) {
  if (!in.ok) return std::move(in.failed);
  LoadResult result;
  result.files = in.story->files;
  std::unique_ptr<Story>& story = in.story;
  FileCtx& manifest = in.manifest;
  const Manifest& m = in.m;
  std::vector<FileCtx>& chapters = in.chapters;
  parallelFor(chapters.size(), options.parallel, [&](size_t i) {
    if (in.readOk[i]) parseChapter(chapters[i], std::move(in.bytes[i]), in.hashes[i], options.cache);
  });
  for (size_t i = 0; i < chapters.size(); ++i) {
    if (!in.readOk[i])
      manifest.report(Severity::Error, Cause::Unreadable, m.chapters[i].pos,
                      "cannot read chapter file '" + m.chapters[i].path + "': " + in.readErrors[i],
                      "check the file name in 'chapters', or create the file");
    collectScenes(chapters[i], *story, static_cast<int>(i), m.chapters[i].stem);
  }
  std::vector<bool> unreadable(chapters.size());
  for (size_t i = 0; i < chapters.size(); ++i) unreadable[i] = !in.readOk[i] || !chapters[i].doc.problems.empty();
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

LoadResult loadStory(const std::string& path, const LoadOptions& options) {
  return buildStory(readStoryInputs(path, options), options);
}

}  // namespace lc

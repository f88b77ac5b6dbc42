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
#include "load/step_load.h"

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
  in.checkAudio = options.checkAudio;
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

// The steps of building, each either over all chapters at once or chapter by chapter.
void parseStep(StoryInputs& in, size_t i, const LoadOptions& options) {
  if (in.readOk[i]) parseChapter(in.chapters[i], std::move(in.bytes[i]), in.hashes[i], options.cache);
}

void collectStep(StoryInputs& in) {
  for (size_t i = 0; i < in.chapters.size(); ++i) {
    if (!in.readOk[i])
      in.manifest.report(Severity::Error, Cause::Unreadable, in.m.chapters[i].pos,
                         "cannot read chapter file '" + in.m.chapters[i].path + "': " + in.readErrors[i],
                         "check the file name in 'chapters', or create the file");
    collectScenes(in.chapters[i], *in.story, static_cast<int>(i), in.m.chapters[i].stem);
  }
  in.unreadable.resize(in.chapters.size());
  for (size_t i = 0; i < in.chapters.size(); ++i)
    in.unreadable[i] = !in.readOk[i] || !in.chapters[i].doc.problems.empty();
}

void buildStep(StoryInputs& in, size_t i) {
  buildScenes(in.chapters[i], *in.story, static_cast<int>(i), in.unreadable);
  in.chapters[i].doc = yaml::Document();  // node trees are short-lived
}

LoadResult finishStep(StoryInputs& in) {
  if (!in.ok) return std::move(in.failed);
  LoadResult result;
  result.files = in.story->files;
  std::unique_ptr<Story>& story = in.story;
  assignSpentSlots(*story);
  for (const Scene& s : story->scenes) {
    for (const LocatedEffect& e : s.onEnter) story->drawsRandom = story->drawsRandom || e.effect.value.drawsRandom();
    for (const Choice& c : s.choices)
      for (const LocatedEffect& e : c.effects) story->drawsRandom = story->drawsRandom || e.effect.value.drawsRandom();
  }
  story->start = in.m.start.empty() ? -1 : story->findScene(in.m.start);
  Diagnostics whole;
  validateStory(*story, in.m, in.manifest, in.unreadable, whole, in.checkAudio);
  result.diagnostics.append(in.manifest.diags);
  for (const auto& c : in.chapters) result.diagnostics.append(c.diags);
  result.diagnostics.append(whole);
  if (!result.diagnostics.hasErrors() && story->start >= 0) lintStory(*story, result.diagnostics);
  result.diagnostics.sort();
  if (!result.diagnostics.hasErrors() && story->start >= 0) result.story = std::move(story);
  return result;
}

LoadResult buildStory(StoryInputs in, const LoadOptions& options) {
  if (!in.ok) return std::move(in.failed);
  parallelFor(in.chapters.size(), options.parallel, [&](size_t i) { parseStep(in, i, options); });
  collectStep(in);
  parallelFor(in.chapters.size(), options.parallel, [&](size_t i) { buildStep(in, i); });
  return finishStep(in);
}

StepLoad::StepLoad(std::string path, LoadOptions options) : path_(std::move(path)), options_(options) {}
StepLoad::~StepLoad() = default;

bool StepLoad::step() {
  if (done_) return false;
  if (!in_) {
    in_ = std::make_unique<StoryInputs>(readStoryInputs(path_, options_));
    if (!in_->ok) done_ = true;
    return !done_;
  }
  const size_t n = in_->chapters.size();
  if (next_ < n) {
    parseStep(*in_, next_++, options_);
  } else if (next_ == n) {
    collectStep(*in_);
    ++next_;
  } else if (next_ < 2 * n + 1) {
    buildStep(*in_, next_++ - n - 1);
  } else {
    done_ = true;
  }
  return !done_;
}

LoadResult StepLoad::take() {
  while (step()) {
  }
  return in_ ? finishStep(*in_) : LoadResult{};
}

LoadResult loadStory(const std::string& path, const LoadOptions& options) {
  return buildStory(readStoryInputs(path, options), options);
}

}  // namespace lc

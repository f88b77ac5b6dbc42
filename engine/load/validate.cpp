// Whole-story checks that need every chapter built.
#include "core/suggest.h"
#include "load/audio_check.h"
#include "load/build.h"
#include "load/file_io.h"

namespace lc {
namespace {

void checkStart(const Story& story, const Manifest& m, FileCtx& manifest, const std::vector<bool>& unreadable) {
  if (m.start.empty()) return;
  if (m.start.find('.') == std::string::npos) {
    std::vector<std::string> all;
    for (const auto& s : story.scenes) all.push_back(s.qualified);
    std::string hint = suggestScene(m.start, all);
    if (hint.empty() && !story.scenes.empty()) hint = "write start: chapter.scene, e.g. " + story.scenes.front().qualified;
    manifest.error(m.startPos, "start '" + m.start + "' must name its chapter", hint.empty() ? "write start: chapter.scene" : hint);
    return;
  }
  if (story.findScene(m.start) >= 0) return;
  // A chapter that could not be read has no scenes: that error was reported already.
  std::string chapter = m.start.substr(0, m.start.find('.'));
  for (size_t i = 0; i < story.chapters.size(); ++i)
    if (story.chapters[i].id == chapter && i < unreadable.size() && unreadable[i]) {
      manifest.diags.hide();
      return;
    }
  std::vector<std::string> all;
  for (const auto& s : story.scenes) all.push_back(s.qualified);
  std::string hint = didYouMean(m.start, all);
  manifest.error(m.startPos, "unknown start scene '" + m.start + "'", hint.empty() ? "start must be chapter.scene of an existing scene" : hint);
}

// A scene whose every choice has a condition that can never hold: nobody can leave it.
void checkConstantDeadEnds(const Story& story, Diagnostics& out) {
  for (const Scene& s : story.scenes) {
    if (s.choices.empty()) continue;
    bool anyOpen = false;
    for (const Choice& c : s.choices)
      anyOpen = anyOpen || !c.condition || c.condition->truth() != Expr::Truth::AlwaysFalse;
    if (anyOpen) continue;
    out.error(story.files[s.loc.file], s.loc.line, s.loc.col,
              "scene '" + s.id + "' is a dead end: none of its choices can ever be shown",
              "every choice's 'if' is always false (given the variables' min/max); fix a condition or add a choice without one");
  }
}

void checkCueFiles(const std::vector<Cue>& cues, const Story& story, const char* kind, bool strict, Diagnostics& out) {
  for (const Cue& c : cues) {
    if (c.caption.empty())
      out.warning(story.files[c.loc.file], c.loc.line, c.loc.col,
                  std::string(kind) + " '" + c.id + "' has no caption (a player who cannot hear it is told nothing)",
                  "add caption: \"...\", a few words on what it sounds like");
    if (c.file.empty()) continue;
    const std::string what = std::string(kind) + " '" + c.id + "': file '" + c.file + "'";
    const std::string& file = story.files[c.loc.file];
    const Severity severity = strict ? Severity::Error : Severity::Warning;
    const std::string silent = strict ? "" : " (it will be silent)";
    if (fileExists(c.file)) {
      if (!strict) continue;
      const std::string problem = audioFileProblem(c.file);
      if (!problem.empty())
        out.add({Severity::Error, file, c.loc.line, c.loc.col, what + " " + problem,
                 "export it again as Ogg Vorbis (.ogg) or WAV (.wav); the window would play nothing for this cue",
                 Cause::Content});
      continue;
    }
    if (!pathExists(c.file)) {
      out.add({severity, file, c.loc.line, c.loc.col, what + " not found" + silent,
               "check the path; it is relative to the manifest's folder", Cause::Content});
      continue;
    }
    // A FIFO or a device: the window refuses it rather than wait on it or read it forever.
    out.add({severity, file, c.loc.line, c.loc.col, what + " cannot be played: " + whyNotReadable(c.file) + silent,
             "point the cue at an audio file (.ogg or .wav)", Cause::Content});
  }
}

}  // namespace

void validateStory(const Story& story, const Manifest& manifest, FileCtx& manifestFile,
                   const std::vector<bool>& unreadable, Diagnostics& out, bool checkAudio) {
  checkStart(story, manifest, manifestFile, unreadable);
  checkConstantDeadEnds(story, out);
  checkCueFiles(story.music, story, "music cue", checkAudio, out);
  checkCueFiles(story.sounds, story, "sound cue", checkAudio, out);
}

}  // namespace lc

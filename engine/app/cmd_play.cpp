#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "app/cli.h"
#include "app/commands.h"
#include "app/console.h"
#include "app/play_start.h"
#include "load/lesson_plan.h"
#include "load/loader.h"
#ifdef LOSTCORNER_HAS_PRESENT
#include "present/player.h"
#endif

namespace lc {

static const CommandSpec kPlay = {
    "play",
    "lostcorner play [STORY] [--text | --jsonl] [--classroom [classroom options]] [--save-dir DIR]",
    "Plays a story: in a window, or in the terminal.",
    "\nSTORY is a story folder (holding story.yaml); the bundled story by default.\n"
    "Without --text or --jsonl the story opens in a window; with no display it falls\n"
    "back to the terminal player.\n\n"
    "options:\n"
    "  --text          plain text in the terminal (screen-reader friendly); reads choice\n"
    "                  numbers and commands (save, load, back, history, quit, help) from stdin\n"
    "  --jsonl         the machine protocol: one JSON object per line per event (see README)\n"
    "  --classroom     classroom mode: content notes, glossary, discussion pauses, the\n"
    "                  reading journal and its export (type help in the game for commands)\n"
    "  --save-dir DIR  where saves go (default $XDG_DATA_HOME/lostcorner/<story id>)\n"
    "  --choices 1,3,2 in the terminal player: type these choice numbers first, then read\n"
    "                  stdin (replays a path explore reports; implies --text)\n"
    "  --start CHAPTER.SCENE  begin there instead of at the story's start (implies --text)\n"
    "  --set NAME=VALUE       begin with a variable at this value (repeatable; implies --text)\n"
    "  --fullscreen    start the window fullscreen\n\n"
    "  --projector     the window in projector mode: very large text, high contrast\n\n"
    "classroom options (each implies --classroom; the window, terminal and JSONL players):\n"
    "  --teacher-code CODE   teacher-paced: every chapter after the first waits until the\n"
    "                        teacher types: open CODE\n"
    "  --lesson PLAN.yaml    a lesson plan: open chapters, pause seconds, lesson length\n"
    "  --homework            student-paced: every chapter open\n"
    "  --pause-seconds N     a countdown at discussion pauses (Enter still goes on)\n"
    "  --lesson-minutes N    lesson length: a reminder 5 minutes before the end, and an autosave\n"
    "  --export-dir DIR      where export writes (default ~/Documents/Lost Corner)\n",
    {"--text", "--jsonl", "--classroom", "--fullscreen", "--homework", "--projector"},
    {"--save-dir", "--teacher-code", "--lesson", "--pause-seconds", "--lesson-minutes", "--export-dir", "--choices",
     "--start", "--set"}};

// Serves `prefix` first, then what `rest` holds: the --choices typed before stdin.
class PrefixedInput : public std::streambuf {
 public:
  PrefixedInput(std::string prefix, std::streambuf* rest) : prefix_(std::move(prefix)), rest_(rest) {
    setg(prefix_.data(), prefix_.data(), prefix_.data() + prefix_.size());
  }

 protected:
  int_type underflow() override {
    int_type c = rest_->sbumpc();
    if (traits_type::eq_int_type(c, traits_type::eof())) return c;
    one_ = traits_type::to_char_type(c);
    setg(&one_, &one_, &one_ + 1);
    return c;
  }

 private:
  std::string prefix_;
  std::streambuf* rest_;
  char one_ = 0;
};

// "1,3,2" as input lines "1\n3\n2\n"; false with a message for anything else.
static bool choiceLines(const std::string& text, std::string& out) {
  std::string number;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] >= '0' && text[i] <= '9' && number.size() < 6) {
      number += text[i];
      continue;
    }
    if ((i < text.size() && text[i] != ',') || number.empty() || number == "0") {
      std::fprintf(stderr, "lostcorner play: --choices takes choice numbers from 1 up, separated by commas (e.g. 1,3,2), not '%s'\n",
                   text.c_str());
      return false;
    }
    out += number + "\n";
    number.clear();
  }
  return true;
}

static bool classroomAsked(const Args& args) {
  for (const char* o : {"--teacher-code", "--lesson", "--pause-seconds", "--lesson-minutes", "--export-dir"})
    if (args.get(o)) return true;
  return args.has("--classroom") || args.has("--homework");
}

// A whole number in [0, max] for `option`, or false with a message on stderr.
static bool readCount(const Args& args, const char* option, int max, int& out) {
  auto text = args.get(option);
  if (!text) return true;
  char* end = nullptr;
  long v = std::strtol(text->c_str(), &end, 10);
  if (text->empty() || *end || v < 0 || v > max) {
    std::fprintf(stderr, "lostcorner play: %s takes a whole number from 0 to %d, got '%s'\n", option, max, text->c_str());
    return false;
  }
  out = static_cast<int>(v);
  return true;
}

// The classroom options given on the command line (both front ends). False: a bad
// number was reported and the game must not start.
static bool commandLineClassroom(const Args& args, ClassroomOptions& out) {
  out.enabled = true;
  out.homework = args.has("--homework");
  out.teacherCode = args.get("--teacher-code").value_or("");
  out.exportDir = args.get("--export-dir").value_or("");
  return readCount(args, "--pause-seconds", 3600, out.pauseSeconds) &&
         readCount(args, "--lesson-minutes", 600, out.lessonMinutes);
}

// The classroom options from the command line and the lesson plan. False: a message
// was written (to stderr, or as protocol errors) and the game must not start.
static bool classroomOptions(const Story& story, const Args& args, bool jsonl, ClassroomOptions& out) {
  if (!commandLineClassroom(args, out)) return false;
  auto planPath = args.get("--lesson");
  if (!planPath) return true;
  Diagnostics diags;
  auto plan = loadLessonPlan(*planPath, story, diags);
  for (const auto& d : diags.items()) {
    if (jsonl) std::printf("{\"event\":\"error\",\"message\":%s}\n", jsonQuote(d.format()).c_str());
    else std::fprintf(stderr, "%s\n", d.format().c_str());
  }
  if (!plan) return false;
  applyLessonPlan(*plan, out, args.get("--pause-seconds").has_value(), args.get("--lesson-minutes").has_value());
  return true;
}

#ifdef LOSTCORNER_HAS_PRESENT
// The window reads the lesson plan itself, once it has loaded the story.
static bool windowClassroomOptions(const Args& args, WindowOptions& w) {
  if (!commandLineClassroom(args, w.lesson)) return false;
  w.lessonPlan = args.get("--lesson").value_or("");
  w.pauseGiven = args.get("--pause-seconds").has_value();
  w.lengthGiven = args.get("--lesson-minutes").has_value();
  return true;
}

static bool haveDisplay() {
  const char* x = std::getenv("DISPLAY");
  const char* w = std::getenv("WAYLAND_DISPLAY");
  const char* driver = std::getenv("SDL_VIDEODRIVER");
  return (x && *x) || (w && *w) || (driver && *driver);
}
#endif

static int playInConsole(const std::string& path, const Args& args, bool jsonl) {
  LoadResult loaded = loadStory(path);
  if (!loaded.story) {
    if (jsonl) {
      for (const auto& d : loaded.diagnostics.items())
        std::printf("{\"event\":\"error\",\"message\":%s}\n", jsonQuote(d.format()).c_str());
    } else {
      std::fputs(formatText(loaded.diagnostics).c_str(), stderr);
      std::fprintf(stderr, "The story has errors; fix them and try again (lostcorner check %s).\n", path.c_str());
    }
    return 1;
  }
  SessionOptions options;
  std::string error;
  if (!playStartOptions(*loaded.story, args.get("--start").value_or(""), args.getAll("--set"), options.runner, error)) {
    if (jsonl)
      std::printf("{\"event\":\"error\",\"message\":%s}\n", jsonQuote(error).c_str());
    else
      std::fprintf(stderr, "lostcorner play: %s\n", error.c_str());
    return 2;
  }
  options.saveDir = args.get("--save-dir").value_or("");
  options.storyPath = path;  // hot reload
  if (classroomAsked(args) && !classroomOptions(*loaded.story, args, jsonl, options.classroom)) return 2;
  auto presenter = jsonl ? makeJsonlPresenter(stdout) : makeTextPresenter(stdout, isatty(STDIN_FILENO));
  ConsoleSession session(*loaded.story, *presenter, options);
  if (auto typed = args.get("--choices")) {
    std::string lines;
    if (!choiceLines(*typed, lines)) return 2;
    PrefixedInput input(lines, std::cin.rdbuf());
    std::istream in(&input);
    return session.run(in);
  }
  // Classroom mode reads stdin itself so the lesson timer can speak between lines.
  return options.classroom.enabled ? session.runWithClock(STDIN_FILENO) : session.run(std::cin);
}

int cmdPlay(int argc, char** argv) {
  bool exitNow = false;
  auto args = parseArgs(kPlay, argc, argv, exitNow);
  if (!args) return 2;
  if (exitNow) return 0;
  if (args->has("--text") && args->has("--jsonl")) {
    std::fprintf(stderr, "lostcorner play: choose --text or --jsonl, not both\n");
    return 2;
  }
  if (args->has("--homework") && args->get("--teacher-code")) {
    std::fprintf(stderr, "lostcorner play: --homework opens every chapter; it cannot be used with --teacher-code\n");
    return 2;
  }
  if (args->get("--choices") && (args->has("--jsonl") || classroomAsked(*args))) {
    std::fprintf(stderr, "lostcorner play: --choices replays in the plain terminal player: use it without --jsonl and classroom mode\n");
    return 2;
  }
  const bool fromPoint = args->get("--start") || !args->getAll("--set").empty();
  if (fromPoint && classroomAsked(*args)) {
    std::fprintf(stderr,
                 "lostcorner play: --start and --set test a story from any point; classroom mode starts "
                 "where the lesson does: use them without classroom options\n");
    return 2;
  }
  std::string path = args->positional.empty() ? defaultStoryPath() : args->positional[0];
  bool console = args->has("--text") || args->has("--jsonl") || args->get("--choices") || fromPoint;
#ifdef LOSTCORNER_HAS_PRESENT
  if (!console && haveDisplay()) {
    WindowOptions w;
    w.storyPath = path;
    w.classroom = classroomAsked(*args);
    if (w.classroom && !windowClassroomOptions(*args, w)) return 2;
    w.projector = args->has("--projector");
    w.fullscreen = args->has("--fullscreen");
    w.saveDir = args->get("--save-dir").value_or("");
    return runWindowPlayer(w);
  }
#endif
  if (!console) std::fprintf(stderr, "(no display: playing in the terminal; see lostcorner play --help)\n");
  return playInConsole(path, *args, args->has("--jsonl"));
}

}  // namespace lc

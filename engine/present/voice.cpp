#include "present/voice.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "platform/env.h"

#if !defined(__EMSCRIPTEN__) && !defined(_WIN32)
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#define LC_HAS_SPAWN 1
extern char** environ;
#endif
#ifdef __EMSCRIPTEN__
extern "C" {  // tools/web/library_lostcorner.js: the browser's speechSynthesis
int lc_speech_available();
void lc_speech_say(const char* text);
void lc_speech_stop();
}
#endif

namespace lc::present {
namespace {

class SilentVoice : public Voice {
 public:
  bool available() const override { return false; }
  void say(const std::string&) override {}
  void stop() override {}
  void update() override {}
};

#ifdef LC_HAS_SPAWN

class EspeakVoice : public Voice {
 public:
  explicit EspeakVoice(std::string program) : program_(std::move(program)) {}
  ~EspeakVoice() override {
    stop();
    for (pid_t pid : dying_) waitpid(pid, nullptr, 0);  // already signalled: returns at once
  }

  bool available() const override { return true; }
  bool speaking() const override { return speaking_ > 0; }

  void say(const std::string& text) override {
    stop();
    if (text.empty()) return;
    std::string arg = text;  // "--" ends options so text starting with '-' is read as text
    std::vector<char*> argv = {program_.data(), const_cast<char*>("-s"), const_cast<char*>("160"),
                               const_cast<char*>("--"), arg.data(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    if (posix_spawn(&pid, program_.c_str(), &actions, nullptr, argv.data(), environ) == 0)
      speaking_ = pid;
    posix_spawn_file_actions_destroy(&actions);
  }

  void stop() override {
    if (speaking_ <= 0) return;
    kill(speaking_, SIGTERM);
    dying_.push_back(speaking_);
    speaking_ = -1;
  }

  void update() override {
    if (speaking_ > 0 && waitpid(speaking_, nullptr, WNOHANG) == speaking_) speaking_ = -1;
    for (size_t i = 0; i < dying_.size();) {
      if (waitpid(dying_[i], nullptr, WNOHANG) != 0) dying_.erase(dying_.begin() + i);
      else ++i;
    }
  }

 private:
  std::string program_;
  pid_t speaking_ = -1;
  std::vector<pid_t> dying_;  // stopped, not yet reaped
};

#endif

#ifdef __EMSCRIPTEN__
// In the browser: its speech synthesis, which queues and stops speech itself.
class BrowserVoice : public Voice {
 public:
  bool available() const override { return lc_speech_available() != 0; }
  void say(const std::string& text) override { lc_speech_say(text.c_str()); }
  void stop() override { lc_speech_stop(); }
  void update() override {}
};
#endif

}  // namespace

std::unique_ptr<Voice> openVoice() {
#ifdef __EMSCRIPTEN__
  return std::make_unique<BrowserVoice>();
#endif
#ifdef LC_HAS_SPAWN
  const std::string program = findInPath("espeak-ng");
  if (!program.empty()) return std::make_unique<EspeakVoice>(program);
#endif
  return silentVoice();
}

std::unique_ptr<Voice> silentVoice() { return std::make_unique<SilentVoice>(); }

}  // namespace lc::present

// The console front ends: a session reads lines (choice numbers and commands) and a
// presenter writes what happens, as plain text for people and screen readers, or as
// one JSON object per line for programs.
#pragma once
#include <cstdio>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "core/runner.h"
#include "load/save_store.h"

namespace lc {

class Presenter {
 public:
  virtual ~Presenter() = default;
  virtual void event(const Runner& runner, const Event& e) = 0;
  virtual void notice(const std::string& text) = 0;    // something the player should know
  virtual void problem(const std::string& text) = 0;   // a command that could not be done
  virtual void saved(const std::string& slot, const std::string& path) = 0;
  virtual void loaded(const std::string& slot, const std::vector<std::string>& notices) = 0;
  virtual void history(const Runner& runner) = 0;
  virtual void help() = 0;
  virtual void ready(const Runner& runner) = 0;         // waiting for input
};

std::unique_ptr<Presenter> makeTextPresenter(FILE* out, bool interactive);
std::unique_ptr<Presenter> makeJsonlPresenter(FILE* out);

struct SessionOptions {
  std::string saveDir;  // empty: SaveStore::defaultDir(story id)
  RunnerOptions runner;
};

class ConsoleSession {
 public:
  ConsoleSession(const Story& story, Presenter& presenter, const SessionOptions& options);
  void start();
  // Handles one line of input; false when the player quits.
  bool handleLine(const std::string& line);
  // Reads lines until quit or end of input. Returns the process exit code.
  int run(std::istream& in);
  Runner& runner() { return runner_; }

 private:
  void pump();
  void save(const std::string& slot);
  void load(const std::string& slot);
  bool choose(const std::string& word);

  const Story& story_;
  Presenter& out_;
  Runner runner_;
  SaveStore store_;
};

}  // namespace lc

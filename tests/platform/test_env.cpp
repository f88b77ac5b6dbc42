// Where things live, from the environment: the one reader of HOME, XDG_* and PATH.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include <catch2/catch.hpp>

#include "platform/env.h"

namespace {

// Sets (or, given nullptr, unsets) a variable for one scope.
class EnvVar {
 public:
  EnvVar(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old, had_ = true;
    value ? ::setenv(name, value, 1) : ::unsetenv(name);
  }
  ~EnvVar() { had_ ? ::setenv(name_, old_.c_str(), 1) : ::unsetenv(name_); }

 private:
  const char* name_;
  std::string old_;
  bool had_ = false;
};

TEST_CASE("env: the config, data and documents folders follow HOME and XDG") {
  struct Case {
    const char *home, *config, *data;
    std::string configDir, dataDir, documentsDir;
  };
  const Case cases[] = {
      {"/home/ann", nullptr, nullptr, "/home/ann/.config/lostcorner", "/home/ann/.local/share/lostcorner",
       "/home/ann/Documents/Lost Corner"},
      {"/home/ann", "/cfg", "/dat", "/cfg/lostcorner", "/dat/lostcorner", "/home/ann/Documents/Lost Corner"},
      {"/home/ann", "", "", "/home/ann/.config/lostcorner", "/home/ann/.local/share/lostcorner",
       "/home/ann/Documents/Lost Corner"},
      {nullptr, nullptr, nullptr, "./.config/lostcorner", "./.local/share/lostcorner", "./Documents/Lost Corner"},
  };
  for (const Case& c : cases) {
    EnvVar home("HOME", c.home), config("XDG_CONFIG_HOME", c.config), data("XDG_DATA_HOME", c.data);
    INFO((c.home ? c.home : "(no HOME)"));
    CHECK(lc::configDir() == c.configDir);
    CHECK(lc::dataDir() == c.dataDir);
    CHECK(lc::documentsDir() == c.documentsDir);
  }
}

TEST_CASE("env: ~ expands to HOME, nothing else does") {
  EnvVar home("HOME", "/home/ann");
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"~", "/home/ann"}, {"~/notes", "/home/ann/notes"}, {"~bob/notes", "~bob/notes"}, {"/tmp/~", "/tmp/~"}, {"", ""}};
  for (const Case& c : cases) CHECK(lc::expandHome(c.in) == c.out);
}

TEST_CASE("env: findInPath takes the first executable of that name on PATH") {
  char name[] = "/tmp/lcpath-XXXXXX";
  const std::string dir = ::mkdtemp(name);
  ::mkdir((dir + "/a").c_str(), 0755);
  ::mkdir((dir + "/b").c_str(), 0755);
  std::ofstream(dir + "/a/tool") << "not executable";
  std::ofstream(dir + "/b/tool") << "#!/bin/sh\n";
  ::chmod((dir + "/b/tool").c_str(), 0755);
  struct Case {
    std::string path, found;
  };
  const Case cases[] = {
      {dir + "/a:" + dir + "/b", dir + "/b/tool"},
      {dir + "/a", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    EnvVar path("PATH", c.path.c_str());
    INFO(c.path);
    CHECK(lc::findInPath("tool") == c.found);
  }
  std::system(("rm -rf '" + dir + "'").c_str());
}

}  // namespace

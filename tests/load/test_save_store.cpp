// Save slots on disk: a writer killed at any moment leaves every slot loadable; a damaged
// or missing slot falls back to its backup with a notice; stale temp files are cleaned;
// a read-only slot is reported, never replaced.
#include <catch2/catch.hpp>

#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>

#include "core/save.h"
#include "load/file_io.h"
#include "load/save_store.h"
#include "support/temp_story.h"

using lc::test::TempDir;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A framed save with `filler` bytes of journal, so saves differ in size.
std::string saveText(const std::string& scene, size_t filler) {
  std::string body = "lostcorner-save: 2\nstory: test\nscene: " + scene + "\njournal " + scene + " \"\" \"" +
                     std::string(filler, 'x') + "\" \"\"\n";
  return body + lc::endOfSaveLine(body);
}

bool sound(const std::string& text) { return !text.empty() && lc::readSaveFrame(text).error.empty(); }

int countTemps(const std::string& dir) {
  int n = 0;
  DIR* d = ::opendir(dir.c_str());
  while (dirent* e = d ? ::readdir(d) : nullptr) n += std::string(e->d_name).find(".tmp") != std::string::npos;
  if (d) ::closedir(d);
  return n;
}

pid_t deadPid() {
  pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  ::waitpid(pid, nullptr, 0);
  return pid;
}

}  // namespace

SCENARIO("kill -9 during a burst of saves: after 100 trials every slot is loadable") {
  TempDir dir;
  lc::SaveStore store(dir.path());
  const std::string texts[] = {saveText("a.one", 10), saveText("a.two", 20000), saveText("a.three", 300)};
  std::string error;
  REQUIRE(store.write("1", texts[0], error));
  REQUIRE(store.write("auto", texts[0], error));
  // Kill at random moments within a few saves' time (measured here, so the moments
  // fall inside writes on any disk; the outcome must hold for every moment).
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 4; ++i) REQUIRE(store.write("1", texts[i % 3], error));
  const long perSave =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count() / 4 + 1;
  std::mt19937 random(15);
  int tempsLeft = 0;
  for (int trial = 0; trial < 100; ++trial) {
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      std::string why;
      for (unsigned i = 0;; ++i) store.write(i % 2 ? "1" : "auto", texts[i % 3], why);
    }
    ::usleep(static_cast<useconds_t>(std::uniform_int_distribution<long>(0, 3 * perSave)(random)));
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    INFO("trial " << trial);
    for (const char* slot : {"1", "auto"}) {
      const std::string path = store.pathOf(slot);
      CHECK(sound(slurp(path)));  // the slot itself, not only its backup
      if (lc::fileExists(path + ".bak")) CHECK(sound(slurp(path + ".bak")));
    }
    tempsLeft += countTemps(dir.path());
    std::string notice;
    for (const char* slot : {"1", "auto"}) {
      REQUIRE(store.read(slot, error, &notice));
      CHECK(notice.empty());
    }
  }
  WARN("temp files left by killed writers, summed over the trials: " << tempsLeft);
  CHECK(store.list().size() == 2);  // listing cleans what the killed writers left
  CHECK(countTemps(dir.path()) == 0);
}

SCENARIO("a damaged or missing slot loads its backup, with a notice") {
  TempDir dir;
  lc::SaveStore store(dir.path());
  const std::string older = saveText("a.one", 5), newer = saveText("a.two", 5);
  std::string error, notice;
  REQUIRE(store.write("1", older, error));
  REQUIRE(store.write("1", newer, error));
  CHECK(slurp(store.pathOf("1") + ".bak") == older);
  struct Case {
    const char* what;
    std::string contents;  // of 1.save; "-" removes it
    std::string notice;
  };
  const std::string tail = "; loaded its backup (1.save.bak), the save made before it";
  const Case cases[] = {
      {"cut short", newer.substr(0, newer.size() / 2),
       "slot '1': the save is cut short: its end marker is missing (the file was truncated or damaged)" + tail},
      {"altered", "x" + newer.substr(1),
       "slot '1': this is not a Lost Corner save (it does not start with 'lostcorner-save:')" + tail},
      {"missing", "-", "slot '1': the save is missing" + tail},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    if (c.contents == "-") ::unlink(store.pathOf("1").c_str());
    else dir.write("1.save", c.contents);
    notice.clear();
    auto text = store.read("1", error, &notice);
    REQUIRE(text);
    CHECK(*text == older);
    CHECK(notice == c.notice);
    REQUIRE(store.list().size() == 1);
    CHECK(store.list()[0].contents == older);
  }
  GIVEN("no sound backup either") {
    dir.write("1.save", newer.substr(0, 30));
    dir.write("1.save.bak", "");
    notice.clear();
    auto text = store.read("1", error, &notice);
    REQUIRE(text);  // handed on as it is: reading it says what is wrong
    CHECK(*text == newer.substr(0, 30));
    CHECK(notice.empty());
    ::unlink(store.pathOf("1").c_str());
    CHECK_FALSE(store.read("1", error));
    CHECK(error == "there is no save in slot '1'");
  }
  GIVEN("a save of a newer format: no fallback, or the next save would overwrite it") {
    const std::string body = "lostcorner-save: 99\nstory: test\n";
    dir.write("1.save", body);
    notice.clear();
    auto text = store.read("1", error, &notice);
    REQUIRE(text);
    CHECK(*text == body);
    CHECK(notice.empty());
  }
}

// What a power cut can leave of a save synced only after its rename (save_store.cpp,
// replaceFile): the new name with no bytes, or with blocks never written (zeros). Each
// must be refused and the backup loaded, or the write order would lose the slot.
SCENARIO("a save whose bytes never reached the disk loads its backup") {
  TempDir dir;
  lc::SaveStore store(dir.path());
  const std::string older = saveText("a.one", 5), newer = saveText("a.two", 6000);
  std::string error;
  REQUIRE(store.write("1", older, error));
  REQUIRE(store.write("1", newer, error));
  for (const std::string& left : {std::string(), std::string(newer.size(), '\0'),
                                  newer.substr(0, 4096) + std::string(newer.size() - 4096, '\0')}) {
    INFO(left.size() << " bytes left");
    dir.write("1.save", left);
    std::string notice;
    auto text = store.read("1", error, &notice);
    REQUIRE(text);
    CHECK(*text == older);
    CHECK(notice.find("loaded its backup (1.save.bak)") != std::string::npos);
  }
}

SCENARIO("a read-only slot is reported, never replaced") {
  TempDir dir;
  lc::SaveStore store(dir.path());
  const std::string kept = saveText("a.one", 5);
  std::string error;
  REQUIRE(store.write("1", kept, error));
  ::chmod(store.pathOf("1").c_str(), 0444);
  CHECK_FALSE(store.write("1", saveText("a.two", 5), error));
  CHECK(error == "'" + store.pathOf("1") + "' is read-only, so it was left as it is; save somewhere else or make it writable");
  CHECK(slurp(store.pathOf("1")) == kept);
  CHECK_FALSE(lc::fileExists(store.pathOf("1") + ".bak"));
}

SCENARIO("stale temp files of writers that are gone are removed; a live writer's are not") {
  TempDir dir;
  lc::SaveStore store(dir.path());
  const std::string dead = std::to_string(deadPid());
  dir.write("1.save.tmp" + dead, "half a save");
  dir.write("1.save.bak.tmp" + dead, "half a backup");
  dir.write("2.save.tmp" + dead, "another slot's");
  dir.write("1.save.tmp1", "pid 1 is alive");
  std::string error;
  REQUIRE(store.write("1", saveText("a.one", 5), error));
  CHECK_FALSE(lc::fileExists(dir.file("1.save.tmp" + dead)));
  CHECK_FALSE(lc::fileExists(dir.file("1.save.bak.tmp" + dead)));
  CHECK(lc::fileExists(dir.file("2.save.tmp" + dead)));  // another file's: left to its own writes
  CHECK(lc::fileExists(dir.file("1.save.tmp1")));
  store.list();
  CHECK_FALSE(lc::fileExists(dir.file("2.save.tmp" + dead)));
  CHECK(lc::fileExists(dir.file("1.save.tmp1")));
}

SCENARIO("readFile reads only regular files, and only up to its cap") {
  TempDir dir;
  dir.write("big", std::string(2000, 'x'));
  dir.write("small", "hello");
  REQUIRE(::mkfifo(dir.file("fifo").c_str(), 0644) == 0);
  REQUIRE(::symlink("/dev/zero", dir.file("zero-link").c_str()) == 0);
  ::mkdir(dir.file("folder").c_str(), 0755);
  struct Case {
    std::string path;
    size_t cap;
    std::string error;  // "" = reads
  };
  const Case cases[] = {
      {dir.file("small"), 1000, ""},
      {dir.file("big"), 1000, "it is larger than 1000 bytes, the limit for this file"},
      {dir.file("big"), 2000, ""},
      {dir.file("fifo"), 1000, "it is a FIFO (named pipe), not a regular file"},
      {"/dev/zero", 1000, "it is a device, not a regular file"},
      {dir.file("zero-link"), 1000, "it is a device, not a regular file"},
      {"/dev/urandom", lc::kDefaultReadCap, "it is a device, not a regular file"},
      {dir.file("folder"), 1000, "it is a folder, not a file"},
      {dir.file("none"), 1000, "No such file or directory"},
  };
  for (const Case& c : cases) {
    INFO(c.path);
    std::string out, error;
    CHECK(lc::readFile(c.path, out, error, c.cap) == c.error.empty());
    CHECK(error == c.error);
    CHECK(lc::whyNotReadable(c.path, c.cap) == c.error);
  }
}

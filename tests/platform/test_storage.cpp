// The storage interface's desktop files: names stay inside the root, writes replace
// whole blobs, reads refuse what is not a regular file or is too large.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include <catch2/catch.hpp>

#include "platform/storage.h"

namespace {

struct Folder {
  std::string path;
  Folder() {
    char name[] = "/tmp/lcplatform-XXXXXX";
    path = ::mkdtemp(name);
  }
  ~Folder() { std::system(("rm -rf '" + path + "'").c_str()); }
};

TEST_CASE("storage: blob names are relative and stay inside the root") {
  struct Case {
    std::string name, problem;
  };
  const Case cases[] = {
      {"settings.yaml", ""},
      {"read/tutorial.txt", ""},
      {"", "a blob name cannot be empty"},
      {"/etc/passwd", "'/etc/passwd' is absolute; blob names are relative to the storage"},
      {"../x", "'../x' has an empty, '.' or '..' part; blob names stay inside the storage"},
      {"a/../../x", "'a/../../x' has an empty, '.' or '..' part; blob names stay inside the storage"},
      {"a//b", "'a//b' has an empty, '.' or '..' part; blob names stay inside the storage"},
      {"./a", "'./a' has an empty, '.' or '..' part; blob names stay inside the storage"},
      {"a/", "'a/' has an empty, '.' or '..' part; blob names stay inside the storage"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(lc::blobNameProblem(c.name) == c.problem);
  }
  Folder root;
  lc::FileStorage store(root.path);
  std::string error;
  CHECK_FALSE(store.write("../escaped", "x", error));
  CHECK(error == "'../escaped' has an empty, '.' or '..' part; blob names stay inside the storage");
  CHECK(::access((root.path + "/../escaped").c_str(), F_OK) != 0);
}

TEST_CASE("storage: write, read, list and remove named blobs") {
  Folder root;
  lc::FileStorage store(root.path + "/made/on/demand");
  std::string error;
  REQUIRE(store.write("read/tutorial.txt", "a\nb\n", error));
  REQUIRE(store.write("read/flagship.txt", "", error));
  REQUIRE(store.write("settings.yaml", "theme: dark\n", error));
  REQUIRE(store.write("settings.yaml", "theme: paper\n", error));  // replaced whole
  CHECK(store.read("settings.yaml", error) == std::optional<std::string>("theme: paper\n"));
  CHECK(store.read("read/flagship.txt", error) == std::optional<std::string>(""));
  CHECK(store.list("read") == std::vector<std::string>{"read/flagship.txt", "read/tutorial.txt"});
  CHECK(store.list("") == std::vector<std::string>{"settings.yaml"});  // folders are not blobs
  CHECK(store.list("nowhere").empty());
  REQUIRE(store.remove("read/tutorial.txt", error));
  REQUIRE(store.remove("read/tutorial.txt", error));  // already gone: still done
  CHECK_FALSE(store.read("read/tutorial.txt", error));
  CHECK(error.empty());  // absent is not an error
}

TEST_CASE("storage: reads refuse FIFOs, folders and blobs over the cap, without waiting") {
  Folder root;
  lc::FileStorage store(root.path, 8);
  std::string error;
  REQUIRE(::mkfifo((root.path + "/fifo").c_str(), 0644) == 0);
  REQUIRE(::mkdir((root.path + "/folder").c_str(), 0755) == 0);
  std::ofstream(root.path + "/big") << "123456789";
  std::ofstream(root.path + "/small") << "12345678";
  struct Case {
    std::string name, error;
  };
  const Case cases[] = {
      {"fifo", "'" + root.path + "/fifo' is not a regular file"},
      {"folder", "'" + root.path + "/folder' is not a regular file"},
      {"big", "'" + root.path + "/big' is larger than 8 bytes"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK_FALSE(store.read(c.name, error));
    CHECK(error == c.error);
  }
  CHECK(store.read("small", error) == std::optional<std::string>("12345678"));
}

}  // namespace

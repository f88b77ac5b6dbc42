// Running the lostcorner executable as a user would, with input piped in.
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace lc::test {

struct RunResult {
  int status = -1;
  std::string out;
};

// Runs `lostcorner ARGS` with `input` on stdin; stdout (and stderr if asked) captured.
inline RunResult runLostCorner(const std::string& args, const std::string& input, bool withStderr = false) {
  char inPath[] = "/tmp/lcinput-XXXXXX";
  int fd = ::mkstemp(inPath);
  ::close(fd);
  std::ofstream(inPath) << input;
  std::string cmd = std::string(LC_BINARY_DIR) + "/lostcorner " + args + " < " + inPath + (withStderr ? " 2>&1" : " 2>/dev/null");
  RunResult r;
  FILE* p = ::popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = ::pclose(p);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::remove(inPath);
  return r;
}

}  // namespace lc::test

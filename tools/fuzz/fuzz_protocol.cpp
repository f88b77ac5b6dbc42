// libFuzzer target: any bytes typed into the --jsonl protocol (one command a line) get
// answers, never a crash; every line it writes is valid UTF-8.
#include <cstdio>
#include <sstream>

#include "app/console.h"
#include "fuzz_common.h"

namespace {

bool validUtf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  char* text = nullptr;
  size_t length = 0;
  FILE* out = ::open_memstream(&text, &length);
  {
    auto presenter = lc::makeJsonlPresenter(out);
    lc::SessionOptions options;
    options.saveDir = lc::fuzz::scratchFolder() + "/saves";
    lc::ConsoleSession session(lc::fuzz::tutorial(), *presenter, options);
    std::istringstream in(lc::fuzz::bytesOf(data, size));
    session.run(in);
  }
  std::fclose(out);
  const bool ok = validUtf8(std::string(text, length));
  std::free(text);
  if (!ok) std::abort();
  return 0;
}

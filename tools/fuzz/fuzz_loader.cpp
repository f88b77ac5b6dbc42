// libFuzzer target: any bytes as a story folder give a story or diagnostics, never a
// crash, a hang or unbounded memory. The input is the manifest (story.yaml), then a
// line "%%", then one chapter file (one.yaml) the manifest may name.
#include <fstream>

#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes = lc::fuzz::bytesOf(data, size), folder = lc::fuzz::scratchFolder();
  const size_t cut = bytes.find("\n%%\n");
  std::ofstream(folder + "/story.yaml", std::ios::binary | std::ios::trunc) << bytes.substr(0, cut);
  std::ofstream(folder + "/one.yaml", std::ios::binary | std::ios::trunc)
      << (cut == std::string::npos ? std::string() : bytes.substr(cut + 4));
  lc::LoadResult r = lc::loadStory(folder, {false});
  if (!r.story && r.diagnostics.errorCount() == 0) std::abort();  // refused without saying why
  return 0;
}

// libFuzzer target: any bytes as a save of the tutorial are loaded or refused with a
// reason; a save that loads writes back and loads again to the same state.
#include "core/save.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const lc::Story& story = lc::fuzz::tutorial();
  lc::SaveReadResult r = lc::readSave(story, lc::fuzz::bytesOf(data, size));
  if (!r.ok) {
    if (r.error.empty()) std::abort();  // refused without saying why
    return 0;
  }
  lc::SaveReadResult again = lc::readSave(story, lc::writeSave(story, r.state, r.meta));
  if (!again.ok || again.state.scene != r.state.scene || again.state.vars.size() != r.state.vars.size()) std::abort();
  return 0;
}

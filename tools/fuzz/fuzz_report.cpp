// libFuzzer target: any bytes as a student's JSON summary are read or refused with
// where and why; never a crash, and numbers out of range are refused (UBSan watches).
#include "app/classroom_summary.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  lc::ClassSummary summary;
  lc::ReportProblem problem;
  if (!lc::parseClassSummary("fuzz.json", lc::fuzz::bytesOf(data, size), summary, problem) && problem.message.empty())
    std::abort();  // refused without saying why
  return 0;
}

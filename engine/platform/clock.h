// The wall clock and the ways Lost Corner writes a time. Times are milliseconds since
// 1970 UTC, so the libraries above take a time (or a NowFn) and never read the clock.
#pragma once
#include <cstdint>
#include <string>

namespace lc {

int64_t systemNowMs();
std::string isoUtc(int64_t ms);      // "2026-03-04T10:15:00Z": saves, exports, journals
std::string localDate(int64_t ms);   // "2026-03-04": the day the student sees, for file names
std::string localStamp(int64_t ms);  // "2026-03-04 11:15", for people
inline std::string isoTimeNow() { return isoUtc(systemNowMs()); }
// "2026-03-04T10:15:00Z" -> "04 Mar 2026, 11:15" in local time; anything else unchanged.
std::string readableTime(const std::string& iso);

}  // namespace lc

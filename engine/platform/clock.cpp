#include "platform/clock.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace lc {
namespace {

std::string formatTime(int64_t ms, const char* format, bool utc) {
  const std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm parts{};
  if (utc)
    gmtime_r(&t, &parts);
  else
    localtime_r(&t, &parts);
  char buf[48];
  std::strftime(buf, sizeof buf, format, &parts);
  return buf;
}

}  // namespace

int64_t systemNowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string isoUtc(int64_t ms) { return formatTime(ms, "%Y-%m-%dT%H:%M:%SZ", true); }
std::string localDate(int64_t ms) { return formatTime(ms, "%Y-%m-%d", false); }
std::string localStamp(int64_t ms) { return formatTime(ms, "%Y-%m-%d %H:%M", false); }

std::string readableTime(const std::string& iso) {
  std::tm utc{};
  if (std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%d", &utc.tm_year, &utc.tm_mon, &utc.tm_mday, &utc.tm_hour, &utc.tm_min,
                  &utc.tm_sec) != 6)
    return iso;
  utc.tm_year -= 1900;
  utc.tm_mon -= 1;
  const std::time_t when = timegm(&utc);
  return formatTime(static_cast<int64_t>(when) * 1000, "%d %b %Y, %H:%M", false);
}

}  // namespace lc

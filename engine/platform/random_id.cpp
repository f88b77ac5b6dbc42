#include "platform/random_id.h"

#include <cstdio>
#include <random>

namespace lc {

std::string newRandomId() {
  std::random_device device;
  std::string id;
  for (int i = 0; i < 4; ++i) {
    char buf[9];
    std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(device()));
    id += buf;
  }
  return id;
}

}  // namespace lc

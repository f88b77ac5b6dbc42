// Self-voicing: text read aloud by espeak-ng running as a child process, as Ren'Py does
// for blind players. Never blocks; a new line stops the one being read.
#pragma once
#include <memory>
#include <string>

namespace lc::present {

class Voice {
 public:
  virtual ~Voice() = default;
  virtual bool available() const = 0;
  virtual void say(const std::string& text) = 0;  // stops what is being said first
  virtual void stop() = 0;
  virtual void update() = 0;  // reaps finished speech processes
  // A line is being read now (the music is ducked under it).
  virtual bool speaking() const { return false; }
};

// espeak-ng when it is installed, otherwise a Voice that is not available.
std::unique_ptr<Voice> openVoice();
std::unique_ptr<Voice> silentVoice();

}  // namespace lc::present

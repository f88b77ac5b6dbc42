// Music and sound cues. The Play screen tells the Audio what the story's music state is
// (a cue or silence); the audio layer catches up with a crossfade. Without a sound device,
// or with broken files, the game goes on silently and says so once.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "core/story.h"

namespace lc::present {

class Audio {
 public:
  virtual ~Audio() = default;
  virtual bool available() const = 0;
  // The music the story wants now: a cue, or nullptr for silence. A change crossfades
  // unless `instant`; asking for what is already playing changes nothing.
  virtual void setMusic(const Cue* cue, bool instant) = 0;
  // A sound cue on its own channel, once or looping until stopLoops().
  virtual void playSound(const Cue& cue, bool loop) = 0;
  virtual void stopLoops() = 0;
  virtual void stopAll() = 0;
  virtual void setVolumes(int master, int music, int sound) = 0;  // percent each
  virtual void update(double nowMs) = 0;  // drives crossfades; never blocks
  // The id of the music cue the audio is playing or fading to ("" for silence).
  virtual const std::string& musicCue() const = 0;
};

using WarnFn = std::function<void(const std::string&)>;

// Opens the sound device through SDL_mixer. With no device: a silent Audio, and `warn`
// is told once. `fadeMs` is the whole crossfade (half fading out, half fading in).
std::unique_ptr<Audio> openAudio(WarnFn warn, int fadeMs = 1500);
// An Audio that plays nothing but keeps the music state (for tools and tests).
std::unique_ptr<Audio> silentAudio();

}  // namespace lc::present

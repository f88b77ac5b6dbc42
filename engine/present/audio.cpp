#include "present/audio.h"

#include <SDL.h>
#include <SDL_mixer.h>

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "load/file_io.h"

namespace lc::present {
namespace {

constexpr int kSoundChannels = 16;
// A music or sound file larger than this is not a cue: refused before SDL_mixer reads it.
constexpr size_t kAudioFileCap = size_t{256} << 20;

class SilentAudio : public Audio {
 public:
  bool available() const override { return false; }
  void setMusic(const Cue* cue, bool) override { cue_ = cue ? cue->id : std::string(); }
  void playSound(const Cue&, bool) override {}
  void stopLoops() override {}
  void stopAll() override { cue_.clear(); }
  void setVolumes(int, int, int) override {}
  void update(double) override {}
  const std::string& musicCue() const override { return cue_; }

 private:
  std::string cue_;
};

// Music crossfades without ever blocking: SDL_mixer has one music stream, and starting
// new music while the old fades out would wait inside SDL_mixer. So the old track fades
// out, update() notices when it has stopped, and only then does the new one fade in.
class MixerAudio : public Audio {
 public:
  MixerAudio(WarnFn warn, int fadeMs) : warn_(std::move(warn)), fadeMs_(fadeMs) {
    Mix_AllocateChannels(kSoundChannels);
  }
  ~MixerAudio() override {
    Mix_HaltMusic();
    Mix_HaltChannel(-1);
    for (auto& [file, music] : music_) if (music) Mix_FreeMusic(music);
    for (auto& [file, chunk] : chunks_) if (chunk) Mix_FreeChunk(chunk);
    Mix_CloseAudio();
    Mix_Quit();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
  }

  bool available() const override { return true; }
  const std::string& musicCue() const override { return wantedId_; }

  void setMusic(const Cue* cue, bool instant) override {
    const std::string id = cue ? cue->id : std::string();
    if (id == wantedId_ && (!cue || cue->file == wanted_.file)) return;
    wantedId_ = id;
    wanted_ = cue ? *cue : Cue{};
    pendingStart_ = cue != nullptr;
    if (instant || fadeMs_ <= 0) {
      Mix_HaltMusic();
    } else if (Mix_PlayingMusic() && !Mix_PausedMusic()) {
      if (Mix_FadingMusic() != MIX_FADING_OUT) Mix_FadeOutMusic(fadeMs_ / 2);
      return;  // update() starts the new track once this one is silent
    }
    startPending(instant);
  }

  void playSound(const Cue& cue, bool loop) override {
    Mix_Chunk* chunk = chunkFor(cue);
    if (!chunk) return;
    const int channel = channelFor(cue.id);
    channelCueVolume_[channel] = cue.volume;
    Mix_Volume(channel, scaled(cue.volume * soundGain_));
    if (Mix_PlayChannel(channel, chunk, loop ? -1 : 0) < 0)
      warnOnce("sound:" + cue.id, "could not play sound '" + cue.id + "': " + Mix_GetError());
    if (loop) looping_.insert(channel); else looping_.erase(channel);
  }

  void stopLoops() override {
    // A fade, not a halt: cutting a wave mid-cycle clicks.
    for (int channel : looping_) Mix_FadeOutChannel(channel, std::max(1, fadeMs_ / 3));
    looping_.clear();
  }

  void stopAll() override {
    Mix_HaltChannel(-1);
    looping_.clear();
    setMusic(nullptr, true);
  }

  void setVolumes(int master, int music, int sound) override {
    musicGain_ = master / 100.0f * music / 100.0f;
    soundGain_ = master / 100.0f * sound / 100.0f;
    Mix_VolumeMusic(scaled(wanted_.volume * musicGain_));
    for (auto& [channel, volume] : channelCueVolume_) Mix_Volume(channel, scaled(volume * soundGain_));
  }

  void update(double) override {
    if (pendingStart_ && !Mix_PlayingMusic()) startPending(false);
  }

 private:
  static int scaled(float volume) {
    return std::clamp(static_cast<int>(volume * MIX_MAX_VOLUME + 0.5f), 0, MIX_MAX_VOLUME);
  }

  void startPending(bool instant) {
    pendingStart_ = false;
    if (wantedId_.empty()) return;
    Mix_Music* music = musicFor(wanted_);
    if (!music) return;
    Mix_VolumeMusic(scaled(wanted_.volume * musicGain_));
    const int loops = wanted_.loop ? -1 : 0;  // 0: play once (SDL_mixer counts extra plays)
    const int started = instant || fadeMs_ <= 0 ? Mix_PlayMusic(music, loops)
                                                : Mix_FadeInMusic(music, loops, fadeMs_ / 2);
    if (started < 0)
      warnOnce("music:" + wanted_.id, "could not play music '" + wanted_.id + "': " + Mix_GetError());
  }

  // SDL_mixer opens a cue's file itself, and would wait forever on a FIFO or read a device
  // such as /dev/urandom without end: anything but a regular file is refused before it.
  Mix_Music* musicFor(const Cue& cue) {
    auto it = music_.find(cue.file);
    if (it != music_.end()) return it->second;
    const std::string why = whyNotReadable(cue.file, kAudioFileCap);
    Mix_Music* music = why.empty() ? Mix_LoadMUS(cue.file.c_str()) : nullptr;
    if (!music) cannotPlay("music", cue, why.empty() ? Mix_GetError() : why);
    return music_[cue.file] = music;
  }

  Mix_Chunk* chunkFor(const Cue& cue) {
    auto it = chunks_.find(cue.file);
    if (it != chunks_.end()) return it->second;
    const std::string why = whyNotReadable(cue.file, kAudioFileCap);
    Mix_Chunk* chunk = why.empty() ? Mix_LoadWAV(cue.file.c_str()) : nullptr;
    if (!chunk) cannotPlay("sound", cue, why.empty() ? Mix_GetError() : why);
    return chunks_[cue.file] = chunk;
  }

  void cannotPlay(const std::string& kind, const Cue& cue, const std::string& why) {
    warnOnce(kind + ":" + cue.file,
             kind + " '" + cue.id + "' (" + cue.file + ") cannot be played: " + why + "; going on without it.");
  }

  // Each cue keeps its own channel, so a cue played again restarts instead of piling up.
  int channelFor(const std::string& id) {
    auto it = channels_.find(id);
    if (it != channels_.end()) return it->second;
    const int channel = static_cast<int>(channels_.size()) % kSoundChannels;
    channels_[id] = channel;
    return channel;
  }

  void warnOnce(const std::string& key, const std::string& message) {
    if (warned_.insert(key).second && warn_) warn_(message);
  }

  WarnFn warn_;
  int fadeMs_;
  float musicGain_ = 0.7f;
  float soundGain_ = 0.8f;
  std::map<int, float> channelCueVolume_;  // each channel's cue volume, for volume changes
  std::string wantedId_;
  Cue wanted_;
  bool pendingStart_ = false;
  std::map<std::string, Mix_Music*> music_;  // by file; null when it failed to load
  std::map<std::string, Mix_Chunk*> chunks_;
  std::map<std::string, int> channels_;
  std::set<int> looping_;
  std::set<std::string> warned_;
};

}  // namespace

std::unique_ptr<Audio> openAudio(WarnFn warn, int fadeMs) {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    if (warn) warn(std::string("No sound device (") + SDL_GetError() + "): playing silently.");
    return silentAudio();
  }
  Mix_Init(MIX_INIT_OGG);
  if (Mix_OpenAudio(44100, MIX_DEFAULT_FORMAT, 2, 2048) != 0) {
    if (warn) warn(std::string("No sound device (") + Mix_GetError() + "): playing silently.");
    Mix_Quit();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return silentAudio();
  }
  return std::make_unique<MixerAudio>(std::move(warn), fadeMs);
}

std::unique_ptr<Audio> silentAudio() { return std::make_unique<SilentAudio>(); }

}  // namespace lc::present

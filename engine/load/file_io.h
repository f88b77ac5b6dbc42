// Small file helpers for the loader and the save store.
#pragma once
#include <cstddef>
#include <string>

namespace lc {

// Every file the program reads has a size cap: a story file, a save or a settings file of
// this size is already absurd, and the cap turns /dev/zero or a runaway file into a message.
#ifndef LC_BUNDLED_ASSETS
#define LC_BUNDLED_ASSETS ""
#endif
inline constexpr const char* kBundledAssets = LC_BUNDLED_ASSETS;
inline constexpr size_t kDefaultReadCap = size_t{64} << 20;  // 64 MB

// Reads a whole file, only if it is a regular file (never waits on a FIFO, never reads a
// device) of at most `maxBytes`. On failure returns false and a reason ("No such file or
// directory", "it is a FIFO, not a regular file", "it is larger than 64 MB, the limit").
bool readFile(const std::string& path, std::string& out, std::string& error, size_t maxBytes = kDefaultReadCap);
// Why `path` may not be read as a file ("" when it is a regular file of at most
// `maxBytes`); for files handed to libraries that open them themselves (audio, fonts).
std::string whyNotReadable(const std::string& path, size_t maxBytes = kDefaultReadCap);
bool fileExists(const std::string& path);  // a regular file (following symlinks)
bool pathExists(const std::string& path);  // anything at all: a file, folder, FIFO, device
bool isDirectory(const std::string& path);
std::string joinPath(const std::string& folder, const std::string& name);
std::string parentFolder(const std::string& path);  // "" -> "."
std::string fileStem(const std::string& path);      // "story/hailsham.yaml" -> "hailsham"
// A story reads only inside its folder. `ref` is a path as a story file writes it
// (relative to `folder`); returns the path to open, or "" with `why` when the path is
// absolute or leads (by "..", or by a symlink) outside `folder` and outside the engine's
// bundled assets (`bundledAssets`, by default the source tree's assets/ folder, so the
// bundled stories' ../../assets/... paths work). A path to a file that does not exist
// is judged by where its folder leads.
std::string storyFilePath(const std::string& folder, const std::string& ref, std::string& why,
                          const std::string& bundledAssets = kBundledAssets);
std::string formatSize(size_t bytes);               // "64 MB", "12 KB", "300 bytes"

}  // namespace lc

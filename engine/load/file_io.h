// Small file helpers for the loader and the save store.
#pragma once
#include <string>

namespace lc {

// Reads a whole file; on failure returns false and a reason ("No such file or directory").
bool readFile(const std::string& path, std::string& out, std::string& error);
bool fileExists(const std::string& path);
bool isDirectory(const std::string& path);
std::string joinPath(const std::string& folder, const std::string& name);
std::string parentFolder(const std::string& path);  // "" -> "."
std::string fileStem(const std::string& path);      // "story/hailsham.yaml" -> "hailsham"

}  // namespace lc

// A compact binary form of what a cache keeps: a parsed YAML document (so an unchanged
// file is not parsed again) and a list of diagnostics. Decoding checks every length and
// index and fails, rather than crash or trust, on bytes that were cut short or altered.
#pragma once
#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "load/yaml_tree.h"

namespace lc {

std::string encodeDocument(const yaml::Document& doc);
std::optional<yaml::Document> decodeDocument(const std::string& bytes);

std::string encodeDiagnostics(const Diagnostics& diags);
std::optional<Diagnostics> decodeDiagnostics(const std::string& bytes);

}  // namespace lc

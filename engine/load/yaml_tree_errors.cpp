// Turns yaml-cpp's syntax errors into problems that say what to do.
#include <yaml-cpp/exceptions.h>

#include <cstring>

#include "load/yaml_tree_internal.h"

namespace lc::yaml::detail {
namespace {

struct HintRule {
  const char* messageStart;  // yaml-cpp's ErrorMsg text, or its first words
  const char* hint;
};

const char* const kIndentHint = "check the indentation of this line and the lines above";

const HintRule kHints[] = {
    {"end of map not found", kIndentHint},
    {"end of sequence not found", kIndentHint},
    {"illegal map key", kIndentHint},
    {"illegal block entry", kIndentHint},
    {"illegal map value",
     "check the indentation; a value that contains ': ' must be put in quotes"},
    {"end of map flow not found",
     "close the '{' with '}'; text that starts with '{' must be put in quotes"},
    {"end of sequence flow not found",
     "close the '[' with ']'; text that starts with '[' must be put in quotes"},
    {"illegal flow end", "this ']' or '}' closes nothing; text with it must be put in quotes"},
    {"illegal EOF in scalar", "close the quotes"},
    {"illegal document indicator in scalar",
     "'---' or '...' at the start of a line ends the document; indent the text"},
    {"unknown escape character",
     "inside double quotes write \\\\ for a backslash, or use single quotes"},
    {"bad character found while scanning hex number", "write \\x41, \\u00e9 or \\U0001F600"},
    {"invalid unicode", "write a code point up to \\U0010FFFF"},
    {"illegal tab", "indent with spaces"},
    {"unexpected character in block scalar",
     "after '|' or '>' only '-', '+', an indentation digit or a comment may follow"},
    {"unknown token", "text that starts with '@' or '`' must be put in quotes"},
    {"illegal character in scalar", "put the text in quotes"},
};

std::string aliasAt(const std::string& src, size_t at) {
  size_t e = at + 1;
  while (e < src.size() && !std::strchr(" \t\r\n,[]{}", src[e])) ++e;
  return src.substr(at + 1, e - at - 1);
}

// Is there, between the start of the line holding `at` and the content above it,
// a `...` line (the explicit end of a document)?
bool endMarkerBefore(const std::string& src, size_t at) {
  size_t lineStart = at == 0 ? std::string::npos : src.rfind('\n', at - 1);
  while (lineStart != std::string::npos && lineStart > 0) {
    size_t prev = src.rfind('\n', lineStart - 1);
    prev = prev == std::string::npos ? 0 : prev + 1;
    if (src.compare(prev, 3, "...") == 0) return true;
    size_t k = prev;
    while (k < lineStart && (src[k] == ' ' || src[k] == '\t' || src[k] == '\r')) ++k;
    if (k < lineStart && src[k] != '#') return false;
    lineStart = prev == 0 ? std::string::npos : prev - 1;
  }
  return false;
}

}  // namespace

Problem syntaxProblem(const Document& doc, size_t at, const std::string& yamlMessage) {
  Problem p{doc.posAt(at), yamlMessage, ""};
  if (yamlMessage == YAML::ErrorMsg::UNKNOWN_ANCHOR) {
    const std::string name = aliasAt(doc.source, at);
    p.message = "alias '*" + name + "' refers to an anchor that is not defined";
    p.hint = "define it with '&" + name + "' before the alias";
    return p;
  }
  for (const HintRule& rule : kHints) {
    if (yamlMessage.compare(0, std::strlen(rule.messageStart), rule.messageStart) == 0) {
      p.hint = rule.hint;
      break;
    }
  }
  return p;
}

Problem secondDocumentProblem(const Document& doc, size_t at) {
  const std::string& src = doc.source;
  if (src.compare(at, 3, "---") == 0 || endMarkerBefore(src, at)) {
    return Problem{doc.posAt(at), "a file holds one document; found a second one",
                   "remove the '---' line, or move what follows into a file of its own"};
  }
  return Problem{doc.posAt(at), "unexpected content after the end of the document", kIndentHint};
}

}  // namespace lc::yaml::detail

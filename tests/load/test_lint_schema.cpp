// The JSON Schemas for editors (tools/schema): they parse (JSON is YAML, so our own
// reader reads them), they name exactly the keys the loader accepts, and the bundled
// stories pass them. There is no JSON Schema library here, so a small validator for
// the keywords the schemas use stands in.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "load/yaml_tree.h"

namespace {

using lc::yaml::Kind;
using lc::yaml::Node;

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string source(const std::string& relative) { return std::string(LC_SOURCE_DIR) + "/" + relative; }

lc::yaml::Document parseFile(const std::string& path) {
  lc::yaml::Document doc = lc::yaml::parse(slurp(path));
  INFO(path);
  REQUIRE(doc.root);
  REQUIRE(doc.problems.empty());
  return doc;
}

// The keys of every `Fields x(f, node, "what", {"a", "b"})` in a loader source file.
std::set<std::string> loaderKeys(const std::string& file) {
  std::string text = slurp(source("engine/load/" + file));
  std::set<std::string> keys;
  std::regex fields(R"(Fields\s+\w+\([^;]*?\{((\s*"[a-z_]+"\s*,?)+)\}\))");
  std::regex quoted(R"re("([a-z_]+)")re");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), fields); it != std::sregex_iterator(); ++it) {
    std::string list = (*it)[1];
    for (auto q = std::sregex_iterator(list.begin(), list.end(), quoted); q != std::sregex_iterator(); ++q) keys.insert((*q)[1]);
  }
  return keys;
}

// Every name under a "properties" anywhere in the schema.
void schemaKeys(const Node* node, std::set<std::string>& out) {
  if (!node) return;
  if (node->kind == Kind::Sequence)
    for (const Node* item : node->items) schemaKeys(item, out);
  if (node->kind != Kind::Map) return;
  for (const auto& [key, value] : node->entries) {
    if (key->text == "properties" && value->kind == Kind::Map)
      for (const auto& [name, sub] : value->entries) out.insert(name->text);
    schemaKeys(value, out);
  }
}

// --- a small JSON Schema (draft-07) validator over YAML trees -----------------------

std::string jsonType(const Node& n) {
  if (n.kind == Kind::Map) return "object";
  if (n.kind == Kind::Sequence) return "array";
  if (n.kind == Kind::Null) return "null";
  if (n.style != lc::yaml::Style::Plain) return "string";
  const std::string& t = n.text;
  if (t == "true" || t == "false" || t == "True" || t == "False" || t == "TRUE" || t == "FALSE") return "boolean";
  if (t == "null" || t == "~" || t.empty()) return "null";
  if (std::regex_match(t, std::regex(R"([-+]?[0-9]+)"))) return "integer";
  if (std::regex_match(t, std::regex(R"([-+]?([0-9]*\.[0-9]+|[0-9]+\.?)([eE][-+]?[0-9]+)?)"))) return "number";
  return "string";
}

class Validator {
 public:
  explicit Validator(const Node* root) : root_(root) {}
  // Errors as "where: what", none when `value` passes `schema`.
  void check(const Node* schema, const Node& value, const std::string& where, std::vector<std::string>& errors) const;

 private:
  const Node* resolve(const Node* schema) const {
    const Node* ref = schema->find("$ref");
    if (!ref) return schema;
    std::string path = ref->text;
    REQUIRE(path.rfind("#/definitions/", 0) == 0);
    return root_->find("definitions")->find(path.substr(14));
  }
  bool passes(const Node* schema, const Node& value) const {
    std::vector<std::string> errors;
    check(schema, value, "", errors);
    return errors.empty();
  }
  void checkType(const Node* types, const Node& value, const std::string& where, std::vector<std::string>& errors) const;
  void checkObject(const Node* schema, const Node& value, const std::string& where, std::vector<std::string>& errors) const;
  void checkCombinations(const Node* schema, const Node& value, const std::string& where, std::vector<std::string>& errors) const;
  const Node* root_;
};

void Validator::checkType(const Node* types, const Node& value, const std::string& where, std::vector<std::string>& errors) const {
  std::string actual = jsonType(value);
  std::vector<const Node*> list = types->kind == Kind::Sequence ? types->items : std::vector<const Node*>{types};
  for (const Node* t : list)
    if (t->text == actual || (t->text == "number" && actual == "integer")) return;
  errors.push_back(where + ": is " + actual);
}

void Validator::checkObject(const Node* schema, const Node& value, const std::string& where, std::vector<std::string>& errors) const {
  const Node* props = schema->find("properties");
  const Node* extra = schema->find("additionalProperties");
  const Node* names = schema->find("propertyNames");
  for (const auto& [key, sub] : value.entries) {
    std::string at = where + "." + key->text;
    if (names) check(names, *key, at + " (name)", errors);
    if (const Node* p = props ? props->find(key->text) : nullptr) check(p, *sub, at, errors);
    else if (extra && extra->kind == Kind::Scalar && extra->text == "false") errors.push_back(at + ": unknown key");
    else if (extra && extra->kind == Kind::Map) check(extra, *sub, at, errors);
  }
  if (const Node* required = schema->find("required"))
    for (const Node* r : required->items)
      if (!value.find(r->text)) errors.push_back(where + ": missing " + r->text);
  if (const Node* deps = schema->find("dependencies"))
    for (const auto& [key, needs] : deps->entries)
      if (value.find(key->text))
        for (const Node* n : needs->items)
          if (!value.find(n->text)) errors.push_back(where + ": " + key->text + " needs " + n->text);
  if (const Node* min = schema->find("minProperties"); min && value.entries.size() < std::stoul(min->text))
    errors.push_back(where + ": too few keys");
}

void Validator::checkCombinations(const Node* schema, const Node& value, const std::string& where, std::vector<std::string>& errors) const {
  if (const Node* all = schema->find("allOf"))
    for (const Node* s : all->items) check(s, value, where, errors);
  if (const Node* one = schema->find("oneOf")) {
    size_t n = 0;
    for (const Node* s : one->items) n += passes(s, value);
    if (n != 1) errors.push_back(where + ": matches " + std::to_string(n) + " of oneOf");
  }
  if (const Node* no = schema->find("not"); no && passes(no, value)) errors.push_back(where + ": matches 'not'");
  if (const Node* cond = schema->find("if")) {
    const Node* branch = passes(cond, value) ? schema->find("then") : schema->find("else");
    if (branch) check(branch, value, where, errors);
  }
}

void Validator::check(const Node* schema, const Node& value, const std::string& where, std::vector<std::string>& errors) const {
  schema = resolve(schema);
  REQUIRE(schema);
  if (schema->kind != Kind::Map) return;
  if (const Node* t = schema->find("type")) checkType(t, value, where, errors);
  if (const Node* c = schema->find("const"); c && value.text != c->text) errors.push_back(where + ": is not " + c->text);
  if (const Node* e = schema->find("enum")) {
    bool found = false;
    for (const Node* option : e->items) found = found || option->text == value.text;
    if (!found) errors.push_back(where + ": '" + value.text + "' is not one of the values allowed");
  }
  if (const Node* p = schema->find("pattern"); p && value.kind == Kind::Scalar && !std::regex_search(value.text, std::regex(p->text)))
    errors.push_back(where + ": '" + value.text + "' does not match " + p->text);
  if (value.kind == Kind::Map) checkObject(schema, value, where, errors);
  if (value.kind == Kind::Sequence) {
    if (const Node* items = schema->find("items"))
      for (size_t i = 0; i < value.items.size(); ++i) check(items, *value.items[i], where + "[" + std::to_string(i) + "]", errors);
    if (const Node* min = schema->find("minItems"); min && value.items.size() < std::stoul(min->text)) errors.push_back(where + ": too few items");
  }
  if (jsonType(value) == "integer" || jsonType(value) == "number") {
    double v = std::stod(value.text);
    if (const Node* lo = schema->find("minimum"); lo && v < std::stod(lo->text)) errors.push_back(where + ": below minimum");
    if (const Node* hi = schema->find("maximum"); hi && v > std::stod(hi->text)) errors.push_back(where + ": above maximum");
  }
  checkCombinations(schema, value, where, errors);
}

std::vector<std::string> validateFile(const lc::yaml::Document& schema, const std::string& path) {
  lc::yaml::Document doc = parseFile(path);
  std::vector<std::string> errors;
  Validator(schema.root).check(schema.root, *doc.root, path, errors);
  return errors;
}

std::vector<std::string> storyFiles(const char* story) {
  std::string dir = source("story/") + story;
  lc::yaml::Document manifest = parseFile(dir + "/story.yaml");
  std::vector<std::string> files{dir + "/story.yaml"};
  for (const Node* c : manifest.root->find("chapters")->items) files.push_back(dir + "/" + c->text);
  return files;
}

}  // namespace

TEST_CASE("the editor schemas parse and name every key the loader accepts") {
  std::set<std::string> inSchemas;
  for (const char* name :
       {"manifest.schema.json", "chapter.schema.json", "lostcorner-story.schema.json", "lesson-plan.schema.json"}) {
    lc::yaml::Document doc = parseFile(source("tools/schema/") + name);
    CHECK(doc.root->find("$schema"));
    schemaKeys(doc.root, inSchemas);
  }
  std::set<std::string> accepted = loaderKeys("manifest.cpp");
  for (const char* file : {"chapter.cpp", "assessment.cpp", "lesson_plan.cpp"})
    for (const std::string& k : loaderKeys(file)) accepted.insert(k);
  CHECK(accepted.size() >= 45);  // the pattern still finds the loader's key lists
  for (const std::string& key : accepted) {
    INFO("the loader accepts '" << key << "'");
    CHECK(inSchemas.count(key) == 1);
  }
  for (const std::string& key : inSchemas) {
    INFO("the schemas describe '" << key << "'");
    CHECK(accepted.count(key) == 1);
  }
}

TEST_CASE("every key in the schemas has a description for hover help") {
  for (const char* name : {"manifest.schema.json", "chapter.schema.json", "lesson-plan.schema.json"}) {
    lc::yaml::Document doc = parseFile(source("tools/schema/") + name);
    std::vector<const Node*> stack{doc.root};
    while (!stack.empty()) {
      const Node* n = stack.back();
      stack.pop_back();
      if (n->kind == Kind::Sequence) stack.insert(stack.end(), n->items.begin(), n->items.end());
      if (n->kind != Kind::Map) continue;
      for (const auto& [key, value] : n->entries) {
        if (key->text == "allOf") continue;  // if/then rules on keys described elsewhere
        if (key->text == "properties")
          for (const auto& [prop, sub] : value->entries) {
            INFO(name << ": " << prop->text);
            CHECK(sub->find("description"));
          }
        stack.push_back(value);
      }
    }
  }
}

TEST_CASE("the bundled stories pass the schemas") {
  lc::yaml::Document manifest = parseFile(source("tools/schema/manifest.schema.json"));
  lc::yaml::Document chapter = parseFile(source("tools/schema/chapter.schema.json"));
  for (const char* story : {"never-let-me-go", "tutorial"}) {
    std::vector<std::string> files = storyFiles(story);
    for (size_t i = 0; i < files.size(); ++i) {
      std::vector<std::string> errors = validateFile(i == 0 ? manifest : chapter, files[i]);
      INFO(files[i]);
      for (const auto& e : errors) INFO(e);
      CHECK(errors.empty());
    }
  }
}

TEST_CASE("the bundled lesson plans pass the lesson plan schema, which catches a wrong level or objective") {
  lc::yaml::Document schema = parseFile(source("tools/schema/lesson-plan.schema.json"));
  for (const char* plan : {"hailsham.yaml"}) {
    std::vector<std::string> errors = validateFile(schema, source("story/never-let-me-go/lessons/") + plan);
    INFO(plan);
    for (const auto& e : errors) INFO(e);
    CHECK(errors.empty());
  }
  lc::yaml::Document doc = lc::yaml::parse("level: hard\nao: [AO5]\nexam: yes\n");
  REQUIRE(doc.root);
  std::vector<std::string> errors;
  Validator(schema.root).check(schema.root, *doc.root, "p", errors);
  std::string all;
  for (const auto& e : errors) all += e + "\n";
  CHECK(all ==
        "p.level: 'hard' is not one of the values allowed\np.ao[0]: 'AO5' is not one of the values allowed\np.exam: is "
        "string\n");
}

TEST_CASE("the chapter schema takes assessment tags on prompts, journal questions and exam questions") {
  lc::yaml::Document chapter = parseFile(source("tools/schema/chapter.schema.json"));
  lc::yaml::Document doc = lc::yaml::parse(
      "chapter: a\nexam:\n  - {ask: \"How does the writer present the gate?\", ao: [AO1, AO2]}\n  - {ao: "
      "[AO2]}\nscenes:\n"
      "  start:\n    text: Hi\n    prompt: {kind: predict, ask: \"Why?\", ao: [AO3], support: \"Who?\", stretch: \"How "
      "far?\"}\n"
      "    journal: {ask: \"What now?\", ao: [A02]}\n    end: true\n  two:\n    text: x\n    journal: Plain, as in "
      "v1\n    end: true\n");
  REQUIRE(doc.root);
  std::vector<std::string> errors;
  Validator(chapter.root).check(chapter.root, *doc.root, "a", errors);
  std::string all;
  for (const auto& e : errors) all += e + "\n";
  CHECK(all == "a.exam[1]: missing ask\na.scenes.start.journal: matches 0 of oneOf\n");
}

TEST_CASE("the schema validator used above does catch mistakes") {
  lc::yaml::Document chapter = parseFile(source("tools/schema/chapter.schema.json"));
  lc::yaml::Document doc = lc::yaml::parse(
      "chapter: a\nscenes:\n  start:\n    txt: Hi\n    end: yes\n    choices:\n      - {text: Go}\n  bad id!:\n    text: x\n");
  std::vector<std::string> errors;
  Validator(chapter.root).check(chapter.root, *doc.root, "a", errors);
  std::string all;
  for (const auto& e : errors) all += e + "\n";
  CHECK(all.find("a.scenes.start.txt: unknown key") != std::string::npos);
  CHECK(all.find("a.scenes.start.end: is string") != std::string::npos);
  CHECK(all.find("a.scenes.start.choices[0]: missing goto") != std::string::npos);
  CHECK(all.find("a.scenes.bad id! (name): 'bad id!' does not match") != std::string::npos);
}

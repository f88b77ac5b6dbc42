// Handing work in: students exporting into one shared folder keep every file of theirs,
// and the class report finds every summary in folders, subfolders and .zip archives,
// naming each file it did not count.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <regex>

#include "classroom/classroom_export.h"
#include "load/journal_export.h"
#include "load/report_inputs.h"
#include "support/classroom.h"
#include "support/run.h"
#include "support/temp_story.h"
#include "support/zip_write.h"

using lc::test::contains;
using lc::test::runLostCorner;

namespace {

int occurrences(const std::string& text, const std::string& part) {
  int n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

std::string baseName(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

std::string problemsText(const std::vector<lc::ReportProblem>& problems, const std::string& dir) {
  std::string out;
  for (auto p : problems) {
    if (p.source.rfind(dir + "/", 0) == 0) p.source = p.source.substr(dir.size() + 1);
    out += p.source + ": " + p.message + "\n";
  }
  return out;
}

}  // namespace

SCENARIO("four students export into one shared folder, two of them named Ann Lee, one twice") {
  lc::test::TempStory story(lc::test::kLessonStory);
  lc::test::TempDir shared, saves;
  const std::string play = "play " + story.path() + " --text --classroom --save-dir " + saves.path() + " ";
  const std::string exportLine = "export " + shared.path() + "\n";
  // Enter ends the discussion; the answer to the journal question; its full stop.
  const std::vector<std::string> students = {
      "\nFirst Ann's answer.\n.\nname Ann Lee\n" + exportLine + "journal\nFirst Ann adds a note.\n.\n" + exportLine,
      "\nBen's answer, no name given.\n.\n" + exportLine,
      "\nSecond Ann's answer.\n.\nname Ann Lee\n" + exportLine,
      "\nDee's answer, no name given.\n.\n" + exportLine,
  };
  for (const auto& input : students) REQUIRE(runLostCorner(play, input + "quit\n").status == 0);

  auto md = lc::test::filesEndingWith(shared.path(), ".md");
  auto json = lc::test::filesEndingWith(shared.path(), ".json");
  auto backups = lc::test::filesEndingWith(shared.path(), ".bak");
  THEN("each student has a set of files of their own, named by name and a short id") {
    REQUIRE(md.size() == 4);
    CHECK(json.size() == 4);
    CHECK(lc::test::filesEndingWith(shared.path(), ".html").size() == 4);
    std::regex named("lesson-journal-ann-lee-[0-9a-f]{6}-[0-9]{4}-[0-9]{2}-[0-9]{2}\\.md");
    std::regex anonymous("lesson-journal-[0-9a-f]{6}-[0-9]{4}-[0-9]{2}-[0-9]{2}\\.md");
    int withName = 0, withoutName = 0;
    for (const auto& f : md) {
      withName += std::regex_match(baseName(f), named);
      withoutName += std::regex_match(baseName(f), anonymous);
    }
    CHECK(withName == 2);
    CHECK(withoutName == 2);
  }
  THEN("every answer is in exactly one journal, and the re-export replaced only its own") {
    std::string all;
    for (const auto& f : md) all += lc::test::readText(f);
    for (const char* answer : {"First Ann's answer.", "First Ann adds a note.", "Ben's answer, no name given.", "Second Ann's answer.",
                              "Dee's answer, no name given."})
      CHECK(occurrences(all, std::string("> ") + answer + "\n") == 1);
    REQUIRE(backups.size() == 3);  // the first Ann's .md, .html and .json from her first export
    std::string backup;
    for (const auto& b : backups)
      if (contains(b, ".md.bak")) backup = lc::test::readText(b);
    CHECK(contains(backup, "> First Ann's answer."));
    CHECK_FALSE(contains(backup, "adds a note"));
  }
  THEN("the report counts four students") {
    auto r = runLostCorner("report " + shared.path() + " -o " + shared.file("class.html"), "", true);
    CHECK(r.status == 0);
    CHECK(r.out == "4 journals counted, 0 not counted; wrote " + shared.file("class.html") + "\n");
  }
}

SCENARIO("an export never replaces a file of the same name that another student wrote") {
  auto story = lc::test::loadValid(lc::test::kLessonStory);
  lc::State state = lc::State::initial(*story);
  lc::ClassroomRecord record;
  lc::test::TempDir dir;
  lc::JournalExport mine{*story, state, record, "abcdef0000000000", "Ann", 1772442000000};
  lc::JournalExport theirs{*story, state, record, "abcdef1111111111", "Ann", 1772442000000};
  const std::string stem = lc::journalExportStem(mine);
  CHECK(stem == "lesson-journal-ann-abcdef-2026-03-02");
  CHECK(lc::journalExportStem(theirs) == stem);  // the same name and the same first six digits
  std::vector<std::string> paths;
  std::string error;
  REQUIRE(lc::writeJournalExport(theirs, dir.path(), paths, error));
  CHECK(lc::freeExportStem(mine, dir.path()) == stem + "-2");
  REQUIRE(lc::writeJournalExport(mine, dir.path(), paths, error));
  CHECK(baseName(paths.at(0)) == stem + "-2.md");
  CHECK(contains(lc::test::readText(dir.file(stem + ".json")), "abcdef1111111111"));
  CHECK(lc::freeExportStem(theirs, dir.path()) == stem);  // their own files: replaced
  CHECK(lc::freeExportStem(mine, dir.path()) == stem + "-2");
  WHEN("names the file system or a shell would mind") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Ann Lee", "ann-lee"},           {"  ../../etc/passwd ", "etc-passwd"}, {"Zoë Łukasz", "zoë-Łukasz"},
        {"a/b\\c:d*e?f\"g<h>i|j", "a-b-c-d-e-f-g-h-i-j"}, {"$(rm -rf ~)", "rm-rf"}, {"!!!", ""},
        {"A very long name that goes on and on", "a-very-long-name-that-go"},
    };
    for (const auto& [name, part] : cases) {
      INFO(name);
      CHECK(lc::fileNamePart(name, 24) == part);
    }
    lc::JournalExport punctuation{*story, state, record, "0123456789", "!!!", 1772442000000};
    CHECK(lc::journalExportStem(punctuation) == "lesson-journal-012345-2026-03-02");
  }
}

SCENARIO("the .zip reader refuses bad entries one by one and reads the rest") {
  using lc::test::ZipItem;
  const std::string ok = lc::test::summaryJson({"zzzz", "2026-03-02T10:00:00Z", "lesson", {}, {}, 3});
  std::vector<ZipItem> items = {
      {"class/ok.json", ok, true},
      {"../evil.json", ok},
      {"class/../../evil.json", ok},
      {"..\\windows.json", ok},
      {"/etc/absolute.json", ok},
      {"C:\\drive.json", ok},
      {"class/bad-crc.json", ok, false, 1},
      {"class/lies.json", ok, false, 0, 5},
      {"class/bomb.json", std::string(size_t(8) << 20, ' '), true},
      {"class/", ""},
  };
  lc::ZipLimits limits;
  limits.maxEntryBytes = size_t(1) << 20;
  std::vector<lc::ZipEntry> entries;
  std::vector<lc::ZipProblem> problems;
  REQUIRE(lc::readZip(lc::test::zipArchive(items), limits, [](const std::string&) { return true; }, entries, problems));
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].name == "class/ok.json");
  CHECK(entries[0].data == ok);
  std::string said;
  for (const auto& p : problems) said += p.name + ": " + p.message + "\n";
  const std::string bomb = "class/bomb.json: refused: expands past 1 MB (a zip bomb?)\n";  // 8 MB of spaces
  CHECK(said ==
        "../evil.json: refused: a path leaving the archive (../)\n"
        "class/../../evil.json: refused: a path leaving the archive (../)\n"
        "..\\windows.json: refused: a path leaving the archive (../)\n"
        "/etc/absolute.json: refused: an absolute path\n"
        "C:\\drive.json: refused: a drive letter\n"
        "class/bad-crc.json: refused: its checksum does not match (corrupt)\n"
        "class/lies.json: refused: its size does not match the directory (corrupt)\n" + bomb);
  WHEN("the archive as a whole is not one") {
    struct Case {
      std::string what, bytes, message;
    };
    std::string archive = lc::test::zipArchive({{"a.json", ok}, {"b.json", ok}});
    std::string shifted = archive.substr(7);
    std::string cut = archive.substr(0, archive.size() - 30);
    const std::vector<Case> cases = {
        {"empty", "", ": not a .zip archive, or a damaged one (no end-of-directory record)\n"},
        {"text", "just some words", ": not a .zip archive, or a damaged one (no end-of-directory record)\n"},
        {"cut short", cut, ": not a .zip archive, or a damaged one (no end-of-directory record)\n"},
        {"shifted", shifted, ": the archive's directory is corrupt after 0 of 2 entries\n"},
    };
    for (const auto& c : cases) {
      INFO(c.what);
      std::vector<lc::ZipEntry> got;
      std::vector<lc::ZipProblem> why;
      CHECK_FALSE(lc::readZip(c.bytes, {}, [](const std::string&) { return true; }, got, why));
      std::string text;
      for (const auto& p : why) text += p.name + ": " + p.message + "\n";
      CHECK(text == c.message);
    }
  }
  WHEN("every entry is fine but together they expand past the cap") {
    lc::ZipLimits small;
    small.maxEntryBytes = size_t(2) << 20;
    small.maxTotalBytes = size_t(2) << 20;
    std::string big(size_t(3) << 19, 'x');  // 1.5 MB each
    std::vector<lc::ZipEntry> got;
    std::vector<lc::ZipProblem> why;
    lc::readZip(lc::test::zipArchive({{"a.json", big, true}, {"b.json", big, true}}), small,
                [](const std::string&) { return true; }, got, why);
    CHECK(got.size() == 1);
    REQUIRE(why.size() == 1);
    CHECK(why[0].name == "b.json");
    CHECK(why[0].message == "refused: the archive expands past 2 MB in all");
  }
}

SCENARIO("the report reads nested folders and a .zip, counts each student once and names what it skipped") {
  lc::test::TempDir root;
  auto exports = lc::test::classExports();
  ::mkdir(root.file("year10").c_str(), 0755);
  ::mkdir(root.file("year10/ann").c_str(), 0755);
  ::mkdir(root.file("year10/ann/deeper").c_str(), 0755);
  ::mkdir(root.file("year10/ben").c_str(), 0755);
  root.write("year10/ann/deeper/a.json", exports.at("a.json"));
  root.write("year10/ann/deeper/a.md", "# the journal itself: not counted, not a warning");
  root.write("year10/ben/b.json", exports.at("b.json"));
  root.write("year10/ben/notes.docx", "a stray file");
  ::mkfifo(root.file("year10/ben/pipe.json").c_str(), 0644);
  REQUIRE(::symlink("/dev/zero", root.file("year10/zero.json").c_str()) == 0);
  REQUIRE(::symlink(root.path().c_str(), root.file("year10/loop").c_str()) == 0);
  root.write("download.zip", lc::test::zipArchive({
                                 {"Ann Lee_123/a.json", exports.at("a.json"), true},  // handed in twice: counted once
                                 {"Cat/c.json", exports.at("c.json"), true},
                                 {"Dee/d.json", exports.at("d.json")},
                                 {"Dee/d.html", "<p>the journal page</p>"},
                                 {"../../escape.json", exports.at("b.json")},
                                 {"inner.zip", "PK"},
                             }));
  lc::ReportInputs in = lc::collectReportInputs({root.file("year10"), root.file("download.zip")});
  std::vector<std::string> sources;
  for (const auto& s : in.summaries) sources.push_back(s.source.substr(root.path().size() + 1));
  CHECK(sources == std::vector<std::string>{"year10/ann/deeper/a.json", "year10/ben/b.json", "download.zip/Ann Lee_123/a.json",
                                            "download.zip/Cat/c.json", "download.zip/Dee/d.json"});
  CHECK(in.ignored == 2);
  CHECK(problemsText(in.skipped, root.path()) ==
        "year10/ben/notes.docx: not a journal summary (.json) or a .zip: not read\n"
        "year10/ben/pipe.json: cannot read: it is a FIFO (named pipe), not a regular file\n"
        "year10/loop: a link to a folder: not followed\n"
        "year10/zero.json: cannot read: it is a device, not a regular file\n"
        "download.zip/inner.zip: a .zip inside a .zip is not opened: unzip the outer one first\n"
        "download.zip/../../escape.json: refused: a path leaving the archive (../)\n");
  THEN("lostcorner report counts four and says why for each of the others") {
    std::string page = root.file("class.html");
    auto r = runLostCorner("report " + root.file("year10") + " " + root.file("download.zip") + " -o " + page, "", true);
    CHECK(r.status == 0);
    CHECK(contains(r.out, "lostcorner report: " + root.file("download.zip/Ann Lee_123/a.json") + ": the same export as " +
                              root.file("year10/ann/deeper/a.json") + " (counted there, once) (not counted)\n"));
    CHECK(contains(r.out, "lostcorner report: " + root.file("year10/ben/pipe.json") +
                              ": cannot read: it is a FIFO (named pipe), not a regular file (not counted)\n"));
    CHECK(contains(r.out, "4 journals counted, 7 not counted; wrote " + page + "\n"));
    CHECK(contains(lc::test::readText(page), "Files not counted (7)"));
  }
  THEN("a report that counts nothing says so loudly and fails") {
    auto r = runLostCorner("report " + root.file("year10/ann/deeper/a.md") + " -o " + root.file("none.html"), "", true);
    CHECK(r.status == 1);
    CHECK(r.out == "0 journals counted, 0 not counted; wrote " + root.file("none.html") +
                       "\nlostcorner report: WARNING: no journal was counted. Give the students' exported .json files, "
                       "the folder they are in, or the .zip of them (only the exports' .md or .html copies were found: "
                       "the report reads the .json)\n");
  }
}

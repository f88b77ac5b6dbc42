// Small stories with one planted fault each (and a clean one), shared by the tests of
// explore (tests/core), check's lints (tests/load) and the command line (tests/app).
#pragma once
#include <map>
#include <string>

#include "support/temp_story.h"

namespace lc::test {

struct FaultStory {
  const char* name;
  std::map<std::string, std::string> files;
};

// A story with no fault: every scene reachable, every choice shown, every variable
// both set and read, two endings.
inline FaultStory cleanStory() {
  return {"clean", oneChapter("  key: {type: bool, initial: false}\n",
                              "  start:\n"
                              "    text: A door.\n"
                              "    choices:\n"
                              "      - text: Take the key\n"
                              "        goto: hall\n"
                              "        do: [key = true]\n"
                              "      - text: Leave\n"
                              "        goto: home\n"
                              "  hall:\n"
                              "    text: A hall.\n"
                              "    choices:\n"
                              "      - text: Open the door\n"
                              "        goto: home\n"
                              "        if: key\n"
                              "      - text: Go back\n"
                              "        goto: start\n"
                              "  home:\n"
                              "    text: Home.\n"
                              "    end: true\n"
                              "    ending: Home\n")};
}

// The hall (a.yaml:11:3) is a dead end when reached without the key: "Go on".
inline FaultStory deadEndStory() {
  return {"dead end", oneChapter("  key: {type: bool, initial: false}\n",
                                 "  start:\n"
                                 "    text: A door.\n"
                                 "    choices:\n"
                                 "      - text: Take the key\n"
                                 "        goto: hall\n"
                                 "        do: [key = true]\n"
                                 "      - text: Go on\n"
                                 "        goto: hall\n"
                                 "  hall:\n"
                                 "    text: A hall.\n"
                                 "    choices:\n"
                                 "      - text: Open the door\n"
                                 "        goto: done\n"
                                 "        if: key\n"
                                 "  done:\n"
                                 "    text: Out.\n"
                                 "    end: true\n"
                                 "    ending: Out\n")};
}

// Nothing leads to 'lost' (a.yaml:9:3).
inline FaultStory unreachableSceneStory() {
  return {"unreachable scene", oneChapter("",
                                          "  start:\n"
                                          "    text: Start.\n"
                                          "    next: done\n"
                                          "  done:\n"
                                          "    text: Done.\n"
                                          "    end: true\n"
                                          "  lost:\n"
                                          "    text: Nobody comes here.\n"
                                          "    next: done\n")};
}

// 'Fly' (a.yaml:8:9) needs n > 5, and n is at most 3.
inline FaultStory impossibleConditionStory() {
  return {"impossible condition", oneChapter("  n: {type: int, initial: 0, min: 0, max: 3}\n",
                                             "  start:\n"
                                             "    text: \"Start {n}.\"\n"
                                             "    choices:\n"
                                             "      - text: Walk\n"
                                             "        goto: done\n"
                                             "      - text: Fly\n"
                                             "        goto: done\n"
                                             "        if: n > 5\n"
                                             "        do: [n += 1]\n"
                                             "  done:\n"
                                             "    text: Done.\n"
                                             "    end: true\n")};
}

// Once in the maze (a.yaml:10:3), play goes round maze -> hall forever.
inline FaultStory softLockStory() {
  return {"soft-lock", oneChapter("",
                                  "  start:\n"
                                  "    text: Start.\n"
                                  "    choices:\n"
                                  "      - text: Go home\n"
                                  "        goto: home\n"
                                  "      - text: Enter the maze\n"
                                  "        goto: maze\n"
                                  "  maze:\n"
                                  "    text: Hedges.\n"
                                  "    choices:\n"
                                  "      - text: Turn left\n"
                                  "        goto: hall\n"
                                  "  hall:\n"
                                  "    text: More hedges.\n"
                                  "    next: maze\n"
                                  "  home:\n"
                                  "    text: Home.\n"
                                  "    end: true\n")};
}

// The summit (a.yaml:15:3) is an ending nobody reaches: 'Climb' (a.yaml:9:9) needs
// n >= 1, and n only goes up on the way to the other ending.
inline FaultStory unreachableEndingStory() {
  return {"unreachable ending", oneChapter("  n: {type: int, initial: 0, min: 0, max: 3}\n",
                                           "  start:\n"
                                           "    text: The foot of the hill.\n"
                                           "    choices:\n"
                                           "      - text: Rest\n"
                                           "        goto: done\n"
                                           "        do: [n += 1]\n"
                                           "      - text: Climb\n"
                                           "        goto: summit\n"
                                           "        if: n >= 1\n"
                                           "  done:\n"
                                           "    text: \"Rested {n}.\"\n"
                                           "    end: true\n"
                                           "  summit:\n"
                                           "    text: The summit.\n"
                                           "    end: true\n"
                                           "    ending: The top\n")};
}

// 'spare' (story.yaml:8:3) is declared and never used.
inline FaultStory unusedVariableStory() {
  FaultStory s = cleanStory();
  s.name = "unused variable";
  s.files["story.yaml"] += "  spare: {type: int, initial: 0}\n";
  return s;
}

}  // namespace lc::test

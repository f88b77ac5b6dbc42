// The subcommands of `lostcorner`. Each takes the arguments after its name.
#pragma once

namespace lc {

int cmdPlay(int argc, char** argv);
int cmdCheck(int argc, char** argv);
int cmdExplore(int argc, char** argv);
int cmdGraph(int argc, char** argv);
int cmdStats(int argc, char** argv);
int cmdNew(int argc, char** argv);
int cmdReport(int argc, char** argv);
int cmdPublish(int argc, char** argv);
int cmdPlan(int argc, char** argv);

}  // namespace lc

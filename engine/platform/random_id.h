// Random ids for the front ends to give the core (RunnerOptions::newGameId): the core
// itself draws nothing at random, so a replay of the same choices is the same game.
#pragma once
#include <string>

namespace lc {

std::string newRandomId();  // 32 random hex digits (std::random_device)

}  // namespace lc

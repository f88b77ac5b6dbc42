// Where things live on this machine, from the environment: home, the XDG folders, PATH.
// The only reader of getenv for these (the front ends' own switches such as
// LOSTCORNER_RENDERER stay with the code they switch).
#pragma once
#include <string>

namespace lc {

// $NAME when set and not empty, else `fallback`.
std::string envOr(const char* name, const std::string& fallback);
std::string homeDir();                            // $HOME, else "."
std::string configDir();                          // $XDG_CONFIG_HOME/lostcorner, default ~/.config/lostcorner
std::string dataDir();                            // $XDG_DATA_HOME/lostcorner, default ~/.local/share/lostcorner
std::string cacheDir();                           // $XDG_CACHE_HOME/lostcorner, default ~/.cache/lostcorner
std::string documentsDir();                       // ~/Documents/Lost Corner: where journal exports go
std::string expandHome(const std::string& path);  // "~/x" -> "$HOME/x"; "~user" left to the shell
// Which build of the program is running: the size and modification time of its own
// executable ("" where that cannot be asked, e.g. the browser). Caches key on it so that
// a rebuilt engine never reads what an older one wrote.
std::string executableStamp();
// The first executable `name` in a folder of $PATH (an empty entry is "."), or "".
std::string findInPath(const std::string& name);

}  // namespace lc

#include "cli/version.hpp"

#include "cli/resource_paths.hpp"
#include "dxcomply_build_info.h"  // generated: version, library versions
#include "dxcomply_revision.h"    // generated at build time: DXCOMPLY_GIT_REVISION

#include <boost/version.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/version.h>
#include <sqlite3.h>
#include <xlsxwriter.h>

#include <string>

namespace dxcomply {
namespace {

// "3.40.1", or "3.40.1 (built with 3.40.0)" when the shared library found
// at run time is not the one the program was compiled against.
std::string Linked(const std::string& running, const std::string& built) {
  return running == built ? running : running + " (built with " + built + ")";
}

std::string Line(const std::string& name, const std::string& version) {
  return "  " + name + std::string(name.size() < 16 ? 16 - name.size() : 1, ' ') + version + "\n";
}

}  // namespace

const char* VersionNumber() { return DXCOMPLY_VERSION; }

const char* GitRevision() { return DXCOMPLY_GIT_REVISION; }

std::string VersionText() {
  std::string text = "dxcomply " DXCOMPLY_VERSION " (revision " DXCOMPLY_GIT_REVISION ")\n";
  const std::string data = InstalledDataDir();
  text += "data: " + (data.empty() ? std::string("(unknown)") : data) + " (or " + kDataDirVariable +
          ", --rules, --templates)\n";
  text += "libraries:\n";
  text += Line("SQLite", Linked(sqlite3_libversion(), SQLITE_VERSION));
  text += Line("yaml-cpp", DXCOMPLY_YAML_CPP_VERSION);
  text += Line("Boost", std::to_string(BOOST_VERSION / 100000) + "." +
                            std::to_string(BOOST_VERSION / 100 % 1000) + "." +
                            std::to_string(BOOST_VERSION % 100));
  text += Line("libxlsxwriter", Linked(lxw_version(), LXW_VERSION));
  text += Line("spdlog", std::to_string(SPDLOG_VER_MAJOR) + "." + std::to_string(SPDLOG_VER_MINOR) +
                             "." + std::to_string(SPDLOG_VER_PATCH));
  text += Line("nlohmann-json", std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." +
                                    std::to_string(NLOHMANN_JSON_VERSION_MINOR) + "." +
                                    std::to_string(NLOHMANN_JSON_VERSION_PATCH));
  text += Line("CLI11", DXCOMPLY_CLI11_VERSION);
  text += Line("compiler", __VERSION__);
  return text;
}

}  // namespace dxcomply

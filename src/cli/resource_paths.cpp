#include "cli/resource_paths.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace dxcomply {
namespace {

namespace fs = std::filesystem;

// The data folder relative to the program's folder, from the install
// layout (CMake's bindir and datadir); "../share/dxcomply" by default.
#ifndef DXCOMPLY_DATA_FROM_PROGRAM
#define DXCOMPLY_DATA_FROM_PROGRAM "../share/dxcomply"
#endif

// The running program's own path (Linux: /proc/self/exe, with symbolic
// links resolved, so a link in /usr/local/bin to /opt/dxcomply/bin still
// finds /opt/dxcomply/share).
std::string ProgramPath() {
  std::error_code error;
  const fs::path path = fs::read_symlink("/proc/self/exe", error);
  return error ? "" : path.string();
}

bool IsFolder(const std::string& path) {
  std::error_code error;
  return fs::is_directory(path, error);
}

}  // namespace

std::string InstalledDataDir() {
  const std::string program = ProgramPath();
  if (program.empty()) return "";
  return (fs::path(program).parent_path() / DXCOMPLY_DATA_FROM_PROGRAM).lexically_normal().string();
}

std::optional<std::string> FindDataFolder(const std::string& given, const std::string& name,
                                          const std::string& option, std::ostream& err) {
  if (!given.empty()) {
    if (IsFolder(given)) return given;
    err << Tr("error: ")
        << Format(Tr("{0} folder not found: {1} (given by {2})"), {name, given, option}) << "\n";
    return std::nullopt;
  }
  const char* variable = std::getenv(kDataDirVariable);
  if (variable != nullptr && *variable != '\0') {
    const std::string folder = (fs::path(variable) / name).string();
    if (IsFolder(folder)) return folder;
    err << Tr("error: ")
        << Format(Tr("{0} folder not found: {1} (from {2}={3}); give {4} DIR or fix {2}"),
                  {name, folder, kDataDirVariable, variable, option})
        << "\n";
    return std::nullopt;
  }
  const std::string data = InstalledDataDir();
  if (!data.empty()) {
    const std::string folder = (fs::path(data) / name).string();
    if (IsFolder(folder)) return folder;
    err << Tr("error: ")
        << Format(Tr("{0} folder not found: looked in {1} (beside the program {2}); give {3} DIR "
                     "or set {4} to a folder holding {0}/"),
                  {name, folder, ProgramPath(), option, kDataDirVariable})
        << "\n";
  } else {
    err << Tr("error: ")
        << Format(Tr("{0} folder not found: the program's own path cannot be read "
                     "(/proc/self/exe), so {1} cannot be looked in; give {2} DIR or set {3}"),
                  {name, DXCOMPLY_DATA_FROM_PROGRAM, option, kDataDirVariable})
        << "\n";
  }
  return std::nullopt;
}

}  // namespace dxcomply

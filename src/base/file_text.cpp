#include "base/file_text.hpp"

#include "base/messages.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dxcomply {

FileText ReadFileText(const std::string& path) {
  // A folder opens as a stream on Linux and reads as empty: refused first.
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) return {"", Tr("is a folder, not a file")};
  std::ifstream in(path, std::ios::binary);
  if (!in) return {"", std::strerror(errno)};
  std::ostringstream text;
  text << in.rdbuf();  // An empty file leaves `text` failed and empty: fine.
  if (in.bad()) return {"", Tr("read error")};
  return {text.str(), ""};
}

}  // namespace dxcomply

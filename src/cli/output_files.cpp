#include "cli/output_files.hpp"

#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <vector>

namespace dxcomply {
namespace {

namespace fs = std::filesystem;

constexpr const char* kTemporaryMark = ".dxcomply-tmp-";

std::string TemporaryName(const std::string& path) {
  return path + kTemporaryMark + std::to_string(getpid());
}

// Flushes a file (or folder) to disk, so that a rename cannot be reordered
// before the data it points to.
void Sync(const std::string& path, bool folder) {
  const int fd = open(path.c_str(), folder ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (fd < 0) return;
  fsync(fd);
  close(fd);
}

void Rename(const std::string& from, const std::string& to) {
  std::error_code error;
  fs::rename(from, to, error);
  if (error) throw OutputError("cannot move " + from + " to " + to + ": " + error.message());
}

void WriteTemporary(const std::string& temporary, const std::string& content) {
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  out << content;
  out.flush();
  if (!out) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw OutputError("cannot write " + temporary);
  }
}

}  // namespace

void EnsureFolder(const std::string& folder) {
  std::error_code error;
  fs::create_directories(folder, error);
  if (error || !fs::is_directory(folder)) {
    throw OutputError("cannot create folder " + folder + ": " + error.message());
  }
}

void WriteFileAtomically(const std::string& path, const std::string& content) {
  const std::string temporary = TemporaryName(path);
  WriteTemporary(temporary, content);
  Rename(temporary, path);
  CountCommittedFile();
}

void WriteFileDurably(const std::string& path, const std::string& content) {
  const std::string temporary = TemporaryName(path);
  WriteTemporary(temporary, content);
  Sync(temporary, false);
  Rename(temporary, path);
  Sync(fs::path(path).parent_path().string(), true);
  CountCommittedFile();
}

void FlushToDisk(const std::string& folder) {
  const int fd = open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) throw OutputError("cannot open folder " + folder);
  const int failed = syncfs(fd);
  close(fd);
  if (failed != 0) throw OutputError("cannot flush " + folder + " to disk");
}

PendingFile::PendingFile(std::string path)
    : path_(std::move(path)), temp_path_(TemporaryName(path_)) {}

PendingFile::~PendingFile() {
  if (committed_) return;
  std::error_code ignored;
  fs::remove(temp_path_, ignored);
}

void PendingFile::Commit() {
  Rename(temp_path_, path_);
  committed_ = true;
  CountCommittedFile();
}

std::string FileNameOf(const std::string& id) {
  std::string name;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const auto byte = static_cast<unsigned char>(id[i]);
    const bool alnum = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                       (byte >= '0' && byte <= '9');
    if (alnum || byte == '_' || byte == '-' || (byte == '.' && i > 0)) {
      name += id[i];
    } else {
      static const char kHex[] = "0123456789ABCDEF";
      name += '%';
      name += kHex[byte >> 4];
      name += kHex[byte & 0xF];
    }
  }
  return name.empty() ? "%" : name;
}

int RemoveStrayTemporaries(const std::string& folder) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) return 0;
  std::vector<fs::path> stray;  // Collected first: removing while iterating is undefined.
  for (const auto& entry : fs::recursive_directory_iterator(folder, error)) {
    if (entry.path().filename().string().find(kTemporaryMark) != std::string::npos) {
      stray.push_back(entry.path());
    }
  }
  int removed = 0;
  for (const fs::path& path : stray) {
    std::error_code ignored;
    if (fs::remove(path, ignored)) ++removed;
  }
  return removed;
}

void CountCommittedFile() {
  static int committed = 0;
  static const char* limit = std::getenv("DXCOMPLY_KILL_AFTER_FILES");
  if (limit == nullptr) return;
  if (++committed >= std::atoi(limit)) std::raise(SIGKILL);
}

}  // namespace dxcomply

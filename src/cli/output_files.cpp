#include "cli/output_files.hpp"

#include "base/percent_encoding.hpp"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace dxcomply {
namespace {

namespace fs = std::filesystem;

constexpr const char* kTemporaryMark = ".dxcomply-tmp-";

std::string TemporaryName(const std::string& path) {
  return path + kTemporaryMark + std::to_string(getpid());
}

std::string Reason() { return std::strerror(errno); }

// Flushes a file (or folder) to disk, so that a rename cannot be reordered
// before the data it points to.
void Sync(const std::string& path, bool folder) {
  const int fd = open(path.c_str(), folder ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (fd < 0) throw OutputError("cannot open " + path + " to flush it: " + Reason());
  const int failed = fsync(fd);
  const std::string reason = Reason();
  close(fd);
  if (failed != 0) throw OutputError("cannot flush " + path + " to disk: " + reason);
}

void Rename(const std::string& from, const std::string& to) {
  std::error_code error;
  fs::rename(from, to, error);
  if (error) throw OutputError("cannot move " + from + " to " + to + ": " + error.message());
}

// Writes `path`'s text, through `write`, to its temporary file. The
// temporary is removed if anything fails.
void WriteTemporary(const std::string& path, const std::string& temporary,
                    const std::function<void(std::ostream&)>& write) {
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  if (out) {
    write(out);
    out.flush();
  }
  if (!out) {
    const std::string reason = Reason();
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw OutputError("cannot write " + path + ": " + reason);
  }
}

}  // namespace

void EnsureFolder(const std::string& folder) {
  std::error_code error;
  fs::create_directories(folder, error);
  if (!error && !fs::is_directory(folder, error)) {
    error = std::make_error_code(std::errc::not_a_directory);
  }
  if (error) throw OutputError("cannot create folder " + folder + ": " + error.message());
}

void WriteFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  const std::string temporary = TemporaryName(path);
  WriteTemporary(path, temporary, write);
  Rename(temporary, path);
  CountCommittedFile();
}

void WriteFileAtomically(const std::string& path, const std::string& content) {
  WriteFileAtomically(path, [&](std::ostream& out) { out << content; });
}

void WriteFileDurably(const std::string& path, const std::string& content) {
  const std::string temporary = TemporaryName(path);
  WriteTemporary(path, temporary, [&](std::ostream& out) { out << content; });
  Sync(temporary, false);
  Rename(temporary, path);
  Sync(fs::path(path).parent_path().string(), true);
  CountCommittedFile();
}

void FlushToDisk(const std::string& folder) {
  const int fd = open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) throw OutputError("cannot open folder " + folder + ": " + Reason());
  const int failed = syncfs(fd);
  const std::string reason = Reason();
  close(fd);
  if (failed != 0) throw OutputError("cannot flush " + folder + " to disk: " + reason);
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
  const std::string name = PercentEncoded(id, false);
  return name.empty() ? "%" : name;
}

int RemoveStrayTemporaries(const std::string& folder) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) return 0;
  // Collected first: removing while iterating is undefined. Best effort: a
  // subfolder that cannot be read is skipped, and a write into it would
  // fail with its own message.
  std::vector<fs::path> stray;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it->path().filename().string().find(kTemporaryMark) != std::string::npos) {
      stray.push_back(it->path());
    }
  }
  int removed = 0;
  for (const fs::path& path : stray) {
    std::error_code ignored;
    if (fs::remove(path, ignored)) ++removed;
  }
  return removed;
}

bool IsTemporaryOf(std::string_view name, std::string_view file) {
  const std::string_view mark = kTemporaryMark;
  if (name.size() <= file.size() + mark.size() || name.substr(0, file.size()) != file ||
      name.substr(file.size(), mark.size()) != mark) {
    return false;
  }
  const std::string_view pid = name.substr(file.size() + mark.size());
  return pid.find_first_not_of("0123456789") == std::string_view::npos;
}

void CountCommittedFile() {
  // Atomic: the nightly batch writes its files on two threads.
  static std::atomic<int> committed{0};
  static const char* limit = std::getenv("DXCOMPLY_KILL_AFTER_FILES");
  if (limit == nullptr) return;
  if (++committed >= std::atoi(limit)) std::raise(SIGKILL);
}

}  // namespace dxcomply

#include "cli/output_files.hpp"

#include "base/file_name.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/terminal_text.hpp"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string_view>
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
  if (fd < 0) {
    throw OutputError(Format(Tr("cannot open {0} to flush it: {1}"), {path, Reason()}));
  }
  const int failed = fsync(fd);
  const std::string reason = Reason();
  close(fd);
  if (failed != 0) throw OutputError(Format(Tr("cannot flush {0} to disk: {1}"), {path, reason}));
}

void Rename(const std::string& from, const std::string& to) {
  std::error_code error;
  fs::rename(from, to, error);
  if (error) {
    throw OutputError(Format(Tr("cannot move {0} to {1}: {2}"), {from, to, error.message()}));
  }
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
    throw OutputError(Format(Tr("cannot write {0}: {1}"), {path, reason}));
  }
}

}  // namespace

void EnsureFolder(const std::string& folder) {
  std::error_code error;
  fs::create_directories(folder, error);
  if (!error && !fs::is_directory(folder, error)) {
    error = std::make_error_code(std::errc::not_a_directory);
  }
  if (error) {
    throw OutputError(Format(Tr("cannot create folder {0}: {1}"), {folder, error.message()}));
  }
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
  if (fd < 0) throw OutputError(Format(Tr("cannot open folder {0}: {1}"), {folder, Reason()}));
  const int failed = syncfs(fd);
  const std::string reason = Reason();
  close(fd);
  if (failed != 0) {
    throw OutputError(Format(Tr("cannot flush {0} to disk: {1}"), {folder, reason}));
  }
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

std::string FileNameOf(const std::string& id) { return FileStemOf(id); }

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

namespace {

// The length of the colour sequence (ESC [ digits and semicolons m) at
// text[i], 1 when there is none (the ESC alone is then escaped), -1 when
// text ends before the sequence can.
int ColourSequenceLength(std::string_view text, std::size_t i) {
  constexpr std::size_t kLongest = 16;
  for (std::size_t k = i + 1; k < text.size() && k - i <= kLongest; ++k) {
    const char c = text[k];
    if (k == i + 1) {
      if (c != '[') return 1;
    } else if (c == 'm') {
      return static_cast<int>(k - i + 1);
    } else if (!(c == ';' || (c >= '0' && c <= '9'))) {
      return 1;
    }
  }
  return text.size() - i <= kLongest ? -1 : 1;
}

}  // namespace

CheckedOutput::CheckedOutput(int fd) : fd_(fd) { buffer_.reserve(1 << 16); }

CheckedOutput::~CheckedOutput() { Finish(); }

CheckedOutput::int_type CheckedOutput::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char byte = traits_type::to_char_type(c);
  xsputn(&byte, 1);
  return c;
}

std::streamsize CheckedOutput::xsputn(const char* text, std::streamsize count) {
  if (!terminal_safe_) {
    Append(text, static_cast<std::size_t>(count));
    return count;
  }
  std::string joined;
  std::string_view view(text, static_cast<std::size_t>(count));
  if (!pending_.empty()) {
    joined = pending_ + std::string(view);
    pending_.clear();
    view = joined;
  }
  std::string safe;
  std::size_t start = 0;  // of the bytes copied as they are
  for (std::size_t i = 0; i < view.size();) {
    const int length = colour_ && view[i] == '\033' ? ColourSequenceLength(view, i)
                                                    : terminal_text::UnsafeLength(view, i, true);
    if (length > 1 && view[i] == '\033' && colour_) {  // a colour sequence: as it is
      i += static_cast<std::size_t>(length);
      continue;
    }
    if (length == 0) {
      ++i;
      continue;
    }
    Append(view.data() + start, i - start);
    if (length < 0) {  // wait for the rest of the character
      pending_.assign(view.substr(i));
      return count;
    }
    safe.clear();
    terminal_text::AppendEscape(view, i, length, safe);
    Append(safe.data(), safe.size());
    i += static_cast<std::size_t>(length);
    start = i;
  }
  Append(view.data() + start, view.size() - start);
  return count;
}

int CheckedOutput::sync() { return Drain() ? 0 : -1; }

void CheckedOutput::Append(const char* text, std::size_t count) {
  constexpr std::size_t kBuffered = 1 << 16;
  if (error_ != 0) return;   // the output is lost; nothing more to try
  if (count >= kBuffered) {  // a large block (the JSON writers' own) goes as it is
    Drain();
    WriteAll(text, count);
    return;
  }
  buffer_.insert(buffer_.end(), text, text + count);
  if (buffer_.size() >= kBuffered) Drain();
}

void CheckedOutput::WriteAll(const char* text, std::size_t count) {
  std::size_t written = 0;
  while (error_ == 0 && written < count) {
    const ssize_t n = write(fd_, text + written, count - written);
    if (n > 0) {
      written += static_cast<std::size_t>(n);
    } else if (n < 0 && errno != EINTR) {
      error_ = errno;
    } else if (n == 0) {
      error_ = EIO;
    }
  }
}

bool CheckedOutput::Drain() {
  WriteAll(buffer_.data(), buffer_.size());
  buffer_.clear();
  return error_ == 0;
}

std::string CheckedOutput::Finish() {
  if (!pending_.empty()) {  // a character cut short by the end: no control
    const std::string rest = std::move(pending_);
    pending_.clear();
    if (rest[0] == '\033') {  // nor a colour: its escape shown
      colour_ = false;
      xsputn(rest.data(), static_cast<std::streamsize>(rest.size()));
    } else {
      Append(rest.data(), rest.size());
    }
  }
  Drain();
  return error_ == 0 ? "" : std::strerror(error_);
}

void CountCommittedFile() {
  // Atomic: the nightly batch writes its files on two threads.
  static std::atomic<int> committed{0};
  static const char* limit = std::getenv("DXCOMPLY_KILL_AFTER_FILES");
  if (limit == nullptr) return;
  if (++committed >= std::atoi(limit)) std::raise(SIGKILL);
}

}  // namespace dxcomply

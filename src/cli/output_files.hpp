// Writing output files so that nobody ever sees half of one: each is written
// to a temporary name in its folder, then renamed into place (rename is
// atomic on POSIX). A run killed midway leaves at most stray temporary files,
// which the next run removes.
//
// Against a power cut, flushing every file to disk before its rename would
// cost a disk round trip per file (hundreds per nightly run); instead a
// batch flushes the whole file system once (FlushToDisk) before it writes its
// commit point, the state, with WriteFileDurably.
#pragma once

#include <functional>
#include <ostream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace dxcomply {

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Creates the folder (and its parents) if needed. Throws OutputError.
void EnsureFolder(const std::string& folder);

// Replaces `path` with `content` atomically. Throws OutputError, naming the
// file and the reason.
void WriteFileAtomically(const std::string& path, const std::string& content);
// The same with the text written by `write` as it goes (a large report is
// never held in memory whole).
void WriteFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write);

// The same, and on disk (file and folder flushed) when it returns.
void WriteFileDurably(const std::string& path, const std::string& content);

// Flushes every file written so far on the file system holding `folder`.
void FlushToDisk(const std::string& folder);

// For writers that need a file name of their own (the workbook): write to
// temp_path(), then Commit() renames it into place. Without Commit the
// temporary file is removed.
class PendingFile {
 public:
  explicit PendingFile(std::string path);
  ~PendingFile();
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;

  const std::string& temp_path() const { return temp_path_; }
  void Commit();  // Throws OutputError.

 private:
  std::string path_;
  std::string temp_path_;
  bool committed_ = false;
};

// An agency id as a file name (base/file_name.hpp): percent-encoded, so
// that "../x" or "a/b" stay inside the folder, and shortened with a hash
// when too long for a file name.
std::string FileNameOf(const std::string& id);

// Removes temporary files left in `folder` by a killed run. Returns how many.
int RemoveStrayTemporaries(const std::string& folder);

// Whether `name` is the name of a temporary file of `file` (both names in
// one folder): the nightly batch removes only its own files' temporaries.
bool IsTemporaryOf(std::string_view name, std::string_view file);
// Standard output, as every command writes its result: buffered writes to a
// file descriptor that keep the first failure (a full disk, /dev/full, a
// closed pipe), so that main exits 3 instead of 0 with half a document.
// With `terminal_safe` (the text formats), control characters other than
// the newline are written as visible escapes (base/terminal_text.hpp): a
// guard behind the writers, which escape database text field by field.
// With `colour` as well (the text report on a terminal), a colour sequence
// (ANSI SGR: ESC [ digits and semicolons m) passes as it is: it can change
// only colours, and database text never reaches the guard unescaped.
class CheckedOutput : public std::streambuf {
 public:
  explicit CheckedOutput(int fd);
  ~CheckedOutput() override;
  CheckedOutput(const CheckedOutput&) = delete;
  CheckedOutput& operator=(const CheckedOutput&) = delete;

  void set_terminal_safe(bool terminal_safe) { terminal_safe_ = terminal_safe; }
  void set_colour(bool colour) { colour_ = colour; }

  // Writes what is buffered. Returns why the output failed (the system's
  // reason for its first failed write), or "" when every byte was written.
  std::string Finish();

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* text, std::streamsize count) override;
  int sync() override;

 private:
  void Append(const char* text, std::size_t count);
  void WriteAll(const char* text, std::size_t count);
  bool Drain();

  int fd_;
  std::vector<char> buffer_;
  std::string pending_;  // the start of a character not known to be safe yet
  bool terminal_safe_ = false;
  bool colour_ = false;
  int error_ = 0;  // errno of the first failed write
};

// Test hook for the crash tests: when DXCOMPLY_KILL_AFTER_FILES=N is set, the
// process kills itself (SIGKILL) right after its N-th committed file.
void CountCommittedFile();

}  // namespace dxcomply

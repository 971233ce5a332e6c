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
#include <string>
#include <string_view>

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

// An agency id as a file name: ids come from the database, where nothing
// stops "../x" or "a/b"; bytes other than A-Z a-z 0-9 _ - (and a '.' not in
// first place) are percent-encoded, so each id keeps a name of its own
// inside the folder.
std::string FileNameOf(const std::string& id);

// Removes temporary files left in `folder` by a killed run. Returns how many.
int RemoveStrayTemporaries(const std::string& folder);

// Whether `name` is the name of a temporary file of `file` (both names in
// one folder): the nightly batch removes only its own files' temporaries.
bool IsTemporaryOf(std::string_view name, std::string_view file);

// Test hook for the crash tests: when DXCOMPLY_KILL_AFTER_FILES=N is set, the
// process kills itself (SIGKILL) right after its N-th committed file.
void CountCommittedFile();

}  // namespace dxcomply

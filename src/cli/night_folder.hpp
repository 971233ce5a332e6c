// The nightly batch's output folder OUT and its dated folders OUT/<night>/:
// what the batch may write there, and what it may remove.
//
// A batch removes only what it wrote itself. Each night's folder keeps a
// manifest (OUT/<night>/.dxcomply-manifest) of the files dxcomply wrote
// there; a file the manifest does not name (someone's notes, another
// program's output) is never removed, however long it stays. Files are
// removed through folder descriptors opened without following symbolic
// links, so a link put in place of a folder or a file never leads a removal
// outside OUT: a night folder (or its calendars/ or reminders/) that is a
// symbolic link is refused before anything is written into it.
//
// OUT is locked for the whole run (OUT/.dxcomply-nightly.lock): two batches
// with different states but one OUT would otherwise remove each other's
// files and write the same night's folder at once.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace dxcomply {

// Another batch holds the lock: not a writing failure (exit 2).
class FolderBusy : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr const char* kOutputLockName = ".dxcomply-nightly.lock";
inline constexpr const char* kManifestName = ".dxcomply-manifest";

// An exclusive lock on `lock_file` (created if needed) while the object
// lives. Throws FolderBusy when another process holds it ("another nightly
// run holds <file>; <why not twice>"), OutputError when it cannot be opened.
class FolderLock {
 public:
  FolderLock(const std::string& lock_file, const std::string& why_not_twice);
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int fd_ = -1;
};

class NightFolder {
 public:
  // Creates OUT/<night> and its calendars/ and reminders/ if needed and
  // opens them without following links. Throws OutputError when one of
  // them is a symbolic link or not a folder.
  NightFolder(const std::string& out, const std::string& night);
  ~NightFolder();
  NightFolder(const NightFolder&) = delete;
  NightFolder& operator=(const NightFolder&) = delete;

  const std::string& path() const { return path_; }

  // Before anything is written: records on disk the files this run may
  // write (paths relative to the folder), with those earlier runs of the
  // night recorded, so that a run killed midway leaves no file of its own
  // unrecorded.
  void Plan(const std::vector<std::string>& files);

  // After writing: removes what earlier runs of the night wrote and this
  // one did not (a letter to an agency now in order), and the temporary
  // files of every recorded file (a killed run's), then records `files`
  // as the night's. Only regular files are removed. Throws OutputError.
  void Commit(const std::vector<std::string>& files);

 private:
  std::string path_;
  int fd_ = -1;
  std::map<std::string, int> subfolders_;  // name -> descriptor
  std::vector<std::string> recorded_;      // by the manifest
};

// `--keep N`: removes OUT's dated folders (named YYYY-MM-DD) older than
// `night` but the newest keep - 1 of them, so that N nights stay with
// tonight's. Each goes at once: it is renamed to OUT/.dxcomply-pruning-<date>
// and emptied there of what its manifest names; a removal a killed run left
// unfinished is finished first. A folder holding anything dxcomply did not
// write (or written before manifests existed) is kept, with a warning.
// Returns the warnings; throws OutputError when OUT cannot be read.
std::vector<std::string> PruneNights(const std::string& out, const std::string& night, int keep);

}  // namespace dxcomply

#include "cli/night_folder.hpp"

#include "dxcomply/date.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "cli/output_files.hpp"
#include "cli/prepared_run.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <set>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace dxcomply {
namespace {

constexpr const char* kManifestHeader = "dxcomply-manifest 1";
constexpr const char* kPruningPrefix = ".dxcomply-pruning-";
const std::vector<std::string> kSubfolders = {"calendars", "dashboard", "reminders"};

std::string Reason(int error) { return std::strerror(error); }

class Descriptor {
 public:
  explicit Descriptor(int fd = -1) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) close(fd_);
  }
  Descriptor(Descriptor&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

enum class Kind { kMissing, kFile, kFolder, kOther };

Kind KindAt(int folder, const std::string& name) {
  struct stat st;
  if (fstatat(folder, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return Kind::kMissing;
  if (S_ISREG(st.st_mode)) return Kind::kFile;
  if (S_ISDIR(st.st_mode)) return Kind::kFolder;
  return Kind::kOther;  // a symbolic link, a FIFO, a device...
}

// Opens the folder `name` in `at` without following a link; with `create`,
// makes it first if it is missing. Throws OutputError naming `shown`.
int OpenFolderAt(int at, const std::string& name, bool create, const std::string& shown) {
  if (create && mkdirat(at, name.c_str(), 0755) != 0 && errno != EEXIST) {
    throw OutputError(Format(Tr("cannot create folder {0}: {1}"), {shown, Reason(errno)}));
  }
  const int fd = openat(at, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) return fd;
  const int error = errno;
  struct stat st;
  if (fstatat(at, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
    throw OutputError(Format(Tr("{0} is a symbolic link; the nightly batch writes and removes "
                                "files only in folders of its own under its --out, and does not "
                                "follow links"),
                             {shown}));
  }
  throw OutputError(Format(Tr("cannot open folder {0}: {1}"), {shown, Reason(error)}));
}

struct Entry {
  std::string name;
  Kind kind;
};

// OUT itself, wherever a link may lead: where the batch writes is the
// operator's choice, what is inside it the batch's own.
int OpenOutput(const std::string& out) {
  const int fd = open(out.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw OutputError(Format(Tr("cannot open folder {0}: {1}"), {out, Reason(errno)}));
  return fd;
}

std::vector<Entry> ListFolder(int folder, const std::string& shown) {
  const int copy = dup(folder);
  DIR* dir = copy < 0 ? nullptr : fdopendir(copy);
  if (dir == nullptr) {
    const int error = errno;
    if (copy >= 0) close(copy);
    throw OutputError(Format(Tr("cannot read folder {0}: {1}"), {shown, Reason(error)}));
  }
  rewinddir(dir);
  std::vector<Entry> entries;
  while (const dirent* entry = readdir(dir)) {
    const std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    entries.push_back({name, KindAt(folder, name)});
  }
  closedir(dir);
  return entries;
}

// Removes `name` in `folder` if it is a regular file.
void RemoveFileAt(int folder, const std::string& name, const std::string& shown) {
  if (KindAt(folder, name) != Kind::kFile) return;
  if (unlinkat(folder, name.c_str(), 0) != 0 && errno != ENOENT) {
    throw OutputError(Format(Tr("cannot remove {0}: {1}"), {shown, Reason(errno)}));
  }
}

// A manifest entry names a file in the night's folder or in one of its
// subfolders, nothing else: "findings.json.gz", "reminders/NGHE-AN.md".
bool ValidEntry(const std::string& entry) {
  const std::size_t slash = entry.find('/');
  const std::string leaf = slash == std::string::npos ? entry : entry.substr(slash + 1);
  if (leaf.empty() || leaf == "." || leaf == ".." || leaf == kManifestName ||
      leaf.find('/') != std::string::npos || leaf.find('\0') != std::string::npos) {
    return false;
  }
  return slash == std::string::npos || std::find(kSubfolders.begin(), kSubfolders.end(),
                                                 entry.substr(0, slash)) != kSubfolders.end();
}

// What the manifest in `folder` names; nothing when there is none, or when
// what is there is not a manifest dxcomply wrote.
std::vector<std::string> ReadManifest(int folder) {
  Descriptor fd(openat(folder, kManifestName, O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  struct stat st;
  if (fd.get() < 0 || fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) return {};
  std::string text;
  char buffer[1 << 16];
  ssize_t got = 0;
  while ((got = read(fd.get(), buffer, sizeof buffer)) > 0) {
    text.append(buffer, static_cast<std::size_t>(got));
  }
  std::vector<std::string> entries;
  std::size_t at = 0;
  bool header = true;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(at, end - at);
    at = end + 1;
    if (header) {
      if (line != kManifestHeader) return {};
      header = false;
    } else if (ValidEntry(line)) {
      entries.push_back(line);
    }
  }
  return entries;
}

std::string ManifestText(const std::vector<std::string>& entries) {
  std::string text = std::string(kManifestHeader) + "\n";
  for (const std::string& entry : entries) text += entry + "\n";
  return text;
}

std::vector<std::string> Sorted(std::vector<std::string> entries) {
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  return entries;
}

// The entries of one folder of a night ("" for the night's own) by name.
std::set<std::string> NamesIn(const std::vector<std::string>& entries, const std::string& sub) {
  std::set<std::string> names;
  for (const std::string& entry : entries) {
    const std::size_t slash = entry.find('/');
    if (sub.empty() ? slash == std::string::npos
                    : slash != std::string::npos && entry.compare(0, slash, sub) == 0) {
      names.insert(slash == std::string::npos ? entry : entry.substr(slash + 1));
    }
  }
  return names;
}

// (The mark of cli/output_files.cpp's temporaries finds the candidate;
// IsTemporaryOf says whether it is one.)
bool IsTemporaryOfAny(const std::string& name, const std::set<std::string>& files) {
  const std::size_t mark = name.rfind(".dxcomply-tmp-");
  return mark != std::string::npos && files.count(name.substr(0, mark)) != 0 &&
         IsTemporaryOf(name, name.substr(0, mark));
}

// Removes, in `folder` (shown as `shown`), the temporaries of `files` and
// (with `stale`) those of `files` that `keep` does not hold.
void SweepFolder(int folder, const std::string& shown, const std::set<std::string>& files,
                 const std::set<std::string>& keep, bool stale) {
  for (const Entry& entry : ListFolder(folder, shown)) {
    if (entry.kind != Kind::kFile) continue;
    const bool ours_stale = stale && files.count(entry.name) != 0 && keep.count(entry.name) == 0;
    if (ours_stale || IsTemporaryOfAny(entry.name, files)) {
      RemoveFileAt(folder, entry.name, shown + "/" + entry.name);
    }
  }
}

// Whether everything in the night folder `folder` is dxcomply's: its
// manifest, what the manifest names, their temporaries, the subfolders.
// Returns the first thing that is not, or "".
std::string ForeignEntry(int folder, const std::string& shown) {
  std::vector<std::string> entries = ReadManifest(folder);
  std::set<std::string> top = NamesIn(entries, "");
  top.insert(kManifestName);
  for (const Entry& entry : ListFolder(folder, shown)) {
    const bool subfolder =
        entry.kind == Kind::kFolder &&
        std::find(kSubfolders.begin(), kSubfolders.end(), entry.name) != kSubfolders.end();
    if (subfolder) {
      const Descriptor sub(OpenFolderAt(folder, entry.name, false, shown + "/" + entry.name));
      const std::set<std::string> names = NamesIn(entries, entry.name);
      for (const Entry& inner : ListFolder(sub.get(), shown + "/" + entry.name)) {
        if (inner.kind != Kind::kFile ||
            (names.count(inner.name) == 0 && !IsTemporaryOfAny(inner.name, names))) {
          return entry.name + "/" + inner.name;
        }
      }
    } else if (entry.kind != Kind::kFile ||
               (top.count(entry.name) == 0 && !IsTemporaryOfAny(entry.name, top))) {
      return entry.name;
    }
  }
  return "";
}

// Empties the night folder `name` in `out` of what dxcomply wrote and
// removes it. Returns "" or why it stays.
std::string RemoveNightFolder(int out, const std::string& name, const std::string& shown) {
  const Descriptor folder(OpenFolderAt(out, name, false, shown));
  const std::vector<std::string> entries = ReadManifest(folder.get());
  std::set<std::string> top = NamesIn(entries, "");
  top.insert(kManifestName);
  for (const std::string& sub : kSubfolders) {
    if (KindAt(folder.get(), sub) != Kind::kFolder) continue;
    const Descriptor inner(OpenFolderAt(folder.get(), sub, false, shown + "/" + sub));
    const std::set<std::string> names = NamesIn(entries, sub);
    SweepFolder(inner.get(), shown + "/" + sub, names, {}, true);
    unlinkat(folder.get(), sub.c_str(), AT_REMOVEDIR);  // stays if not empty
  }
  std::set<std::string> files = top;
  files.erase(kManifestName);
  SweepFolder(folder.get(), shown, files, {}, true);
  // The manifest last: until then a killed run's leftovers are known.
  SweepFolder(folder.get(), shown, {kManifestName}, {}, true);
  if (unlinkat(out, name.c_str(), AT_REMOVEDIR) != 0) {
    if (errno == ENOTEMPTY || errno == EEXIST) {
      return Format(Tr("kept {0}: it holds files dxcomply did not write; remove them yourself"),
                    {shown});
    }
    return Format(Tr("kept {0}: {1}"), {shown, Reason(errno)});
  }
  return "";
}

bool IsNightName(const std::string& name) {
  return name.size() == 10 && ParseIsoDate(name).has_value();
}

}  // namespace

FolderLock::FolderLock(const std::string& lock_file, const std::string& why_not_twice) {
  fd_ = open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd_ < 0) throw OutputError(Format(Tr("cannot open {0}: {1}"), {lock_file, Reason(errno)}));
  if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    close(fd_);
    throw FolderBusy(Format(Tr("another nightly run holds {0}; {1}"), {lock_file, why_not_twice}));
  }
}

FolderLock::~FolderLock() { close(fd_); }

NightFolder::NightFolder(const std::string& out, const std::string& night)
    : path_(out + "/" + night) {
  const Descriptor top(OpenOutput(out));
  fd_ = OpenFolderAt(top.get(), night, true, path_);
  try {
    for (const std::string& sub : kSubfolders) {
      subfolders_[sub] = OpenFolderAt(fd_, sub, true, path_ + "/" + sub);
    }
  } catch (...) {
    for (const auto& [name, fd] : subfolders_) close(fd);
    close(fd_);
    throw;
  }
  recorded_ = ReadManifest(fd_);
}

NightFolder::~NightFolder() {
  for (const auto& [name, fd] : subfolders_) close(fd);
  close(fd_);
}

void NightFolder::Plan(const std::vector<std::string>& files) {
  std::vector<std::string> all = recorded_;
  all.insert(all.end(), files.begin(), files.end());
  recorded_ = Sorted(std::move(all));
  WriteFileDurably(path_ + "/" + kManifestName, ManifestText(recorded_));
}

void NightFolder::Commit(const std::vector<std::string>& files) {
  const std::vector<std::string> written = Sorted(files);
  for (const auto& [sub, fd] : subfolders_) {
    SweepFolder(fd, path_ + "/" + sub, NamesIn(recorded_, sub), NamesIn(written, sub), true);
  }
  std::set<std::string> top = NamesIn(recorded_, "");
  SweepFolder(fd_, path_, top, NamesIn(written, ""), true);
  SweepFolder(fd_, path_, {kManifestName}, {kManifestName}, false);
  WriteFileAtomically(path_ + "/" + kManifestName, ManifestText(written));
  recorded_ = written;
}

std::vector<std::string> PruneNights(const std::string& out, const std::string& night, int keep) {
  std::vector<std::string> warnings;
  const Descriptor top(OpenOutput(out));
  std::vector<std::string> nights;
  for (const Entry& entry : ListFolder(top.get(), out)) {
    if (entry.kind != Kind::kFolder) continue;
    if (entry.name.rfind(kPruningPrefix, 0) == 0) {  // a killed run's, unfinished
      const std::string why = RemoveNightFolder(top.get(), entry.name, out + "/" + entry.name);
      if (!why.empty()) warnings.push_back(why);
    } else if (IsNightName(entry.name) && entry.name < night) {
      nights.push_back(entry.name);
    }
  }
  std::sort(nights.begin(), nights.end());
  const std::size_t kept_before = static_cast<std::size_t>(std::max(keep - 1, 0));
  if (nights.size() <= kept_before) return warnings;
  nights.resize(nights.size() - kept_before);  // the oldest: to be removed
  for (const std::string& name : nights) {
    const std::string shown = out + "/" + name;
    std::string foreign;
    {
      const Descriptor folder(OpenFolderAt(top.get(), name, false, shown));
      foreign = ForeignEntry(folder.get(), shown);
    }
    if (!foreign.empty()) {
      warnings.push_back(Format(
          Tr("kept {0} (older than the last {1}): it holds {2}, which dxcomply did not "
             "write; remove the folder yourself"),
          {shown, Counted(static_cast<std::size_t>(keep), TrN("{0} night", "{0} nights", keep)),
           foreign}));
      continue;
    }
    const std::string trash = kPruningPrefix + name;
    if (renameat(top.get(), name.c_str(), top.get(), trash.c_str()) != 0) {
      throw OutputError(
          Format(Tr("cannot move {0} away to remove it: {1}"), {shown, Reason(errno)}));
    }
    CountCommittedFile();  // a crash point for the tests, as a committed file is
    const std::string why = RemoveNightFolder(top.get(), trash, out + "/" + trash);
    if (!why.empty()) warnings.push_back(why);
  }
  return warnings;
}

}  // namespace dxcomply

#include "store/database_file.hpp"

#include "base/messages.hpp"
#include "base/percent_encoding.hpp"
#include "base/phrase.hpp"
#include "store/record_store.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace dxcomply {
namespace {

// SQLite's lock bytes in the database file (os_unix.c): a reader holds a
// read lock in the shared range; a connection folding the WAL into the
// file, or removing the WAL, holds write locks on all of them.
constexpr off_t kPendingByte = 0x40000000;
constexpr off_t kSharedFirst = kPendingByte + 2;
constexpr off_t kSharedSize = 510;

bool Exists(const std::string& path) { return access(path.c_str(), F_OK) == 0; }

std::string KindOfFile(mode_t mode) {
  if (S_ISFIFO(mode)) return Tr("a FIFO");
  if (S_ISCHR(mode) || S_ISBLK(mode)) return Tr("a device");
  if (S_ISSOCK(mode)) return Tr("a socket");
  return Tr("not a plain file");
}

std::string FolderOf(const std::string& path) {
  const std::string folder = std::filesystem::path(path).parent_path().string();
  return folder.empty() ? "." : folder;
}

bool SetLock(int fd, short type, off_t start, off_t length) {
  struct flock lock {};
  lock.l_type = type;
  lock.l_whence = SEEK_SET;
  lock.l_start = start;
  lock.l_len = length;
  return fcntl(fd, F_SETLK, &lock) == 0;
}

// What ReleaseDatabaseFile does when the last connection has gone: the
// companions this process created are removed under the write lock SQLite
// takes to remove them itself, so no other connection has them open, and
// only while the WAL is empty (a producer that committed meanwhile keeps
// its WAL). The lock needs the file open for writing; nothing is written.
void RemoveEmptyCompanions(const std::string& path) {
  const int fd = open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return;  // Not ours to lock: they stay, as SQLite leaves them.
  if (SetLock(fd, F_WRLCK, kPendingByte, 2 + kSharedSize)) {
    const std::string wal = path + "-wal";
    struct stat wal_stat {};
    const bool empty = stat(wal.c_str(), &wal_stat) == 0 ? wal_stat.st_size == 0 : errno == ENOENT;
    if (empty) {
      unlink(wal.c_str());
      unlink((path + "-shm").c_str());
    }
  }
  close(fd);  // Releases the lock.
}

struct OpenFile {
  int connections = 0;
  bool created_companions = false;
  std::string path;
  int fd = -1;  // kept open while connections > 0
};

std::mutex& RegistryMutex() {
  static std::mutex mutex;
  return mutex;
}

std::map<std::pair<dev_t, ino_t>, OpenFile>& Registry() {
  static auto* registry = new std::map<std::pair<dev_t, ino_t>, OpenFile>();
  return *registry;
}

}  // namespace

DatabaseFile InspectDatabaseFile(const std::string& path) {
  DatabaseFile file;
  file.path = path;
  struct stat status {};
  if (stat(path.c_str(), &status) != 0) {
    if (errno == ENOENT) throw StoreError(path + ": " + Tr("database not found"), SQLITE_CANTOPEN);
    throw StoreError(path + ": " + Format(Tr("cannot open: {0}"), {std::strerror(errno)}),
                     SQLITE_CANTOPEN);
  }
  if (S_ISDIR(status.st_mode)) {
    throw StoreError(path + ": " + Tr("is a folder, not a database file"), SQLITE_CANTOPEN);
  }
  if (!S_ISREG(status.st_mode)) {
    throw StoreError(path + ": " +
                         Format(Tr("is {0}, not a regular file; give the database file itself"),
                                {KindOfFile(status.st_mode)}),
                     SQLITE_CANTOPEN);
  }
  unsigned char header[100] = {};
  ssize_t read_bytes = 0;
  {
    const std::lock_guard<std::mutex> hold(RegistryMutex());
    const auto open_here = Registry().find({status.st_dev, status.st_ino});
    if (open_here != Registry().end() && open_here->second.fd >= 0) {
      // Open in this process: read through its descriptor (see the header).
      read_bytes = pread(open_here->second.fd, header, sizeof header, 0);
    } else {
      // O_NONBLOCK: should the file have become a FIFO since, open returns.
      const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0) {
        throw StoreError(path + ": " + Format(Tr("cannot open: {0}"), {std::strerror(errno)}),
                         SQLITE_CANTOPEN);
      }
      read_bytes = read(fd, header, sizeof header);
      const bool regular = fstat(fd, &status) == 0 && S_ISREG(status.st_mode);
      close(fd);
      if (!regular) {
        throw StoreError(
            path + ": " + Format(Tr("is {0}, not a regular file"), {KindOfFile(status.st_mode)}),
            SQLITE_CANTOPEN);
      }
    }
  }
  // Bytes 18 and 19, the file format's write and read versions: 2 for WAL.
  file.wal = read_bytes >= 20 && std::memcmp(header, "SQLite format 3", 16) == 0 &&
             header[18] == 2 && header[19] == 2;
  file.wal_exists = Exists(path + "-wal");
  file.shm_exists = Exists(path + "-shm");
  file.journal_exists = Exists(path + "-journal");
  file.folder_writable = access(FolderOf(path).c_str(), W_OK) == 0;
  file.device = status.st_dev;
  file.inode = status.st_ino;
  file.size = status.st_size;
  file.modified = status.st_mtim;
  return file;
}

bool OpensImmutable(const DatabaseFile& file) {
  return file.wal && !file.wal_exists && !file.folder_writable;
}

std::string ImmutableUri(const std::string& path) {
  // Percent-encoded, so that '?' or '#' in a file name stay in the name.
  std::string uri = "file:";
  for (const char c : path) uri += c == '/' ? std::string(1, c) : PercentEncoded({&c, 1}, true);
  return uri + "?immutable=1";
}

std::string OpenFailureMessage(const DatabaseFile& file, int code,
                               const std::string& sqlite_message) {
  const std::string& path = file.path;
  const int primary = code & 0xFF;
  if (code == SQLITE_READONLY_ROLLBACK) {
    return path + ": " +
           Format(Tr("a program writing to this database stopped in the middle of a transaction "
                     "(it crashed or was killed) and left {0}-journal, a hot journal. The "
                     "unfinished transaction must be rolled back before anyone can read the "
                     "database, and dxcomply never writes to the database it checks. Let the "
                     "program that writes it open it again, or have its owner run: sqlite3 {0} "
                     "\"PRAGMA integrity_check\"; either rolls the transaction back. Do not "
                     "delete {0}-journal: the database would be left half-written."),
                  {path});
  }
  if (primary == SQLITE_NOTADB) {
    return path + ": " + Format(Tr("not a SQLite database ({0})"), {sqlite_message});
  }
  if (primary == SQLITE_BUSY) {
    return path + ": " +
           Format(Tr("locked by another program for longer than dxcomply waits ({0}); try again "
                     "when it has finished writing"),
                  {sqlite_message});
  }
  if (file.wal && (primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY)) {
    return path + ": " +
           Format(file.shm_exists
                      ? Tr("a WAL database with changes not yet in the file ({0}-wal); reading "
                           "them needs {0}-shm, which dxcomply cannot read ({1}). Let the "
                           "program that writes it close the database, which moves the changes "
                           "into the file, or copy the database to a folder dxcomply can write")
                      : Tr("a WAL database with changes not yet in the file ({0}-wal); reading "
                           "them needs {0}-shm, which dxcomply cannot create in {2} ({1}). Let "
                           "the program that writes it close the database, which moves the "
                           "changes into the file, or copy the database to a folder dxcomply "
                           "can write"),
                  {path, sqlite_message, FolderOf(path)});
  }
  return path + ": " + Format(Tr("cannot read ({0})"), {sqlite_message});
}

bool ChangedSinceOpen(const DatabaseFile& file) {
  struct stat status {};
  if (stat(file.path.c_str(), &status) != 0) return true;
  return status.st_dev != file.device || status.st_ino != file.inode ||
         status.st_size != file.size || status.st_mtim.tv_sec != file.modified.tv_sec ||
         status.st_mtim.tv_nsec != file.modified.tv_nsec;
}

void AcquireDatabaseFile(const DatabaseFile& file, bool created_companions) {
  const std::lock_guard<std::mutex> hold(RegistryMutex());
  OpenFile& open_file = Registry()[{file.device, file.inode}];
  ++open_file.connections;
  open_file.created_companions |= created_companions;
  open_file.path = file.path;
  if (open_file.fd < 0) open_file.fd = open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
}

void HoldSharedReadLock(const DatabaseFile& file) {
  const std::lock_guard<std::mutex> hold(RegistryMutex());
  const auto found = Registry().find({file.device, file.inode});
  if (found != Registry().end() && found->second.fd >= 0) {
    SetLock(found->second.fd, F_RDLCK, kSharedFirst, kSharedSize);
  }
}

void ReleaseDatabaseFile(const DatabaseFile& file) {
  const std::lock_guard<std::mutex> hold(RegistryMutex());
  const auto found = Registry().find({file.device, file.inode});
  if (found == Registry().end() || --found->second.connections > 0) return;
  // No connection of this process is left: closing may drop locks now.
  if (found->second.fd >= 0) close(found->second.fd);
  if (found->second.created_companions) RemoveEmptyCompanions(found->second.path);
  Registry().erase(found);
}

}  // namespace dxcomply

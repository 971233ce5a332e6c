// The records database as a file, before and after SQLite opens it: what it
// is (a regular file, SQLite, WAL or rollback journal), which companion
// files lie beside it (-wal, -shm, -journal), how to open it read-only, and
// what to tell the user when that fails.
//
// How a WAL database is read without writing anything:
//
// * With the producer's companions present (<db>-wal exists: it is running,
//   or stopped without folding its WAL into the file), SQLite opens it
//   read-only and coordinates with the producer through <db>-shm, which it
//   may only read (SQLite's read-only WAL support, 3.22 and later): every
//   committed transaction is read, in one snapshot.
// * Without <db>-wal, everything committed is in the database file itself.
//   In a folder dxcomply can write, SQLite creates -wal and -shm to read it,
//   and a read-only connection cannot remove them: ReleaseDatabaseFile does,
//   once the last connection has closed, under the same lock with which
//   SQLite removes them (no other connection open), and only if the -wal is
//   still empty. In a folder dxcomply cannot write, it cannot create them:
//   the file is opened `immutable` (no companions, no locks). A shared lock
//   held meanwhile keeps a producer that starts and stops during the run
//   from folding its WAL into the file, and a file that changed anyway
//   (a WAL grown past its checkpoint size) is refused at the end of the
//   read (ChangedSinceOpen), never read half old and half new.
#pragma once

#include <ctime>
#include <string>
#include <sys/types.h>

namespace dxcomply {

struct DatabaseFile {
  std::string path;
  bool wal = false;             // the header says WAL mode
  bool wal_exists = false;      // <path>-wal
  bool shm_exists = false;      // <path>-shm
  bool journal_exists = false;  // <path>-journal (rollback mode)
  bool folder_writable = false;
  // Identity and last change, to see whether an immutable file changed.
  dev_t device = 0;
  ino_t inode = 0;
  off_t size = 0;
  timespec modified{};
};

// Looks at `path` without blocking: throws StoreError (SQLITE_CANTOPEN)
// when it is missing, a folder, or not a regular file (a FIFO, a device, a
// socket: SQLite would wait on a FIFO forever).
//
// POSIX drops every lock a process holds on a file when it closes any of
// its descriptors of that file: had this opened and closed the database
// while another connection of the process held its read lock (the snapshot
// twin), a writer could have committed under that snapshot. So a file
// already open here is read through the descriptor the registry below
// keeps open, and closed only when the last connection has gone.
DatabaseFile InspectDatabaseFile(const std::string& path);

// Whether to open the file `immutable` (see above).
bool OpensImmutable(const DatabaseFile& file);

// The URI that opens `path` immutable and read-only.
std::string ImmutableUri(const std::string& path);

// What to tell the user when SQLite cannot read the file: names the file,
// says what happened and what to do. `code` is SQLite's extended code.
std::string OpenFailureMessage(const DatabaseFile& file, int code,
                               const std::string& sqlite_message);

// Whether the file is no longer the one inspected (replaced, or written).
bool ChangedSinceOpen(const DatabaseFile& file);

// Connections of this process to a database file, counted, with one
// descriptor of the file kept open meanwhile, so that the companions are
// removed, and the descriptor closed, only when the last one has closed.
// Call AcquireDatabaseFile after opening (`created_companions`: neither
// -wal nor -shm existed before this connection read a WAL database), and
// ReleaseDatabaseFile after closing.
void AcquireDatabaseFile(const DatabaseFile& file, bool created_companions);
void ReleaseDatabaseFile(const DatabaseFile& file);

// Holds off a producer's closing checkpoint while an immutable connection
// reads: a read lock, as SQLite's readers hold, on the kept descriptor,
// until the last connection has gone. Best effort.
void HoldSharedReadLock(const DatabaseFile& file);

}  // namespace dxcomply

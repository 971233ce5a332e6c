// Read-only access to a records database. The only place sqlite3 is used.
//
// RecordStore opens the file read-only (the engine never writes to the
// database it checks), waits on a busy writer instead of failing, and reads
// everything inside one read transaction so every figure of a run comes from
// the same snapshot, even while another process writes (WAL mode). A WAL
// database is read from a folder dxcomply cannot write too, and reading
// leaves no -wal or -shm behind (store/database_file.hpp says how).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;
struct sqlite3_value;

namespace dxcomply {

struct DatabaseFile;

// A database that cannot be opened or read. `what()` names the file and
// says what is wrong; the CLI prints it and exits with 2.
class StoreError : public std::runtime_error {
 public:
  StoreError(const std::string& message, int sqlite_code)
      : std::runtime_error(message), sqlite_code_(sqlite_code) {}
  int sqlite_code() const { return sqlite_code_; }

 private:
  int sqlite_code_;
};

// The SQL type of a value in a result row.
// SQLite's own type codes (SQLITE_INTEGER .. SQLITE_NULL; checked in
// record_store.cpp), so that a scan takes a value's type as SQLite gives it.
enum class SqlType { kInteger = 1, kReal = 2, kText = 3, kBlob = 4, kNull = 5 };

// The values of one row: a result row of a Statement, or the arguments
// SQLite hands the visiting aggregate (RecordStore::Visit). Read like a
// result row; valid while that row is current.
class RowValues {
 public:
  // `types`: each value's type as SQLite first gave it, read once per row
  // (the scans ask it of every value, some more than once). `utf8`: the
  // database's text is UTF-8, so Text can read it where it lies.
  RowValues(sqlite3_value* const* values, const SqlType* types, int count, bool utf8)
      : values_(values), types_(types), count_(count), utf8_(utf8) {}

  int size() const { return count_; }
  SqlType Type(int column) const { return types_[column]; }
  bool IsNull(int column) const { return Type(column) == SqlType::kNull; }
  std::int64_t Int64(int column) const;
  double Double(int column) const;
  // Empty for NULL.
  std::string_view Text(int column) const;
  std::string String(int column) const { return std::string(Text(column)); }

 private:
  sqlite3_value* const* values_;
  const SqlType* types_;
  int count_;
  bool utf8_;
};

// A prepared statement. Bind parameters are 1-based, result columns 0-based
// (as in sqlite3). Not copyable; finalizes on destruction.
class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;

  void Bind(int index, std::int64_t value);
  void Bind(int index, double value);
  void Bind(int index, std::string_view value);
  void BindNull(int index);

  // Advances to the next row; false when done. Throws StoreError on failure.
  bool Step();
  void Reset();

  int ColumnCount() const;
  SqlType Type(int column) const;
  bool IsNull(int column) const { return Type(column) == SqlType::kNull; }
  std::int64_t Int64(int column) const;
  double Double(int column) const;
  // Valid until the next Step/Reset. Empty for NULL.
  std::string_view Text(int column) const;
  std::string String(int column) const { return std::string(Text(column)); }

  const std::string& sql() const { return sql_; }

  // The current result row's values, as RowValues. Valid until the next
  // Step/Reset.
  RowValues Row();

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
  std::string sql_;
  std::vector<sqlite3_value*> row_;
  std::vector<SqlType> row_types_;
};

// The SQL aggregate through which a scan reads its rows, see Visit.
inline constexpr const char* kVisitFunction = "dxcomply_visit";

class RecordStore {
 public:
  // Opens `path` read-only and checks it is a SQLite database. Throws
  // StoreError when the file is missing, not a regular file, unreadable,
  // not SQLite, left half-written by a crashed writer (a hot journal), or
  // locked by a writer for longer than the wait (30 s;
  // DXCOMPLY_BUSY_TIMEOUT_MS in the environment sets another, for tests).
  static RecordStore Open(const std::string& path);

  RecordStore(RecordStore&& other) noexcept;
  RecordStore& operator=(RecordStore&& other) noexcept;
  ~RecordStore();

  Statement Prepare(const std::string& sql);

  // The real schema, from sqlite_master and PRAGMA table_info.
  bool HasTable(const std::string& table);
  std::vector<std::string> Columns(const std::string& table);
  bool HasColumn(const std::string& table, const std::string& column);

  // Starts the run's read transaction and pins its snapshot; EndSnapshot
  // releases it (and throws StoreError when a database read `immutable`
  // changed meanwhile: what was read may mix two states). Nested calls are
  // an error.
  void BeginSnapshot();
  void EndSnapshot();

  // A second connection reading exactly this one's snapshot, for a scan on
  // another thread; nullopt when that cannot be guaranteed. Needs an open
  // snapshot (BeginSnapshot) and a rollback-journal database: there no
  // commit can land while this connection holds its shared lock, so the
  // twin's snapshot is the same one. In WAL mode a second connection could
  // see a later commit (pinning it needs sqlite3_snapshot_open, which
  // Debian's SQLite lacks). The twin's snapshot is open; EndSnapshot it.
  std::optional<RecordStore> OpenSnapshotTwin();

  // The lowest and highest id of `table` when `id_column` is its INTEGER
  // PRIMARY KEY (so a range of ids is read without a scan and every row
  // has an integer id); nullopt otherwise or when the table is empty.
  std::optional<std::pair<std::int64_t, std::int64_t>> RowidSpan(const std::string& table,
                                                                 const std::string& id_column);

  // Runs `statement`, a query that aggregates its rows with kVisitFunction
  // ("SELECT dxcomply_visit(a, b, ...) FROM t WHERE ..."), and calls `visit`
  // with each row's arguments as SQLite feeds them to the aggregate. Rows
  // are read inside SQLite, as by a bare aggregate: about a third cheaper
  // than stepping through result rows and reading each column through the
  // API. An exception from `visit` stops the query and is rethrown here.
  void Visit(Statement& statement, const std::function<void(const RowValues&)>& visit);
  // How many arguments an SQL function may take on this connection (so
  // how many values Visit can hand over per row); `set` >= 0 lowers it.
  int FunctionArgumentLimit(int set = -1);

  const std::string& path() const { return path_; }

  struct VisitSlot;  // the visitor of the query running, for the aggregate

 private:
  RecordStore(sqlite3* db, std::string path);
  static RecordStore Open(const std::string& path, int busy_timeout_ms);
  void Close();

  sqlite3* db_ = nullptr;
  std::unique_ptr<VisitSlot> visit_slot_;  // stays put when the store moves
  std::string path_;
  bool in_snapshot_ = false;
  std::unique_ptr<DatabaseFile> file_;  // as inspected before opening
  bool immutable_ = false;              // opened without companions or locks
};

// Quotes an identifier for SQL ("name" with inner quotes doubled). Identifiers
// are checked against the real schema before use; quoting is a second guard.
std::string QuoteIdentifier(std::string_view name);

}  // namespace dxcomply

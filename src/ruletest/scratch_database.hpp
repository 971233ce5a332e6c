// A writable SQLite connection, for building test fixtures only. The engine
// reads records through RecordStore, which opens read-only; the fixtures a
// rule test evaluates are written here first, into a file of their own.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace dxcomply {

// SQLite refused the schema or a row; what() carries SQLite's message.
class FixtureError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ScratchDatabase {
 public:
  // Creates `path` (which must not exist), or ":memory:". Throws FixtureError.
  explicit ScratchDatabase(const std::string& path);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  // Runs SQL statements; throws FixtureError with SQLite's message.
  void Execute(const std::string& sql);

  // Inserts one row. Returns "" when inserted, else SQLite's message.
  // Values are bound as text (nullptr: NULL) and take their column's
  // affinity, as a producer's "3" or "0.25" would.
  std::string Insert(const std::string& table, const std::vector<std::string>& columns,
                     const std::vector<const std::string*>& values);

  struct Column {
    std::string name;
    std::string type;  // as declared: "INTEGER", "TEXT", ""
    bool not_null = false;
    bool has_default = false;
    int primary_key = 0;  // its position in the primary key, 0 when not in it
  };
  std::vector<std::string> Tables();
  std::vector<Column> Columns(const std::string& table);

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace dxcomply

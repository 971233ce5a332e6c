// The one connection of dxcomply that writes: `dxcomply import`'s, opened
// read-write on an existing database (never creating one). Everything it
// writes happens inside one BEGIN IMMEDIATE transaction: another import (a
// second writer) is refused after a short wait instead of interleaving,
// readers go on reading the old snapshot, and a process killed at any point
// leaves the database as it was before (SQLite's journal) or as committed.
#pragma once

#include "import/cell_value.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

struct sqlite3;

namespace dxcomply {

class ImportDatabase {
 public:
  // Opens `path` read-write. Throws StoreError (store/record_store.hpp) when
  // it is missing, a folder, or not SQLite.
  ImportDatabase(const std::string& path, int busy_timeout_ms);
  ~ImportDatabase();
  ImportDatabase(const ImportDatabase&) = delete;
  ImportDatabase& operator=(const ImportDatabase&) = delete;

  // BEGIN IMMEDIATE: takes the write lock. False when another writer kept
  // it for longer than the busy timeout.
  bool BeginWrite();
  // Waits up to a minute for readers of the old snapshot (rollback-journal
  // databases need them gone to commit); throws StoreError if they stay.
  void Commit();
  // Ends the transaction without changing anything. Safe to call twice.
  void Rollback();

  bool HasTable(const std::string& table);
  std::vector<std::string> Columns(const std::string& table);
  // Whether the column is declared NOT NULL (or the table's id).
  bool IsNotNull(const std::string& table, const std::string& column);
  std::set<std::string> AgencyIds();

  // A stored row: its id, agency and the values of the asked columns.
  struct StoredRow {
    Value id;
    Value agency;
    std::vector<Value> values;
  };
  // The row of `table` whose `id_column` is `id`.
  std::optional<StoredRow> RowById(const std::string& table, const std::string& id_column,
                                   const std::string& agency_column,
                                   const std::vector<std::string>& columns, const Value& id);
  // Every row of the agency (NULL agency: the national rows).
  std::vector<StoredRow> RowsOfAgency(const std::string& table, const std::string& id_column,
                                      const std::string& agency_column,
                                      const std::vector<std::string>& columns, const Value& agency);

  // Inserts a row (the id left to SQLite when null) and returns its id.
  std::int64_t Insert(const std::string& table, const std::vector<std::string>& columns,
                      const std::vector<Value>& values);
  void Update(const std::string& table, const std::string& id_column, const Value& id,
              const std::vector<std::string>& columns, const std::vector<Value>& values);
  void Execute(const std::string& sql);

  const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  bool in_transaction_ = false;
};

}  // namespace dxcomply

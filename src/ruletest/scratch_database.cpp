#include "ruletest/scratch_database.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "store/record_store.hpp"

#include <sqlite3.h>

namespace dxcomply {
namespace {

// A prepared statement finalized on every path.
class Prepared {
 public:
  Prepared(sqlite3* db, const std::string& sql) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement_, nullptr) != SQLITE_OK) {
      const std::string message = sqlite3_errmsg(db);
      sqlite3_finalize(statement_);
      throw FixtureError(message);
    }
  }
  ~Prepared() { sqlite3_finalize(statement_); }
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;
  sqlite3_stmt* get() const { return statement_; }

 private:
  sqlite3_stmt* statement_ = nullptr;
};

std::string ColumnText(sqlite3_stmt* statement, int column) {
  const unsigned char* text = sqlite3_column_text(statement, column);
  return text == nullptr ? "" : reinterpret_cast<const char*>(text);
}

}  // namespace

ScratchDatabase::ScratchDatabase(const std::string& path) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string message = db_ == nullptr ? Tr("out of memory") : sqlite3_errmsg(db_);
    sqlite3_close(db_);
    db_ = nullptr;
    throw FixtureError(Format(Tr("cannot create {0}: {1}"), {path, message}));
  }
  // A scratch file read once: no journal to write, nothing to sync.
  Execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
}

ScratchDatabase::~ScratchDatabase() { sqlite3_close(db_); }

void ScratchDatabase::Execute(const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error == nullptr ? sqlite3_errmsg(db_) : error;
    sqlite3_free(error);
    throw FixtureError(message);
  }
}

std::string ScratchDatabase::Insert(const std::string& table,
                                    const std::vector<std::string>& columns,
                                    const std::vector<const std::string*>& values) {
  std::string sql = "INSERT INTO " + QuoteIdentifier(table);
  if (columns.empty()) {
    sql += " DEFAULT VALUES";
  } else {
    std::string names;
    std::string marks;
    for (const std::string& column : columns) {
      names += (names.empty() ? "" : ", ") + QuoteIdentifier(column);
      marks += marks.empty() ? "?" : ", ?";
    }
    sql += " (" + names + ") VALUES (" + marks + ")";
  }
  try {
    Prepared insert(db_, sql);
    for (std::size_t i = 0; i < values.size(); ++i) {
      const int index = static_cast<int>(i) + 1;
      if (values[i] == nullptr) {
        sqlite3_bind_null(insert.get(), index);
      } else {
        sqlite3_bind_text(insert.get(), index, values[i]->data(),
                          static_cast<int>(values[i]->size()), SQLITE_TRANSIENT);
      }
    }
    if (sqlite3_step(insert.get()) != SQLITE_DONE) return sqlite3_errmsg(db_);
  } catch (const FixtureError& e) {
    return e.what();
  }
  return "";
}

std::vector<std::string> ScratchDatabase::Tables() {
  Prepared query(db_,
                 "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                 "'sqlite_%' ORDER BY name");
  std::vector<std::string> tables;
  while (sqlite3_step(query.get()) == SQLITE_ROW) tables.push_back(ColumnText(query.get(), 0));
  return tables;
}

std::vector<ScratchDatabase::Column> ScratchDatabase::Columns(const std::string& table) {
  Prepared query(
      db_, "SELECT name, type, \"notnull\", dflt_value IS NOT NULL, pk FROM pragma_table_info(?)");
  sqlite3_bind_text(query.get(), 1, table.c_str(), -1, SQLITE_TRANSIENT);
  std::vector<Column> columns;
  while (sqlite3_step(query.get()) == SQLITE_ROW) {
    columns.push_back({ColumnText(query.get(), 0), ColumnText(query.get(), 1),
                       sqlite3_column_int(query.get(), 2) != 0,
                       sqlite3_column_int(query.get(), 3) != 0,
                       sqlite3_column_int(query.get(), 4)});
  }
  return columns;
}

}  // namespace dxcomply

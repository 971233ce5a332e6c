#include "import/import_database.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "store/record_store.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <memory>

namespace dxcomply {
namespace {

constexpr int kCommitTimeoutMs = 60000;

[[noreturn]] void Fail(sqlite3* db, const std::string& path, const std::string& what) {
  throw StoreError(path + ": " + what + ": " + sqlite3_errmsg(db), sqlite3_errcode(db));
}

struct Finalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, Finalizer>;

Value ColumnValue(sqlite3_stmt* statement, int column) {
  switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
      return Value::Integer(sqlite3_column_int64(statement, column));
    case SQLITE_FLOAT:
      return Value::Real(sqlite3_column_double(statement, column));
    case SQLITE_NULL:
      return Value::Null();
    default: {
      const unsigned char* text = sqlite3_column_text(statement, column);
      return Value::Text(text == nullptr ? "" : reinterpret_cast<const char*>(text));
    }
  }
}

}  // namespace

ImportDatabase::ImportDatabase(const std::string& path, int busy_timeout_ms) : path_(path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    throw StoreError(path + ": " + Tr("database not found"), SQLITE_CANTOPEN);
  }
  if (std::filesystem::is_directory(path, error)) {
    throw StoreError(path + ": " + Tr("is a folder, not a database file"), SQLITE_CANTOPEN);
  }
  const int code = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr);
  if (code != SQLITE_OK) {
    const std::string message =
        path + ": " + Format(Tr("cannot open for writing: {0}"), {sqlite3_errstr(code)});
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(message, code);
  }
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  sqlite3_extended_result_codes(db_, 1);
  if (sqlite3_exec(db_, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) !=
      SQLITE_OK) {
    const bool not_sqlite = (sqlite3_errcode(db_) & 0xFF) == SQLITE_NOTADB;
    const std::string message =
        path + ": " +
        Format(not_sqlite ? Tr("not a SQLite database ({0})") : Tr("cannot read ({0})"),
               {sqlite3_errmsg(db_)});
    const int failure = sqlite3_errcode(db_);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(message, failure);
  }
}

ImportDatabase::~ImportDatabase() {
  Rollback();
  sqlite3_close(db_);
}

bool ImportDatabase::BeginWrite() {
  const int code = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  if ((code & 0xFF) == SQLITE_BUSY) return false;
  if (code != SQLITE_OK) Fail(db_, path_, Tr("cannot start writing"));
  in_transaction_ = true;
  return true;
}

void ImportDatabase::Commit() {
  // The commit waits for readers to finish (a report reading the old
  // snapshot): longer than for another import's write lock.
  sqlite3_busy_timeout(db_, kCommitTimeoutMs);
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    Fail(db_, path_, Tr("cannot commit"));
  }
  in_transaction_ = false;
}

void ImportDatabase::Rollback() {
  if (!in_transaction_) return;
  sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  in_transaction_ = false;
}

void ImportDatabase::Execute(const std::string& sql) {
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    Fail(db_, path_, Format(Tr("cannot run '{0}'"), {sql.substr(0, 60)}));
  }
}

namespace {

StatementPtr Prepare(sqlite3* db, const std::string& path, const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    Fail(db, path, Format(Tr("cannot prepare '{0}'"), {sql.substr(0, 80)}));
  }
  return StatementPtr(statement);
}

void Bind(sqlite3_stmt* statement, int index, const Value& value) {
  switch (value.kind) {
    case Value::Kind::kNull:
      sqlite3_bind_null(statement, index);
      break;
    case Value::Kind::kInteger:
      sqlite3_bind_int64(statement, index, value.integer);
      break;
    case Value::Kind::kReal:
      sqlite3_bind_double(statement, index, value.real);
      break;
    case Value::Kind::kText:
      sqlite3_bind_text(statement, index, value.text.data(), static_cast<int>(value.text.size()),
                        SQLITE_TRANSIENT);
      break;
  }
}

bool Step(sqlite3* db, const std::string& path, sqlite3_stmt* statement) {
  const int code = sqlite3_step(statement);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  Fail(db, path, Tr("cannot read or write"));
}

std::string SelectList(const std::string& id_column, const std::string& agency_column,
                       const std::vector<std::string>& columns) {
  std::string sql = "SELECT " + QuoteIdentifier(id_column) + ", " + QuoteIdentifier(agency_column);
  for (const std::string& column : columns) sql += ", " + QuoteIdentifier(column);
  return sql;
}

ImportDatabase::StoredRow ReadRow(sqlite3_stmt* statement, std::size_t columns) {
  ImportDatabase::StoredRow row;
  row.id = ColumnValue(statement, 0);
  row.agency = ColumnValue(statement, 1);
  for (std::size_t i = 0; i < columns; ++i) {
    row.values.push_back(ColumnValue(statement, static_cast<int>(i) + 2));
  }
  return row;
}

}  // namespace

bool ImportDatabase::HasTable(const std::string& table) {
  const StatementPtr statement =
      Prepare(db_, path_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  Bind(statement.get(), 1, Value::Text(table));
  return Step(db_, path_, statement.get());
}

std::vector<std::string> ImportDatabase::Columns(const std::string& table) {
  const StatementPtr statement = Prepare(db_, path_, "SELECT name FROM pragma_table_info(?)");
  Bind(statement.get(), 1, Value::Text(table));
  std::vector<std::string> columns;
  while (Step(db_, path_, statement.get())) columns.push_back(ColumnValue(statement.get(), 0).text);
  return columns;
}

bool ImportDatabase::IsNotNull(const std::string& table, const std::string& column) {
  const StatementPtr statement =
      Prepare(db_, path_, "SELECT \"notnull\" OR pk FROM pragma_table_info(?) WHERE name = ?");
  Bind(statement.get(), 1, Value::Text(table));
  Bind(statement.get(), 2, Value::Text(column));
  return Step(db_, path_, statement.get()) && sqlite3_column_int(statement.get(), 0) != 0;
}

std::set<std::string> ImportDatabase::AgencyIds() {
  const StatementPtr statement = Prepare(db_, path_, "SELECT id FROM agency");
  std::set<std::string> ids;
  while (Step(db_, path_, statement.get())) ids.insert(ColumnValue(statement.get(), 0).ToString());
  return ids;
}

std::optional<ImportDatabase::StoredRow> ImportDatabase::RowById(
    const std::string& table, const std::string& id_column, const std::string& agency_column,
    const std::vector<std::string>& columns, const Value& id) {
  const StatementPtr statement =
      Prepare(db_, path_,
              SelectList(id_column, agency_column, columns) + " FROM " + QuoteIdentifier(table) +
                  " WHERE " + QuoteIdentifier(id_column) + " = ?");
  Bind(statement.get(), 1, id);
  if (!Step(db_, path_, statement.get())) return std::nullopt;
  return ReadRow(statement.get(), columns.size());
}

std::vector<ImportDatabase::StoredRow> ImportDatabase::RowsOfAgency(
    const std::string& table, const std::string& id_column, const std::string& agency_column,
    const std::vector<std::string>& columns, const Value& agency) {
  const StatementPtr statement =
      Prepare(db_, path_,
              SelectList(id_column, agency_column, columns) + " FROM " + QuoteIdentifier(table) +
                  " WHERE " + QuoteIdentifier(agency_column) + " IS ? ORDER BY " +
                  QuoteIdentifier(id_column));
  Bind(statement.get(), 1, agency);
  std::vector<StoredRow> rows;
  while (Step(db_, path_, statement.get()))
    rows.push_back(ReadRow(statement.get(), columns.size()));
  return rows;
}

std::int64_t ImportDatabase::Insert(const std::string& table,
                                    const std::vector<std::string>& columns,
                                    const std::vector<Value>& values) {
  std::string names, marks;
  for (const std::string& column : columns) {
    names += (names.empty() ? "" : ", ") + QuoteIdentifier(column);
    marks += marks.empty() ? "?" : ", ?";
  }
  const StatementPtr statement =
      Prepare(db_, path_,
              "INSERT INTO " + QuoteIdentifier(table) + " (" + names + ") VALUES (" + marks + ")");
  for (std::size_t i = 0; i < values.size(); ++i) {
    Bind(statement.get(), static_cast<int>(i) + 1, values[i]);
  }
  Step(db_, path_, statement.get());
  return sqlite3_last_insert_rowid(db_);
}

void ImportDatabase::Update(const std::string& table, const std::string& id_column, const Value& id,
                            const std::vector<std::string>& columns,
                            const std::vector<Value>& values) {
  std::string sets;
  for (const std::string& column : columns) {
    sets += (sets.empty() ? "" : ", ") + QuoteIdentifier(column) + " = ?";
  }
  const StatementPtr statement = Prepare(db_, path_,
                                         "UPDATE " + QuoteIdentifier(table) + " SET " + sets +
                                             " WHERE " + QuoteIdentifier(id_column) + " = ?");
  int index = 1;
  for (const Value& value : values) Bind(statement.get(), index++, value);
  Bind(statement.get(), index, id);
  Step(db_, path_, statement.get());
}

}  // namespace dxcomply

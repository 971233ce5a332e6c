#include "store/record_store.hpp"

#include <sqlite3.h>

#include <exception>
#include <filesystem>
#include <utility>

namespace dxcomply {
namespace {

// Long enough for a producer's write transaction to commit; a nightly run
// would rather wait than fail.
constexpr int kBusyTimeoutMs = 30000;

[[noreturn]] void Fail(sqlite3* db, const std::string& context, int code) {
  std::string message = context;
  if (db != nullptr) message += ": " + std::string(sqlite3_errmsg(db));
  throw StoreError(message, code);
}

static_assert(static_cast<int>(SqlType::kInteger) == SQLITE_INTEGER &&
                  static_cast<int>(SqlType::kReal) == SQLITE_FLOAT &&
                  static_cast<int>(SqlType::kText) == SQLITE_TEXT &&
                  static_cast<int>(SqlType::kBlob) == SQLITE_BLOB &&
                  static_cast<int>(SqlType::kNull) == SQLITE_NULL,
              "SqlType is SQLite's type codes");

SqlType TypeOf(int sqlite_type) { return static_cast<SqlType>(sqlite_type); }

}  // namespace

struct RecordStore::VisitSlot {
  const std::function<void(const RowValues&)>* visit = nullptr;
  std::exception_ptr failure;
  std::vector<SqlType> types;  // the current row's
  bool utf8 = false;           // the database's text encoding is UTF-8
};

namespace {

void VisitStep(sqlite3_context* context, int count, sqlite3_value** values) {
  auto* slot = static_cast<RecordStore::VisitSlot*>(sqlite3_user_data(context));
  if (slot->visit == nullptr) {
    sqlite3_result_error(context, "dxcomply_visit is only for the engine's own scans", -1);
    return;
  }
  // Nothing may unwind through SQLite's C frames: the exception waits in
  // the slot, and the error stops the query.
  try {
    slot->types.resize(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
      slot->types[static_cast<std::size_t>(i)] = TypeOf(sqlite3_value_type(values[i]));
    }
    (*slot->visit)(RowValues(values, slot->types.data(), count, slot->utf8));
  } catch (...) {
    slot->failure = std::current_exception();
    sqlite3_result_error(context, "the row visitor failed", -1);
  }
}

void VisitFinal(sqlite3_context* context) { sqlite3_result_null(context); }

}  // namespace

std::int64_t RowValues::Int64(int column) const { return sqlite3_value_int64(values_[column]); }

double RowValues::Double(int column) const { return sqlite3_value_double(values_[column]); }

std::string_view RowValues::Text(int column) const {
  if (utf8_ && types_[column] == SqlType::kText) {
    // The stored bytes: sqlite3_value_text would first copy them to end
    // them with a NUL, for each of tens of millions of values in a scan.
    const void* bytes = sqlite3_value_blob(values_[column]);
    return {static_cast<const char*>(bytes),
            static_cast<std::size_t>(sqlite3_value_bytes(values_[column]))};
  }
  const unsigned char* text = sqlite3_value_text(values_[column]);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<std::size_t>(sqlite3_value_bytes(values_[column]))};
}

Statement::Statement(sqlite3* db, const std::string& sql) : db_(db), sql_(sql) {
  const int code =
      sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &statement_, nullptr);
  if (code != SQLITE_OK) Fail(db_, "cannot prepare query [" + sql + "]", code);
}

Statement::~Statement() { sqlite3_finalize(statement_); }

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), statement_(other.statement_), sql_(std::move(other.sql_)) {
  other.statement_ = nullptr;
}

void Statement::Bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(statement_, index, value) != SQLITE_OK) {
    Fail(db_, "cannot bind parameter", SQLITE_ERROR);
  }
}

void Statement::Bind(int index, double value) {
  if (sqlite3_bind_double(statement_, index, value) != SQLITE_OK) {
    Fail(db_, "cannot bind parameter", SQLITE_ERROR);
  }
}

void Statement::Bind(int index, std::string_view value) {
  if (sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK) {
    Fail(db_, "cannot bind parameter", SQLITE_ERROR);
  }
}

void Statement::BindNull(int index) {
  if (sqlite3_bind_null(statement_, index) != SQLITE_OK) {
    Fail(db_, "cannot bind parameter", SQLITE_ERROR);
  }
}

bool Statement::Step() {
  const int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  Fail(db_, "query failed [" + sql_ + "]", code);
}

void Statement::Reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

int Statement::ColumnCount() const { return sqlite3_column_count(statement_); }

SqlType Statement::Type(int column) const {
  return TypeOf(sqlite3_column_type(statement_, column));
}

RowValues Statement::Row() {
  row_.resize(static_cast<std::size_t>(ColumnCount()));
  row_types_.resize(row_.size());
  for (std::size_t i = 0; i < row_.size(); ++i) {
    row_[i] = sqlite3_column_value(statement_, static_cast<int>(i));
    row_types_[i] = TypeOf(sqlite3_value_type(row_[i]));
  }
  return RowValues(row_.data(), row_types_.data(), static_cast<int>(row_.size()), false);
}

std::int64_t Statement::Int64(int column) const { return sqlite3_column_int64(statement_, column); }

double Statement::Double(int column) const { return sqlite3_column_double(statement_, column); }

std::string_view Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_, column);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))};
}

RecordStore RecordStore::Open(const std::string& path) { return Open(path, kBusyTimeoutMs); }

RecordStore RecordStore::Open(const std::string& path, int busy_timeout_ms) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    throw StoreError(path + ": database not found", SQLITE_CANTOPEN);
  }
  if (std::filesystem::is_directory(path, error)) {
    throw StoreError(path + ": is a folder, not a database file", SQLITE_CANTOPEN);
  }
  sqlite3* db = nullptr;
  // NOMUTEX: a store is used from one thread; sparing a mutex on every
  // column read matters when streaming millions of rows.
  const int code =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  if (code != SQLITE_OK) {
    const std::string message = path + ": cannot open: " + sqlite3_errstr(code);
    sqlite3_close(db);
    throw StoreError(message, code);
  }
  RecordStore store(db, path);
  sqlite3_busy_timeout(db, busy_timeout_ms);
  // DIRECTONLY: not callable from a view or trigger stored in the file.
  if (sqlite3_create_function_v2(db, kVisitFunction, -1, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                 store.visit_slot_.get(), nullptr, VisitStep, VisitFinal,
                                 nullptr) != SQLITE_OK) {
    Fail(db, path + ": cannot register " + std::string(kVisitFunction), SQLITE_ERROR);
  }
  sqlite3_extended_result_codes(db, 1);
  // A double-quoted name that is no column must be an error, not the string
  // literal SQLite would otherwise read it as: a scan of a column the
  // database lacks would read its own name as every row's value.
  sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
  // Reading the schema is what reveals a file that is not SQLite.
  const int probe = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master; PRAGMA query_only = 1;",
                                 nullptr, nullptr, nullptr);
  if (probe != SQLITE_OK) {
    const bool not_sqlite = (probe & 0xFF) == SQLITE_NOTADB;
    throw StoreError(path + (not_sqlite ? ": not a SQLite database (" : ": cannot read (") +
                         sqlite3_errmsg(db) + ")",
                     probe);
  }
  Statement encoding(db, "PRAGMA encoding");
  store.visit_slot_->utf8 = encoding.Step() && encoding.Text(0) == "UTF-8";
  return store;
}

RecordStore::RecordStore(sqlite3* db, std::string path)
    : db_(db), visit_slot_(std::make_unique<VisitSlot>()), path_(std::move(path)) {}

RecordStore::RecordStore(RecordStore&& other) noexcept
    : db_(other.db_),
      visit_slot_(std::move(other.visit_slot_)),
      path_(std::move(other.path_)),
      in_snapshot_(other.in_snapshot_) {
  other.db_ = nullptr;
}

RecordStore& RecordStore::operator=(RecordStore&& other) noexcept {
  if (this != &other) {
    sqlite3_close(db_);
    db_ = other.db_;
    visit_slot_ = std::move(other.visit_slot_);
    path_ = std::move(other.path_);
    in_snapshot_ = other.in_snapshot_;
    other.db_ = nullptr;
  }
  return *this;
}

RecordStore::~RecordStore() { sqlite3_close(db_); }

Statement RecordStore::Prepare(const std::string& sql) { return Statement(db_, sql); }

bool RecordStore::HasTable(const std::string& table) {
  Statement statement(db_,
                      "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?");
  statement.Bind(1, std::string_view(table));
  return statement.Step();
}

std::vector<std::string> RecordStore::Columns(const std::string& table) {
  std::vector<std::string> columns;
  Statement statement(db_, "SELECT name FROM pragma_table_info(?)");
  statement.Bind(1, std::string_view(table));
  while (statement.Step()) columns.push_back(statement.String(0));
  return columns;
}

bool RecordStore::HasColumn(const std::string& table, const std::string& column) {
  if (column == "rowid") return HasTable(table);
  for (const std::string& name : Columns(table)) {
    if (name == column) return true;
  }
  return false;
}

void RecordStore::BeginSnapshot() {
  if (in_snapshot_) throw StoreError("a read snapshot is already open", SQLITE_MISUSE);
  Statement(db_, "BEGIN").Step();
  // A deferred transaction takes its snapshot at the first read.
  Statement(db_, "SELECT count(*) FROM sqlite_master").Step();
  in_snapshot_ = true;
}

void RecordStore::EndSnapshot() {
  if (!in_snapshot_) return;
  Statement(db_, "COMMIT").Step();
  in_snapshot_ = false;
}

std::optional<RecordStore> RecordStore::OpenSnapshotTwin() {
  if (!in_snapshot_) return std::nullopt;
  Statement mode(db_, "PRAGMA journal_mode");
  if (!mode.Step() || mode.Text(0) == "wal") return std::nullopt;
  try {
    // A writer waiting for our lock to go would make the twin wait for it
    // in turn: give up at once instead.
    RecordStore twin = Open(path_, 0);
    twin.BeginSnapshot();
    return twin;
  } catch (const StoreError&) {
    return std::nullopt;
  }
}

void RecordStore::Visit(Statement& statement, const std::function<void(const RowValues&)>& visit) {
  VisitSlot& slot = *visit_slot_;
  // A visitor may run a scan of its own on this connection: restored after,
  // with the outer row's types (its RowValues points into their buffer).
  const auto* outer = slot.visit;
  std::vector<SqlType> outer_types;
  outer_types.swap(slot.types);
  slot.visit = &visit;
  slot.failure = nullptr;
  try {
    while (statement.Step()) {
    }
  } catch (const StoreError&) {
    slot.visit = outer;
    slot.types.swap(outer_types);
    if (slot.failure) std::rethrow_exception(std::exchange(slot.failure, nullptr));
    throw;
  }
  slot.visit = outer;
  slot.types.swap(outer_types);
}

int RecordStore::FunctionArgumentLimit(int set) {
  const int limit = sqlite3_limit(db_, SQLITE_LIMIT_FUNCTION_ARG, set);
  return set >= 0 ? sqlite3_limit(db_, SQLITE_LIMIT_FUNCTION_ARG, -1) : limit;
}

std::optional<std::pair<std::int64_t, std::int64_t>> RecordStore::RowidSpan(
    const std::string& table, const std::string& id_column) {
  const std::string id = QuoteIdentifier(id_column);
  const std::string from = " FROM " + QuoteIdentifier(table);
  // SQLite says itself whether a range of this column is a range of rowids.
  Statement plan(
      db_, "EXPLAIN QUERY PLAN SELECT 1" + from + " WHERE " + id + " >= 0 AND " + id + " < 1");
  bool by_rowid = false;
  while (plan.Step()) {
    if (plan.Text(3).find("USING INTEGER PRIMARY KEY") != std::string_view::npos) by_rowid = true;
  }
  if (!by_rowid) return std::nullopt;
  // One aggregate per query: SQLite answers a lone min() or max() of the
  // rowid from the b-tree's ends, but scans the table for both at once.
  std::int64_t bounds[2];
  for (int end = 0; end < 2; ++end) {
    Statement bound(db_, std::string(end == 0 ? "SELECT min(" : "SELECT max(") + id + ")" + from);
    if (!bound.Step() || bound.Type(0) != SqlType::kInteger) return std::nullopt;
    bounds[end] = bound.Int64(0);
  }
  return std::make_pair(bounds[0], bounds[1]);
}

std::string QuoteIdentifier(std::string_view name) {
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace dxcomply

// RecordStore: opening (and refusing) files with messages that name the file
// and say what is wrong, read-only access, schema introspection, snapshots.
#include "store/record_store.hpp"

#include "support/test_files.hpp"

#include <boost/test/unit_test.hpp>
#include <sqlite3.h>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace dxcomply {
namespace {

// The message and sqlite code of the StoreError `open` throws, or "no error".
template <typename F>
std::string ErrorOf(F action, int* code = nullptr) {
  try {
    action();
  } catch (const StoreError& e) {
    if (code != nullptr) *code = e.sqlite_code();
    return e.what();
  }
  return "no error";
}

std::int64_t CountRows(RecordStore& store, const std::string& table) {
  Statement statement = store.Prepare("SELECT count(*) FROM " + QuoteIdentifier(table));
  BOOST_TEST_REQUIRE(statement.Step());
  return statement.Int64(0);
}

const std::string kAgencies =
    "INSERT INTO agency (id, name, kind, parent_id) VALUES ('BCA', 'Bộ Công an', 'ministry', "
    "NULL);\n"
    "INSERT INTO agency (id, name, kind, parent_id) VALUES ('HA-NOI', 'Hà Nội', 'province', "
    "NULL);\n";

BOOST_AUTO_TEST_SUITE(record_store)

BOOST_AUTO_TEST_CASE(open_refuses_what_is_not_a_database_and_says_why) {
  const testing::TempFolder folder;
  const std::string missing = folder.path() + "/missing.db";
  const std::string text_file = folder.Write("notes.db", "This is not a database, just text.\n");
  const std::string sub_folder = folder.path() + "/sub";
  folder.Write("sub/keep", "");

  int code = 0;
  BOOST_TEST(ErrorOf([&] { RecordStore::Open(missing); }, &code) ==
             missing + ": database not found");
  BOOST_TEST(code == SQLITE_CANTOPEN);
  BOOST_TEST(ErrorOf([&] { RecordStore::Open(sub_folder); }, &code) ==
             sub_folder + ": is a folder, not a database file");
  BOOST_TEST(code == SQLITE_CANTOPEN);
  BOOST_TEST(ErrorOf([&] { RecordStore::Open(text_file); }, &code) ==
             text_file + ": not a SQLite database (file is not a database)");
  BOOST_TEST(code == SQLITE_NOTADB);
}

BOOST_AUTO_TEST_CASE(open_leaves_a_refused_file_as_it_was) {
  const testing::TempFolder folder;
  const std::string content = "id,name\n1,x\n";
  const std::string text_file = folder.Write("records.csv", content);
  ErrorOf([&] { RecordStore::Open(text_file); });
  std::FILE* file = std::fopen(text_file.c_str(), "rb");
  BOOST_TEST_REQUIRE(file != nullptr);
  std::string read(64, '\0');
  read.resize(std::fread(read.data(), 1, read.size(), file));
  std::fclose(file);
  BOOST_TEST(read == content);
}

BOOST_AUTO_TEST_CASE(the_store_is_read_only) {
  const testing::TestDatabase database(testing::SchemaSql() + kAgencies);
  RecordStore store = RecordStore::Open(database.path());
  BOOST_TEST(store.path() == database.path());

  const std::vector<std::string> writes = {
      "INSERT INTO agency (id, name, kind, parent_id) VALUES ('X', 'X', 'province', NULL)",
      "DELETE FROM agency",
      "UPDATE agency SET name = 'changed'",
      "DROP TABLE agency",
      "CREATE TABLE extra (a)",
  };
  for (const std::string& sql : writes) {
    BOOST_TEST_CONTEXT(sql) {
      const std::string error = ErrorOf([&] {
        Statement statement = store.Prepare(sql);
        statement.Step();
      });
      BOOST_TEST(error != "no error");
      BOOST_TEST(error.find("readonly") != std::string::npos, error);
    }
  }
  BOOST_TEST(CountRows(store, "agency") == 2);
  BOOST_TEST(store.HasTable("agency"));
  BOOST_TEST(!store.HasTable("extra"));
}

BOOST_AUTO_TEST_CASE(a_bad_query_names_itself) {
  const testing::TestDatabase database(testing::SchemaSql());
  RecordStore store = RecordStore::Open(database.path());
  BOOST_TEST(ErrorOf([&] { store.Prepare("SELECT nope FROM agency"); }) ==
             "cannot prepare query [SELECT nope FROM agency]: no such column: nope");
}

BOOST_AUTO_TEST_CASE(schema_introspection) {
  const testing::TestDatabase database(testing::SchemaSql() +
                                       "CREATE VIEW ministries AS SELECT id FROM agency;\n"
                                       "CREATE TABLE \"odd \"\"name\" (\"a b\" TEXT);\n");
  RecordStore store = RecordStore::Open(database.path());

  BOOST_TEST(store.HasTable("agency"));
  BOOST_TEST(store.HasTable("task_dependency"));
  BOOST_TEST(store.HasTable("ministries"));  // views count as tables
  BOOST_TEST(store.HasTable("odd \"name"));
  BOOST_TEST(!store.HasTable("agencies"));
  BOOST_TEST(!store.HasTable("information_system_by_agency"));  // an index is not a table
  BOOST_TEST(!store.HasTable("agency; DROP TABLE agency"));

  BOOST_TEST(store.Columns("agency") == (std::vector<std::string>{"id", "name", "kind", "parent_id",
                                                                  "valid_from", "valid_until"}),
             boost::test_tools::per_element());
  BOOST_TEST(
      store.Columns("task_dependency") == (std::vector<std::string>{"task_id", "depends_on"}),
      boost::test_tools::per_element());
  BOOST_TEST(store.Columns("odd \"name") == std::vector<std::string>{"a b"},
             boost::test_tools::per_element());
  BOOST_TEST(store.Columns("nope").empty());

  BOOST_TEST(store.HasColumn("information_system", "level_approved_on"));
  BOOST_TEST(store.HasColumn("odd \"name", "a b"));
  BOOST_TEST(!store.HasColumn("information_system", "level_aproved_on"));
  BOOST_TEST(!store.HasColumn("nope", "id"));
  BOOST_TEST(store.HasColumn("measurement", "rowid"));  // every table has one
  BOOST_TEST(!store.HasColumn("nope", "rowid"));
  BOOST_TEST(CountRows(store, "odd \"name") == 0);
}

BOOST_AUTO_TEST_CASE(quote_identifier_doubles_inner_quotes) {
  BOOST_TEST(QuoteIdentifier("agency") == "\"agency\"");
  BOOST_TEST(QuoteIdentifier("a\"b") == "\"a\"\"b\"");
  BOOST_TEST(QuoteIdentifier("x\"; DROP TABLE agency; --") == "\"x\"\"; DROP TABLE agency; --\"");
  BOOST_TEST(QuoteIdentifier("") == "\"\"");
}

BOOST_AUTO_TEST_CASE(statement_reads_every_type) {
  const testing::TestDatabase database(testing::SchemaSql());
  RecordStore store = RecordStore::Open(database.path());
  Statement statement = store.Prepare("SELECT ?, ?, ?, NULL, x'00ff', 'Hà Nội'");
  statement.Bind(1, std::int64_t{9000000000});
  statement.Bind(2, 0.25);
  statement.Bind(3, std::string_view("a\0b", 3));
  BOOST_TEST_REQUIRE(statement.Step());
  BOOST_TEST(statement.ColumnCount() == 6);
  BOOST_TEST((statement.Type(0) == SqlType::kInteger));
  BOOST_TEST(statement.Int64(0) == 9000000000);
  BOOST_TEST((statement.Type(1) == SqlType::kReal));
  BOOST_TEST(statement.Double(1) == 0.25);
  BOOST_TEST((statement.Type(2) == SqlType::kText));
  BOOST_TEST(statement.String(2) == std::string("a\0b", 3));  // length, not NUL-terminated
  BOOST_TEST(statement.IsNull(3));
  BOOST_TEST(statement.Text(3).empty());
  BOOST_TEST((statement.Type(4) == SqlType::kBlob));
  BOOST_TEST(statement.String(5) == "Hà Nội");
  BOOST_TEST(!statement.Step());

  // Reset clears the bindings: the same query reads NULLs.
  statement.Reset();
  BOOST_TEST_REQUIRE(statement.Step());
  BOOST_TEST(statement.IsNull(0));
}

BOOST_AUTO_TEST_CASE(a_snapshot_holds_while_another_connection_commits) {
  const testing::TestDatabase database("PRAGMA journal_mode = WAL;\n" + testing::SchemaSql() +
                                       kAgencies);
  RecordStore store = RecordStore::Open(database.path());
  store.BeginSnapshot();
  BOOST_TEST(ErrorOf([&] { store.BeginSnapshot(); }) == "a read snapshot is already open");
  BOOST_TEST(CountRows(store, "agency") == 2);
  database.Execute(
      "INSERT INTO agency (id, name, kind, parent_id) VALUES ('BYT', 'Bộ Y tế', 'ministry', "
      "NULL);");
  BOOST_TEST(CountRows(store, "agency") == 2);  // still the snapshot
  store.EndSnapshot();
  BOOST_TEST(CountRows(store, "agency") == 3);
  store.EndSnapshot();  // a second end is harmless
  store.BeginSnapshot();
  BOOST_TEST(CountRows(store, "agency") == 3);
  store.EndSnapshot();
}

BOOST_AUTO_TEST_CASE(a_snapshot_twin_reads_the_same_snapshot_or_is_refused) {
  const testing::TestDatabase rollback(testing::SchemaSql() + kAgencies);
  RecordStore store = RecordStore::Open(rollback.path());
  BOOST_TEST(!store.OpenSnapshotTwin().has_value());  // no snapshot open
  store.BeginSnapshot();
  std::optional<RecordStore> twin = store.OpenSnapshotTwin();
  BOOST_TEST_REQUIRE(twin.has_value());
  BOOST_TEST(CountRows(*twin, "agency") == 2);
  twin->EndSnapshot();
  store.EndSnapshot();

  // In WAL mode a second connection could see a later commit: refused.
  const testing::TestDatabase wal("PRAGMA journal_mode = WAL;\n" + testing::SchemaSql() +
                                  kAgencies);
  RecordStore wal_store = RecordStore::Open(wal.path());
  wal_store.BeginSnapshot();
  BOOST_TEST(!wal_store.OpenSnapshotTwin().has_value());
  wal_store.EndSnapshot();
}

BOOST_AUTO_TEST_CASE(visit_hands_every_row_to_the_visitor_and_stops_on_its_exception) {
  const testing::TestDatabase database(testing::SchemaSql() + kAgencies);
  RecordStore store = RecordStore::Open(database.path());
  Statement rows = store.Prepare("SELECT dxcomply_visit(id, name, NULL, 1.5) FROM agency");
  std::vector<std::string> seen;
  store.Visit(rows, [&](const RowValues& row) {
    BOOST_TEST(row.size() == 4);
    BOOST_TEST((row.Type(2) == SqlType::kNull && row.Type(3) == SqlType::kReal));
    seen.push_back(row.String(0) + " " + row.String(1));
  });
  BOOST_TEST(seen == (std::vector<std::string>{"BCA Bộ Công an", "HA-NOI Hà Nội"}),
             boost::test_tools::per_element());

  // The visitor's own exception comes out, after the first row only.
  struct Stop : std::runtime_error {
    Stop() : std::runtime_error("stop") {}
  };
  int calls = 0;
  Statement again = store.Prepare("SELECT dxcomply_visit(id) FROM agency");
  BOOST_CHECK_THROW(store.Visit(again,
                                [&](const RowValues&) {
                                  ++calls;
                                  throw Stop();
                                }),
                    Stop);
  BOOST_TEST(calls == 1);

  // Outside Visit the function refuses to run.
  Statement outside = store.Prepare("SELECT dxcomply_visit(id) FROM agency");
  BOOST_TEST(ErrorOf([&] { outside.Step(); }).find("only for the engine's own scans") !=
             std::string::npos);
}

// A UTF-8 database's text is read where it lies (no copy); a UTF-16 one's
// is converted. Either way the visitor sees the same UTF-8, integers read
// as text included.
BOOST_AUTO_TEST_CASE(visit_reads_text_as_utf8_whatever_the_database_encoding) {
  for (const char* encoding : {"UTF-8", "UTF-16le"}) {
    BOOST_TEST_CONTEXT(encoding) {
      const testing::TestDatabase database(std::string("PRAGMA encoding = '") + encoding + "';\n" +
                                           testing::SchemaSql() + kAgencies);
      RecordStore store = RecordStore::Open(database.path());
      Statement rows = store.Prepare("SELECT dxcomply_visit(name, '', 42) FROM agency");
      std::vector<std::string> seen;
      store.Visit(rows, [&](const RowValues& row) {
        BOOST_TEST(row.Text(1).empty());
        seen.push_back(row.String(0) + "|" + row.String(2));
      });
      BOOST_TEST(seen == (std::vector<std::string>{"Bộ Công an|42", "Hà Nội|42"}),
                 boost::test_tools::per_element());
    }
  }
}

// A visitor may scan again on the same connection: its own row keeps its
// values and types after the inner scan (wider rows, other types).
BOOST_AUTO_TEST_CASE(a_scan_inside_a_visitor_leaves_the_outer_row_as_it_was) {
  const testing::TestDatabase database(testing::SchemaSql() + kAgencies);
  RecordStore store = RecordStore::Open(database.path());
  Statement outer = store.Prepare("SELECT dxcomply_visit(id) FROM agency");
  std::vector<std::string> seen;
  store.Visit(outer, [&](const RowValues& row) {
    Statement inner =
        store.Prepare("SELECT dxcomply_visit(1, 2.5, NULL, name, id, 3, 4, 5, 6, 7) FROM agency");
    int inner_rows = 0;
    store.Visit(inner, [&](const RowValues& values) {
      BOOST_TEST((values.Type(0) == SqlType::kInteger && values.Type(2) == SqlType::kNull));
      ++inner_rows;
    });
    BOOST_TEST(inner_rows == 2);
    BOOST_TEST((row.Type(0) == SqlType::kText));
    seen.push_back(row.String(0));
  });
  BOOST_TEST(seen == (std::vector<std::string>{"BCA", "HA-NOI"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_moved_store_keeps_working) {
  const testing::TestDatabase database(testing::SchemaSql() + kAgencies);
  RecordStore first = RecordStore::Open(database.path());
  RecordStore second = std::move(first);
  BOOST_TEST(CountRows(second, "agency") == 2);
  RecordStore third = RecordStore::Open(database.path());
  third = std::move(second);
  BOOST_TEST(CountRows(third, "agency") == 2);
  BOOST_TEST(third.path() == database.path());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

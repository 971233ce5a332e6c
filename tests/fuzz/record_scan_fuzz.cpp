// A record scan over a generated small database: the fuzz bytes choose the
// rows of every table the shipped rules read (agencies, systems, staff,
// tasks and their dependencies, measurements), good values and bad (dates
// that do not exist or lie outside 1900-2199, text where numbers belong,
// duplicate ids, cycles, control characters, agencies over time), and the
// date of the report.
// The engine evaluates every rule over them and every findings format is
// written: bad records are data issues, never a crash.
#include "dxcomply/engine.hpp"

#include "cli/run_inputs.hpp"
#include "fuzz_support.hpp"
#include "report/reporter.hpp"
#include "report/summary.hpp"
#include "store/record_store.hpp"

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace dxcomply;

namespace {

struct Rules {
  RuleSet rules;
  WorkCalendar calendar;
  std::string schema;
};

const Rules& ShippedRules() {
  static const Rules* rules = [] {
    Diagnostics diagnostics;
    auto* loaded = new Rules{LoadCheckedRules(fuzz::SourcePath("rules"), diagnostics),
                             LoadCalendar(fuzz::SourcePath("rules"), diagnostics),
                             fuzz::ReadSource("data/schema.sql")};
    if (diagnostics.HasErrors()) throw std::runtime_error("the shipped rules do not load");
    return loaded;
  }();
  return *rules;
}

const std::vector<std::string> kAgencyIds = {"BCA", "BTC", "HA-NOI", "NGHE-AN", "VN", "", "X"};
const std::vector<std::string> kKinds = {"ministry", "gov_agency", "province", "department"};
const std::vector<std::string> kDates = {"2022-06-30", "2022-09-30", "2022-11-01", "2021-12-15",
                                         "2023-09-18", "2022-02-30", "1900-01-01", "2199-12-31",
                                         "1899-12-31", "2200-01-01", "9999-12-31", "30/09/2022",
                                         "2022-9-30",  "",           "2022-12-31", "2023-01-05"};
const std::vector<std::string> kAsOf = {"2022-06-30", "2022-11-01", "2023-09-18", "2021-01-01",
                                        "1900-01-01", "2199-12-31", "2025-12-31"};

// One value: NULL, a whole number, a real, one of `pool`, or raw text.
void BindValue(sqlite3_stmt* statement, int index, fuzz::Bytes& bytes,
               const std::vector<std::string>& pool) {
  switch (bytes.Pick(6)) {
    case 0:
      sqlite3_bind_null(statement, index);
      break;
    case 1:
      sqlite3_bind_int64(statement, index, static_cast<std::int64_t>(bytes.Byte()) - 8);
      break;
    case 2:
      sqlite3_bind_double(statement, index, static_cast<double>(bytes.Integer() % 3000) / 1000.0);
      break;
    case 3: {
      const std::string text = bytes.Text(24);
      sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()),
                        SQLITE_TRANSIENT);
      break;
    }
    default: {
      const std::string& text = bytes.PickOf(pool);
      sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()),
                        SQLITE_TRANSIENT);
      break;
    }
  }
}

// Rows of one table: each column from its pool.
void Insert(sqlite3* db, const std::string& sql, const std::vector<std::vector<std::string>>& pools,
            int rows, fuzz::Bytes& bytes) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) std::abort();
  for (int row = 0; row < rows && !bytes.empty(); ++row) {
    for (std::size_t column = 0; column < pools.size(); ++column) {
      BindValue(statement, static_cast<int>(column) + 1, bytes, pools[column]);
    }
    sqlite3_step(statement);  // a constraint may refuse the row: fine
    sqlite3_reset(statement);
  }
  sqlite3_finalize(statement);
}

std::vector<std::string> Obligations(const RuleSet& rules) {
  std::vector<std::string> ids;
  for (const Obligation& obligation : rules.obligations) ids.push_back(obligation.id);
  return ids;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  ShippedRules();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Rules& shipped = ShippedRules();
  static const std::vector<std::string> obligations = Obligations(shipped.rules);
  fuzz::Bytes bytes(data, size);
  const std::string path = fuzz::ScratchFolder() + "/records.db";
  std::remove(path.c_str());

  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) std::abort();
  sqlite3_exec(db, shipped.schema.c_str(), nullptr, nullptr, nullptr);
  // Some databases drop the agency key, so that ids can repeat.
  if (bytes.Pick(4) == 0) {
    sqlite3_exec(db,
                 "DROP TABLE agency; CREATE TABLE agency (id TEXT, name TEXT, kind TEXT, "
                 "parent_id TEXT, valid_from TEXT, valid_until TEXT);",
                 nullptr, nullptr, nullptr);
  }
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  const std::vector<std::string> names = {"Bộ Công an", "Hà Nội", "=1+1", "a\nb\x1b[2J", "<b>|"};
  const std::vector<std::string> levels = {"3", "4", "5", "7", "ba"};
  const std::vector<std::string> roles = {"security_specialist", "incident_responder", "hacker"};
  const std::vector<std::string> periods = {"2022", "2023", "2023-09", "2023-Q3", ""};
  const std::vector<std::string> ids = {"1", "2", "3", "4", "5"};
  const std::vector<std::string> indicators = {"de-gdp-share", "dvc-online-dossier-share"};
  // Agencies over time: validity, versions, successions.
  Insert(db, "INSERT INTO agency (id, name, kind, valid_from, valid_until) VALUES (?, ?, ?, ?, ?)",
         {kAgencyIds, names, kKinds, kDates, kDates}, 1 + static_cast<int>(bytes.Pick(6)), bytes);
  Insert(db, "INSERT INTO agency_version (agency_id, valid_from, name, kind) VALUES (?, ?, ?, ?)",
         {kAgencyIds, kDates, names, kKinds}, static_cast<int>(bytes.Pick(4)), bytes);
  Insert(db,
         "INSERT INTO agency_succession (predecessor_id, successor_id, effective_on, main) "
         "VALUES (?, ?, ?, ?)",
         {kAgencyIds, kAgencyIds, kDates, {"0", "1"}}, static_cast<int>(bytes.Pick(4)), bytes);
  Insert(db,
         "INSERT INTO information_system (agency_id, name, level, level_approved_on, "
         "protection_deployed_on, monitored_since, connects_population_db, created_on, "
         "stopped_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
         {kAgencyIds, names, levels, kDates, kDates, kDates, {"0", "1"}, kDates, kDates},
         static_cast<int>(bytes.Pick(12)), bytes);
  Insert(db,
         "INSERT INTO security_staff (agency_id, role, employment, joined_on, left_on) VALUES "
         "(?, ?, ?, ?, ?)",
         {kAgencyIds, roles, {"civil_servant", "hired_expert"}, kDates, kDates},
         static_cast<int>(bytes.Pick(12)), bytes);
  Insert(db,
         "INSERT INTO task (id, agency_id, obligation_id, period, title, started_on, progress, "
         "completed_on, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)",
         {ids, kAgencyIds, obligations, periods, names, kDates, {"0.5", "1", "1.5"}, kDates},
         static_cast<int>(bytes.Pick(12)), bytes);
  Insert(db, "INSERT INTO task_dependency VALUES (?, ?)", {ids, ids},
         static_cast<int>(bytes.Pick(10)), bytes);
  Insert(db,
         "INSERT INTO measurement (indicator_id, agency_id, as_of, value, source) VALUES "
         "(?, ?, ?, ?, NULL)",
         {indicators, kAgencyIds, kDates, {"0.2", "0.9", "x"}}, static_cast<int>(bytes.Pick(6)),
         bytes);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(db);

  RecordStore store = RecordStore::Open(path);
  EngineOptions options;
  options.as_of = *ParseIsoDate(bytes.PickOf(kAsOf));
  options.calendar = &shipped.calendar;
  options.keep_graph = bytes.Pick(2) == 0;
  const Report report = Evaluate(shipped.rules, store, options);
  const Summary summary = Summarize(report);
  for (const OutputFormat format : {OutputFormat::kText, OutputFormat::kJson, OutputFormat::kCsv}) {
    std::ostringstream out;
    MakeReporter(format)->WriteReport({report, summary, "", true}, out);
  }
  return 0;
}

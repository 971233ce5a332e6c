// Agencies over time: validity dates, names and kinds on a date, successions
// (with splits), records and open duties following them, rules in force
// from issued_on until `until`, and databases that have none of it.
#include "dxcomply/engine.hpp"

#include "cli/run_inputs.hpp"
#include "records/agency_timeline.hpp"
#include "store/record_store.hpp"
#include "support/test_files.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>  // prints Date in failures
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace dxcomply {
namespace {

// Two provinces merge into a third on 2025-07-01 (A-TINH and B-TINH into
// C-TINH); a ministry splits on 2025-03-01 (BLD into BNV, main, and BYT);
// HUE is renamed on 2025-01-01; BDT begins on 2025-03-01 as UBDT's successor.
const std::string kCountry = R"(
INSERT INTO agency (id, name, kind, valid_from, valid_until) VALUES
 ('A-TINH', 'Tỉnh A', 'province', NULL, '2025-07-01'),
 ('B-TINH', 'Tỉnh B', 'province', NULL, '2025-07-01'),
 ('C-TINH', 'Tỉnh C', 'province', NULL, NULL),
 ('HUE', 'Thừa Thiên Huế', 'province', NULL, NULL),
 ('BLD', 'Bộ Lao động', 'ministry', NULL, '2025-03-01'),
 ('BNV', 'Bộ Nội vụ', 'ministry', NULL, NULL),
 ('BYT', 'Bộ Y tế', 'ministry', NULL, NULL),
 ('UBDT', 'Ủy ban Dân tộc', 'ministry', NULL, '2025-03-01'),
 ('BDT', 'Bộ Dân tộc và Tôn giáo', 'ministry', '2025-03-01', NULL);
INSERT INTO agency_version (agency_id, valid_from, name, kind) VALUES
 ('HUE', '2025-01-01', 'Huế', 'province');
INSERT INTO agency_succession (predecessor_id, successor_id, effective_on, main) VALUES
 ('A-TINH', 'C-TINH', '2025-07-01', 1),
 ('B-TINH', 'C-TINH', '2025-07-01', 1),
 ('BLD', 'BNV', '2025-03-01', 1),
 ('BLD', 'BYT', '2025-03-01', 0),
 ('UBDT', 'BDT', '2025-03-01', 1);
)";

std::string Rule(const std::string& id, const std::string& applies_to, const std::string& due,
                 const std::string& check, const std::string& more = "") {
  return "  - id: " + id + "\n    title: Title of " + id +
         "\n    source: {document: D}\n    applies_to: " + applies_to + "\n    due: " + due +
         "\n    check: " + check + "\n" + more;
}

const std::string kClassify = Rule("classify", "{kinds: [province, ministry]}", "2022-09-30",
                                   "{kind: coverage, table: information_system, satisfied: "
                                   "[{column: level_approved_on, op: not_null}]}");

class Country {
 public:
  Country(const std::string& obligations, const std::string& records,
          const std::string& country = kCountry)
      : database_(testing::SchemaSql() + country + records),
        folder_({{"test.yaml", "obligations:\n" + obligations}}) {
    Diagnostics diagnostics;
    rules_ = LoadCheckedRules(folder_.path(), diagnostics);
    if (!diagnostics.HasErrors()) {
      RecordStore store = RecordStore::Open(database_.path());
      CheckAgainstDatabase(rules_, store, diagnostics);
    }
    std::string all;
    for (const Diagnostic& diagnostic : diagnostics.Sorted()) {
      if (diagnostic.severity == Severity::kError) all += diagnostic.ToString() + "\n";
    }
    BOOST_TEST_REQUIRE(all == "");
  }

  Report At(const std::string& as_of) const {
    RecordStore store = RecordStore::Open(database_.path());
    EngineOptions options;
    options.as_of = *ParseIsoDate(as_of);
    return Evaluate(rules_, store, options);
  }
  const testing::TestDatabase& database() const { return database_; }

 private:
  testing::TestDatabase database_;
  testing::TestRules folder_;
  RuleSet rules_;
};

// "obligation agency [period]: status (measure) <- origins" per finding, in
// report order.
std::vector<std::string> Lines(const Report& report) {
  std::vector<std::string> lines;
  for (const Finding& f : report.findings) {
    std::string line = f.obligation->id + " " + f.agency->id;
    if (!f.period.empty()) line += " " + f.period;
    line += ": " + std::string(StatusName(f.status));
    if (f.at_as_of.denominator > 0) {
      line += " (" + std::to_string(f.at_as_of.numerator) + "/" +
              std::to_string(f.at_as_of.denominator) + ")";
    }
    if (f.due) line += " due " + FormatIsoDate(*f.due);
    for (const DutyOrigin& origin : f.inherited_from) {
      line += " <- " + origin.agency_id + "@" + FormatIsoDate(origin.since);
    }
    lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

std::vector<std::string> AgencyIds(const Report& report) {
  std::vector<std::string> ids;
  for (const Agency& agency : report.agencies) ids.push_back(agency.id + " " + agency.name);
  return ids;
}

std::vector<std::string> Issues(const Report& report) {
  std::vector<std::string> lines;
  for (const DataIssue& issue : report.data_issues) {
    lines.push_back(issue.table + " " + issue.row_id + " " + issue.column + " '" + issue.value +
                    "': " + issue.problem);
  }
  return lines;
}

// Systems: (agency, approved on or NULL).
std::string Systems(const std::vector<std::pair<std::string, std::string>>& systems) {
  std::string sql;
  int id = 0;
  for (const auto& [agency, approved] : systems) {
    sql += "INSERT INTO information_system (id, agency_id, name, level_approved_on) VALUES (" +
           std::to_string(++id) + ", '" + agency + "', 'S', " +
           (approved == "NULL" ? approved : "'" + approved + "'") + ");\n";
  }
  return sql;
}

BOOST_AUTO_TEST_SUITE(agencies_over_time)

BOOST_AUTO_TEST_CASE(the_map_in_force_on_the_date) {
  const Country country(kClassify, Systems({{"A-TINH", "2022-01-10"}}));
  BOOST_TEST(AgencyIds(country.At("2022-06-30")) ==
                 (std::vector<std::string>{"A-TINH Tỉnh A", "B-TINH Tỉnh B", "BLD Bộ Lao động",
                                           "BNV Bộ Nội vụ", "BYT Bộ Y tế", "C-TINH Tỉnh C",
                                           "HUE Thừa Thiên Huế", "UBDT Ủy ban Dân tộc"}),
             boost::test_tools::per_element());
  BOOST_TEST(AgencyIds(country.At("2026-12-01")) ==
                 (std::vector<std::string>{"BDT Bộ Dân tộc và Tôn giáo", "BNV Bộ Nội vụ",
                                           "BYT Bộ Y tế", "C-TINH Tỉnh C", "HUE Huế"}),
             boost::test_tools::per_element());
  // No finding for an agency that has ceased, none for one that began after the due date.
  for (const Finding& finding : country.At("2026-12-01").findings) {
    BOOST_TEST(finding.agency->id != "A-TINH");
    BOOST_TEST(finding.agency->id != "BLD");
    BOOST_TEST(finding.agency->id != "BDT");
  }
}

BOOST_AUTO_TEST_CASE(records_follow_succession_from_the_effective_date) {
  const Country country(kClassify, Systems({{"A-TINH", "2022-01-10"},
                                            {"A-TINH", "NULL"},
                                            {"B-TINH", "2022-02-10"},
                                            {"C-TINH", "2022-03-10"},
                                            {"C-TINH", "2022-03-10"},
                                            {"C-TINH", "2022-03-10"}}));
  // Before the merger each province's own systems; after it, C-TINH's
  // coverage is over all three provinces' systems, and A-TINH's unmet duty
  // is on C-TINH with its origin and its original due date.
  const std::vector<std::string> before = Lines(country.At("2025-06-30"));
  BOOST_TEST((std::count(before.begin(), before.end(),
                         "classify A-TINH: overdue (1/2) due 2022-09-30") == 1));
  BOOST_TEST(
      (std::count(before.begin(), before.end(), "classify C-TINH: met (3/3) due 2022-09-30") == 1));
  const std::vector<std::string> after = Lines(country.At("2025-07-01"));
  BOOST_TEST(
      (std::count(after.begin(), after.end(),
                  "classify C-TINH: overdue (5/6) due 2022-09-30 <- A-TINH@2025-07-01") == 1));
  // History stays put: as of 2022 nothing moved.
  const std::vector<std::string> in_2022 = Lines(country.At("2022-10-01"));
  BOOST_TEST((std::count(in_2022.begin(), in_2022.end(),
                         "classify B-TINH: met (1/1) due 2022-09-30") == 1));
}

BOOST_AUTO_TEST_CASE(a_met_duty_stays_with_the_predecessor) {
  const Country country(
      kClassify,
      Systems({{"A-TINH", "2022-01-10"}, {"B-TINH", "2022-02-10"}, {"C-TINH", "2022-03-10"}}));
  const std::vector<std::string> lines = Lines(country.At("2026-12-01"));
  BOOST_TEST(
      (std::count(lines.begin(), lines.end(), "classify C-TINH: met (3/3) due 2022-09-30") == 1));
}

BOOST_AUTO_TEST_CASE(a_duty_passes_to_a_successor_outside_its_scope) {
  // Only UBDT owes it; BDT began after the due date, and gets it unmet.
  const Country country(
      Rule("plan", "{agencies: [UBDT]}", "2024-06-30", "{kind: task}") +
          Rule("plan-lapses", "{agencies: [UBDT]}", "2024-06-30", "{kind: task}",
               "    on_succession: lapse\n"),
      "INSERT INTO task (id, agency_id, obligation_id, title, started_on) VALUES "
      "(1, 'UBDT', 'plan', 'T', '2024-01-02'), (2, 'UBDT', 'plan-lapses', 'T', '2024-01-02');\n");
  BOOST_TEST(
      Lines(country.At("2026-12-01")) ==
          (std::vector<std::string>{"plan BDT: overdue (0/1) due 2024-06-30 <- UBDT@2025-03-01"}),
      boost::test_tools::per_element());
  // The successor completes the task it holds now: met late, still saying
  // where it came from; the predecessor's record as of 2024 is unchanged.
  country.database().Execute("UPDATE task SET completed_on = '2025-05-02' WHERE id = 1;");
  BOOST_TEST(
      Lines(country.At("2026-12-01")) ==
          (std::vector<std::string>{"plan BDT: met_late (1/1) due 2024-06-30 <- UBDT@2025-03-01"}),
      boost::test_tools::per_element());
  BOOST_TEST(Lines(country.At("2024-12-01")) ==
                 (std::vector<std::string>{"plan UBDT: overdue (0/1) due 2024-06-30",
                                           "plan-lapses UBDT: overdue (0/1) due 2024-06-30"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_split_passes_to_the_main_successor_or_to_every_one) {
  const Country country(
      Rule("report", "{agencies: [BLD]}", "2024-06-30", "{kind: task}") +
          Rule("report-every", "{agencies: [BLD]}", "2024-06-30", "{kind: task}",
               "    on_succession: every\n"),
      "INSERT INTO task (id, agency_id, obligation_id, title, started_on) VALUES "
      "(1, 'BLD', 'report', 'T', '2024-01-02'), (2, 'BLD', 'report-every', 'T', '2024-01-02');\n");
  // The predecessor's records go to the main successor; with `every`, the
  // other successors owe it too, on their own records.
  BOOST_TEST(Lines(country.At("2026-12-01")) ==
                 (std::vector<std::string>{
                     "report BNV: overdue (0/1) due 2024-06-30 <- BLD@2025-03-01",
                     "report-every BNV: overdue (0/1) due 2024-06-30 <- BLD@2025-03-01",
                     "report-every BYT: overdue due 2024-06-30 <- BLD@2025-03-01"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_recurring_duty_named_by_id_continues_with_the_successor) {
  // Yearly, due 31/12, of BLD: 2023 (met), 2024 (missed) before the split;
  // from 2025 BNV (main successor) owes the series; BYT owes nothing.
  const Country country(
      Rule("yearly", "{agencies: [BLD]}", "{every: year, first: 2023, month_offset: 11, day: last}",
           "{kind: task}"),
      "INSERT INTO task (id, agency_id, obligation_id, period, title, completed_on) VALUES "
      "(1, 'BLD', 'yearly', '2023', 'T', '2023-12-20'), "
      "(2, 'BNV', 'yearly', '2025', 'T', '2025-12-20');\n");
  BOOST_TEST(
      Lines(country.At("2026-06-30")) ==
          (std::vector<std::string>{"yearly BNV 2024: overdue due 2024-12-31 <- BLD@2025-03-01",
                                    "yearly BNV 2025: met (1/1) due 2025-12-31",
                                    "yearly BNV 2026: on_track due 2026-12-31"}),
      boost::test_tools::per_element());
  BOOST_TEST(Lines(country.At("2024-06-30")) ==
                 (std::vector<std::string>{"yearly BLD 2023: met (1/1) due 2023-12-31",
                                           "yearly BLD 2024: on_track due 2024-12-31"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(names_and_kinds_on_the_date) {
  const Country country(kClassify, Systems({{"HUE", "NULL"}}));
  BOOST_TEST(country.At("2024-12-31").findings.front().agency->name == "Thừa Thiên Huế");
  BOOST_TEST(country.At("2025-01-01").findings.front().agency->name == "Huế");
}

BOOST_AUTO_TEST_CASE(until_ends_a_duty) {
  const Country country(Rule("old", "{agencies: [C-TINH]}", "2022-09-30", "{kind: task}",
                             "    issued_on: 2022-06-01\n    until: 2024-09-01\n") +
                            Rule("monthly", "{agencies: [C-TINH]}",
                                 "{every: month, first: 2024-06, month_offset: 0, day: last}",
                                 "{kind: task}", "    until: 2024-09-01\n"),
                        "");
  BOOST_TEST(Lines(country.At("2024-08-31")) ==
                 (std::vector<std::string>{"monthly C-TINH 2024-06: overdue due 2024-06-30",
                                           "monthly C-TINH 2024-07: overdue due 2024-07-31",
                                           "monthly C-TINH 2024-08: at_risk due 2024-08-31",
                                           "old C-TINH: overdue due 2022-09-30"}),
             boost::test_tools::per_element());
  // From `until` no new period; the one-off duty is no longer in force.
  BOOST_TEST(Lines(country.At("2024-12-01")) ==
                 (std::vector<std::string>{"monthly C-TINH 2024-06: overdue due 2024-06-30",
                                           "monthly C-TINH 2024-07: overdue due 2024-07-31",
                                           "monthly C-TINH 2024-08: overdue due 2024-08-31"}),
             boost::test_tools::per_element());
  // Nor before its issued_on.
  BOOST_TEST(Lines(country.At("2022-05-31")).empty());
  BOOST_TEST(Lines(country.At("2022-06-01")) ==
                 (std::vector<std::string>{"old C-TINH: on_track due 2022-09-30"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bad_rows_are_data_issues) {
  const std::string country = R"(
INSERT INTO agency (id, name, kind, valid_from, valid_until) VALUES
 ('A', 'A', 'province', '2020-01-01', '2019-01-01'),
 ('B', 'B', 'province', '2021-02-30', NULL),
 ('C', 'C', 'province', NULL, '2024-01-01'),
 ('D', 'D', 'province', NULL, NULL),
 ('E', 'E', 'province', NULL, NULL),
 ('F', 'F', 'province', NULL, '2024-01-01'),
 ('G', 'G', 'province', NULL, NULL),
 ('H', 'H', 'province', NULL, '2023-01-01');
INSERT INTO agency_version (agency_id, valid_from, name, kind) VALUES
 ('ZZ', '2024-01-01', 'Z', 'province'), ('C', '2025-01-01', 'C2', 'province'),
 ('D', '2024-01-01', 'D2', 'city');
INSERT INTO agency_succession (predecessor_id, successor_id, effective_on, main) VALUES
 ('C', 'ZZ', '2024-01-01', 1), ('C', 'H', '2024-01-01', 0), ('C', 'C', '2024-01-01', 0),
 ('D', 'E', '2024-02-01', 1), ('E', 'D', '2024-02-01', 1),
 ('F', 'G', '2023-06-01', 1), ('F', 'D', '2023-06-01', 1);
)";
  const Country bad(kClassify, "", country);
  BOOST_TEST(
      Issues(bad.At("2023-06-30")) ==
          (std::vector<std::string>{
              "agency A valid_until '2019-01-01': not after valid_from 2020-01-01: the agency "
              "would never exist (both dates ignored)",
              "agency B valid_from '2021-02-30': not an ISO date YYYY-MM-DD (read as NULL: no "
              "limit)",
              "agency_succession C -> C successor_id 'C': an agency cannot succeed itself (row "
              "ignored)",
              "agency_succession C -> H successor_id 'H': the successor does not exist on "
              "2024-01-01 (row ignored)",
              "agency_succession C -> ZZ successor_id 'ZZ': unknown agency (row ignored)",
              "agency_succession D -> E successor_id 'E': a succession cycle D -> E -> D (D's "
              "successions ignored)",
              "agency_succession F -> D effective_on '2023-06-01': differs from the "
              "predecessor's valid_until 2024-01-01: both exist until then",
              "agency_succession F -> D main '2': a split with several main successors: D takes "
              "the predecessor's records",
              "agency_version C 2025-01-01 valid_from '2025-01-01': outside the agency's "
              "validity (row ignored)",
              "agency_version D 2024-01-01 kind 'city': unknown kind (expected ministry, "
              "gov_agency or province); no kind-scoped rule applies",
              "agency_version ZZ 2024-01-01 agency_id 'ZZ': unknown agency (row ignored)"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_database_without_history_is_the_same_map_always) {
  // The schema of before: no validity columns, no version or succession table.
  const std::string old_schema = R"(
CREATE TABLE agency (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, parent_id TEXT);
CREATE TABLE information_system (id INTEGER PRIMARY KEY, agency_id TEXT NOT NULL, name TEXT NOT NULL,
  level INTEGER, level_approved_on TEXT, protection_deployed_on TEXT, monitored_since TEXT,
  connects_population_db INTEGER NOT NULL DEFAULT 0, created_on TEXT, stopped_on TEXT);
CREATE TABLE security_staff (id INTEGER PRIMARY KEY, agency_id TEXT NOT NULL, role TEXT NOT NULL,
  employment TEXT NOT NULL, joined_on TEXT, left_on TEXT);
CREATE TABLE task (id INTEGER PRIMARY KEY, agency_id TEXT NOT NULL, obligation_id TEXT NOT NULL,
  period TEXT, title TEXT NOT NULL, started_on TEXT, progress REAL, completed_on TEXT, evidence TEXT);
CREATE TABLE task_dependency (task_id INTEGER NOT NULL, depends_on INTEGER NOT NULL);
CREATE TABLE measurement (indicator_id TEXT NOT NULL, agency_id TEXT, as_of TEXT NOT NULL,
  value REAL NOT NULL, source TEXT);
INSERT INTO agency VALUES ('A-TINH', 'Tỉnh A', 'province', NULL);
INSERT INTO information_system (id, agency_id, name) VALUES (1, 'A-TINH', 'S');
)";
  const testing::TestDatabase database(old_schema);
  const testing::TestRules folder({{"test.yaml", "obligations:\n" + kClassify}});
  Diagnostics diagnostics;
  const RuleSet rules = LoadCheckedRules(folder.path(), diagnostics);
  RecordStore store = RecordStore::Open(database.path());
  CheckAgainstDatabase(rules, store, diagnostics);
  BOOST_TEST(!diagnostics.HasErrors());
  EngineOptions options;
  options.as_of = Date(2030, 1, 1);
  const Report report = Evaluate(rules, store, options);
  BOOST_TEST(
      Lines(report) == (std::vector<std::string>{"classify A-TINH: overdue (0/1) due 2022-09-30"}),
      boost::test_tools::per_element());
  BOOST_TEST(report.data_issues.empty());
  BOOST_TEST(!report.dataset.sample);
}

BOOST_AUTO_TEST_CASE(the_dataset_says_whether_it_is_sample_data) {
  const Country country(kClassify, "INSERT INTO dataset VALUES ('Mẫu', 1, 'Dữ liệu mẫu');");
  const Report report = country.At("2022-06-30");
  BOOST_TEST(report.dataset.sample);
  BOOST_TEST(report.dataset.name == "Mẫu");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

// The task scan cut into id ranges reads the same tasks, snapshots and
// issues as one pass, whatever the ids (sparse, negative, the int64 ends).
#include "eval/task_scan.hpp"

#include "dxcomply/work_calendar.hpp"

#include "cli/run_inputs.hpp"
#include "records/schema_check.hpp"
#include "store/record_store.hpp"
#include "support/test_files.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace dxcomply {
namespace {

const std::string kRecords =
    "INSERT INTO agency (id, name, kind, parent_id) VALUES ('BCA', 'Bộ Công an', 'ministry', "
    "NULL),\n"
    " ('HA-NOI', 'Hà Nội', 'province', NULL);\n"
    "INSERT INTO task (id, agency_id, obligation_id, period, title, started_on, progress, "
    "completed_on) VALUES\n"
    " (-9223372036854775808, 'BCA', 'plan', '2022', 'a', '2022-01-10', 0.5, NULL),\n"
    " (-7, 'HA-NOI', 'plan', '2022', 'b', '2022-02-01', 1, '2022-03-01'),\n"
    " (1, 'HA-NOI', 'internal-1', NULL, 'c', NULL, NULL, NULL),\n"
    " (2, 'NOWHERE', 'plan', '2022', 'd', NULL, NULL, NULL),\n"
    " (3, 'BCA', 'plan', '2022', 'e', '30/01/2022', 1.5, NULL),\n"
    " (1000000, 'BCA', 'plan', '2022', 'f', '2022-05-01', 0.2, NULL),\n"
    " (9223372036854775807, 'HA-NOI', 'plan', '2022', 'g', '2022-06-01', 0.1, NULL);\n";

const std::string kRules =
    "obligations:\n"
    "  - id: plan\n    title: Kế hoạch\n    source: {document: D}\n"
    "    applies_to: {kinds: [ministry, province]}\n    due: 2022-09-30\n"
    "    period: '2022'\n    check: {kind: task}\n";

// Everything a scan leaves behind, as text, to compare two scans.
struct ScanOutcome {
  std::vector<std::string> tasks;
  std::vector<std::string> issues;
  std::vector<std::string> counts;
  int parts = 0;
};

ScanOutcome Scan(const testing::TestDatabase& database, const RuleSet& declared,
                 std::int64_t ids_per_part) {
  RecordStore store = RecordStore::Open(database.path());
  store.BeginSnapshot();
  RuleSet rules = declared;
  MarkMissingColumns(rules, store);  // as Evaluate does: task.recorded_on is optional
  std::vector<DataIssue> issues;
  const AgencyDirectory agencies = AgencyDirectory::Read(store, issues);
  const WorkCalendar calendar = WorkCalendar::Statutory();
  const Deadlines deadlines(calendar);
  const Date as_of(2022, 8, 1);
  InstanceTable instances(rules, agencies, -1, deadlines, as_of);
  MeasureBook book(rules, instances, as_of);
  book.AllocateCounts();
  TaskScan scan({store, rules, agencies, instances, deadlines, as_of, book, issues}, ids_per_part);
  ScanOutcome outcome;
  outcome.parts = scan.part_count();
  // Read backwards, as a second thread might take them.
  for (int part = scan.part_count() - 1; part >= 0; --part) scan.ReadPart(part, store);
  // The two halves at once, as Evaluate runs them.
  TaskRecords tasks;
  std::thread book_half([&] { scan.FillBook(); });
  tasks = scan.TakeRecords();
  book_half.join();
  store.EndSnapshot();
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    outcome.tasks.push_back(
        std::to_string(tasks.ids[i]) + " instance " + std::to_string(tasks.instance[i]) +
        " agency " + std::to_string(tasks.agency[i]) + " done " + std::to_string(tasks.done[i]));
  }
  for (const DataIssue& issue : issues) {
    outcome.issues.push_back(issue.table + " " + issue.row_id + " " + issue.column + ": " +
                             issue.problem);
  }
  for (int i = 0; i < instances.size(); ++i) {
    book.FinishTasks(i, deadlines);
    const InstanceCounts& counts = book.counts(i);
    const TaskOutlook& task = counts.task;
    outcome.counts.push_back(
        std::to_string(counts.base[kAtAsOf]) + "/" + std::to_string(counts.hits[kAtAsOf]) +
        " finishing " + std::to_string(task.finishing) + " behind " + std::to_string(task.behind) +
        " late " + std::to_string(task.late_to_start) + " to start " +
        std::to_string(task.to_start) + " issues " + std::to_string(counts.issue_rows));
  }
  return outcome;
}

BOOST_AUTO_TEST_SUITE(task_scan)

RuleSet Rules(const testing::TestRules& folder) {
  Diagnostics diagnostics;
  RuleSet rules = LoadCheckedRules(folder.path(), diagnostics);
  BOOST_TEST_REQUIRE(!diagnostics.HasErrors());
  return rules;
}

BOOST_AUTO_TEST_CASE(parts_read_what_one_pass_reads) {
  const testing::TestRules folder({{"rules.yaml", kRules}});
  const RuleSet rules = Rules(folder);

  // The reference: the id an ordinary column, so the table is read in one
  // part (ranges of a column that is not the rowid could miss rows).
  std::string schema = testing::SchemaSql();
  const std::string key = "id            INTEGER PRIMARY KEY,";
  const std::size_t at = schema.find(key, schema.find("CREATE TABLE task ("));
  BOOST_TEST_REQUIRE(at != std::string::npos);
  schema.replace(at, key.size(), "id            INTEGER NOT NULL,");
  const ScanOutcome whole = Scan(testing::TestDatabase(schema + kRecords), rules, 1);
  BOOST_TEST(whole.parts == 1);
  BOOST_TEST(whole.tasks.size() == 7u);
  BOOST_TEST(whole.tasks.front() == "-9223372036854775808 instance 0 agency 0 done 0");
  BOOST_TEST(whole.tasks.back() == "9223372036854775807 instance 1 agency 1 done 0");
  // An unknown agency and two bad values, each reported once.
  BOOST_TEST(whole.issues.size() == 3u);
  BOOST_TEST(whole.counts.size() == 2u);

  const testing::TestDatabase database(testing::SchemaSql() + kRecords);
  for (const std::int64_t ids_per_part :
       {std::int64_t{1}, std::int64_t{2}, std::int64_t{1000}, INT64_MAX}) {
    BOOST_TEST_CONTEXT("ids per part " << ids_per_part) {
      const ScanOutcome cut = Scan(database, rules, ids_per_part);
      // The ids span the whole int64 range: 2^64 / 2^63 rounds to 3 parts.
      BOOST_TEST(cut.parts ==
                 (ids_per_part == INT64_MAX ? 3 : static_cast<int>(TaskScan::kMaxParts)));
      BOOST_TEST(cut.tasks == whole.tasks, boost::test_tools::per_element());
      BOOST_TEST(cut.issues == whole.issues, boost::test_tools::per_element());
      BOOST_TEST(cut.counts == whole.counts, boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(ids_close_together_make_few_parts) {
  const testing::TestRules folder({{"rules.yaml", kRules}});
  const testing::TestDatabase database(
      testing::SchemaSql() +
      "INSERT INTO agency (id, name, kind, parent_id) VALUES ('BCA', 'Bộ Công an', 'ministry', "
      "NULL);\n"
      "INSERT INTO task (id, agency_id, obligation_id, title) VALUES (10, 'BCA', 'plan', 'a'),"
      " (11, 'BCA', 'plan', 'b'), (12, 'BCA', 'plan', 'c'), (14, 'BCA', 'plan', 'd');\n");
  const RuleSet rules = Rules(folder);
  BOOST_TEST(Scan(database, rules, TaskScan::kIdsPerPart).parts == 1);
  const ScanOutcome by_two = Scan(database, rules, 2);  // 10-11, 12-13, 14
  BOOST_TEST(by_two.parts == 3);
  BOOST_TEST(by_two.tasks.size() == 4u);
  // An empty table has no id span: one part, no tasks.
  const testing::TestDatabase empty(testing::SchemaSql());
  const ScanOutcome none = Scan(empty, rules, 2);
  BOOST_TEST(none.parts == 1);
  BOOST_TEST(none.tasks.empty());
}

BOOST_AUTO_TEST_CASE(tasks_are_found_by_id_across_the_whole_int64_range) {
  TaskRecords tasks;
  tasks.ids = {INT64_MIN, -7, 1, 2, 3, 1000000, INT64_MAX};
  for (std::size_t i = 0; i < tasks.ids.size(); ++i) {
    BOOST_TEST(tasks.Find(tasks.ids[i]) == static_cast<std::int64_t>(i));
  }
  for (const std::int64_t missing :
       {INT64_MIN + 1, std::int64_t{0}, std::int64_t{4}, INT64_MAX - 1}) {
    BOOST_TEST(tasks.Find(missing) == -1);
  }
  // A dense run: found by offset, and nothing outside it.
  TaskRecords dense;
  dense.ids = {INT64_MAX - 2, INT64_MAX - 1, INT64_MAX};
  BOOST_TEST(dense.Find(INT64_MAX) == 2);
  BOOST_TEST(dense.Find(INT64_MIN) == -1);
  BOOST_TEST(dense.Find(INT64_MAX - 3) == -1);
  BOOST_TEST(TaskRecords().Find(1) == -1);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

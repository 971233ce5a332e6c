// Extensions and waivers (table `exception`) through Evaluate(): in force as
// of T only when granted by then and not expired; an extension moves the due
// date and everything that follows from it; a waiver gives `waived`, and a
// waived upstream holds nothing back. Also validate's diagnostics.
#include "dxcomply/engine.hpp"

#include "cli/run_inputs.hpp"
#include "eval/exception_check.hpp"
#include "store/record_store.hpp"
#include "support/test_files.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>  // prints Date in failures
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace dxcomply {
namespace {

const std::string kAgencies =
    "INSERT INTO agency (id, name, kind, parent_id) VALUES ('BTP', 'Bộ Tư pháp', 'ministry', "
    "NULL),\n"
    " ('HA-NOI', 'Hà Nội', 'province', NULL), ('HUE', 'Huế', 'province', NULL);\n";

// Hà Nội's systems approval, due 2022-09-30; two systems, one approved.
const std::string kApprove =
    "  - id: approve\n    title: Phê duyệt cấp độ\n    source: {document: D}\n"
    "    applies_to: {agencies: [HA-NOI]}\n    due: 2022-09-30\n"
    "    check: {kind: coverage, table: information_system, "
    "satisfied: [{column: level_approved_on, op: not_null}]}\n";
std::string Systems(const std::string& second_approved = "NULL") {
  return "INSERT INTO information_system (id, agency_id, name, level_approved_on, created_on) "
         "VALUES (1, 'HA-NOI', 'Cổng', '2022-03-01', '2020-01-01'), (2, 'HA-NOI', 'Một cửa', " +
         second_approved + ", '2020-01-01');\n";
}

// A task rule; `more` adds keys.
std::string TaskRule(const std::string& id, const std::string& applies_to, const std::string& due,
                     const std::string& more = "") {
  return "  - id: " + id + "\n    title: Title of " + id +
         "\n    source: {document: D}\n    applies_to: " + applies_to + "\n    due: " + due +
         "\n    check: {kind: task}\n" + more;
}

std::string Task(int id, const std::string& agency, const std::string& obligation,
                 const std::string& extra_columns = "", const std::string& extra_values = "") {
  return "INSERT INTO task (id, agency_id, obligation_id, title, started_on" + extra_columns +
         ") VALUES (" + std::to_string(id) + ", '" + agency + "', '" + obligation + "', 'Task " +
         std::to_string(id) + "', '2022-01-01'" + extra_values + ");\n";
}

// An exception row; "NULL" for no value.
struct Row {
  std::string obligation;
  std::string agency;
  std::string kind;
  std::string new_due = "NULL";
  std::string document_date = "2022-09-20";
  std::string expires_on = "NULL";
  std::string period = "NULL";
  std::string document_number = "12/BCĐ-BTTTT";
};

std::string Quoted(const std::string& value) { return value == "NULL" ? value : "'" + value + "'"; }

std::string Exceptions(const std::vector<Row>& rows) {
  std::string sql;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    sql +=
        "INSERT INTO exception (id, obligation_id, agency_id, period, kind, new_due, "
        "document_number, document_date, granted_by, reason, expires_on) VALUES (" +
        std::to_string(i + 1) + ", '" + row.obligation + "', '" + row.agency + "', " +
        Quoted(row.period) + ", '" + row.kind + "', " + Quoted(row.new_due) + ", '" +
        row.document_number + "', " + Quoted(row.document_date) + ", 'Ban Chỉ đạo', 'Lý do', " +
        Quoted(row.expires_on) + ");\n";
  }
  return sql;
}

EngineOptions Options(const Date& as_of) {
  EngineOptions options;
  options.as_of = as_of;
  return options;
}

// Rules and a database, checked against each other as the CLI does.
class Fixture {
 public:
  // `against_database`: also check the rules against the database, which
  // must raise nothing.
  Fixture(const std::string& obligations, const std::string& records, bool against_database = true)
      : database_(testing::SchemaSql() + kAgencies + records),
        folder_({{"test.yaml", "obligations:\n" + obligations}}) {
    Diagnostics diagnostics;
    rules_ = LoadCheckedRules(folder_.path(), diagnostics);
    if (!diagnostics.HasErrors() && against_database) {
      RecordStore store = RecordStore::Open(database_.path());
      CheckAgainstDatabase(rules_, store, diagnostics);
    }
    BOOST_TEST_REQUIRE(Text(diagnostics) == "");
  }

  Report At(const Date& as_of) const {
    RecordStore store = RecordStore::Open(database_.path());
    return Evaluate(rules_, store, Options(as_of));
  }

  // What `validate --db` says of the exception rows.
  std::string Validate() const {
    RecordStore store = RecordStore::Open(database_.path());
    Diagnostics diagnostics;
    CheckExceptions(rules_, store, WorkCalendar::Statutory(), diagnostics);
    return Text(diagnostics);
  }

  const testing::TestDatabase& database() const { return database_; }

 private:
  static std::string Text(const Diagnostics& diagnostics) {
    std::string all;
    for (const Diagnostic& diagnostic : diagnostics.Sorted()) {
      // The database's temporary path is not the point.
      std::string line = diagnostic.ToString();
      line = line.substr(line.find(": ") + 2);
      all += line + "\n";
    }
    return all;
  }

  testing::TestDatabase database_;
  testing::TestRules folder_;
  RuleSet rules_;
};

const Finding& Find(const Report& report, const std::string& obligation, const std::string& agency,
                    const std::string& period = "") {
  for (const Finding& finding : report.findings) {
    if (finding.obligation->id == obligation && finding.agency->id == agency &&
        finding.period == period) {
      return finding;
    }
  }
  BOOST_FAIL("no finding for " + obligation + " x " + agency);
  static const Finding none;
  return none;
}

std::string Says(const Report& report, const std::string& obligation, const std::string& agency,
                 const std::string& period = "") {
  const Finding& finding = Find(report, obligation, agency, period);
  return std::string(StatusName(finding.status)) + ": " + finding.reason;
}

std::vector<std::string> Issues(const Report& report) {
  std::vector<std::string> lines;
  for (const DataIssue& issue : report.data_issues) {
    lines.push_back(issue.table + " " + issue.row_id + " " + issue.column + " '" + issue.value +
                    "': " + issue.problem);
  }
  return lines;
}

const Date kOctober10(2022, 10, 10);
const std::string kOverdue =
    "overdue: 50% (1/2), target 100%, 10 days past the due date 2022-09-30";

BOOST_AUTO_TEST_SUITE(exceptions)

BOOST_AUTO_TEST_CASE(an_extension_moves_the_due_date_and_all_that_follows) {
  const Fixture fixture(kApprove,
                        Systems() + Exceptions({{"approve", "HA-NOI", "extension", "2022-12-31"}}));
  const Report report = fixture.At(kOctober10);
  const Finding& finding = Find(report, "approve", "HA-NOI");
  BOOST_TEST(Says(report, "approve", "HA-NOI") ==
             "at_risk: 50% (1/2), target 100%; at the pace of the last 30 days it would reach "
             "50% by 2022-12-31; due date extended from 2022-09-30 to 2022-12-31 by "
             "12/BCĐ-BTTTT of 2022-09-20 (Ban Chỉ đạo)");
  BOOST_TEST((finding.due == std::optional<Date>(Date(2022, 12, 31))));
  BOOST_TEST((finding.original_due == std::optional<Date>(Date(2022, 9, 30))));
  BOOST_TEST(finding.days_left == 82);
  BOOST_TEST(finding.days_overdue == 0);
  BOOST_TEST((finding.warn_from == std::optional<Date>(Date(2022, 12, 17))));
  BOOST_TEST((finding.latest_start == std::optional<Date>(Date(2022, 12, 17))));
  BOOST_TEST(finding.at_due.numerator == 1);  // v(min(T, due)) = v(T)
  BOOST_TEST_REQUIRE(finding.exception != nullptr);
  BOOST_TEST(ExceptionKindName(finding.exception->kind) == std::string("extension"));
  BOOST_TEST(finding.exception->row_id == "1");
  BOOST_TEST(finding.exception->document_number == "12/BCĐ-BTTTT");
  BOOST_TEST(finding.exception->document_date == Date(2022, 9, 20));
  BOOST_TEST(finding.exception->granted_by == "Ban Chỉ đạo");
  BOOST_TEST(finding.exception->reason == "Lý do");
  BOOST_TEST(!finding.exception->expires_on.has_value());

  // After the new due date it is overdue from that date.
  BOOST_TEST(Says(fixture.At(Date(2023, 1, 10)), "approve", "HA-NOI") ==
             "overdue: 50% (1/2), target 100%, 10 days past the due date 2022-12-31; due date "
             "extended from 2022-09-30 to 2022-12-31 by 12/BCĐ-BTTTT of 2022-09-20 (Ban Chỉ "
             "đạo)");
}

BOOST_AUTO_TEST_CASE(reached_by_the_extended_date_is_met_not_met_late) {
  const std::string extension = Exceptions({{"approve", "HA-NOI", "extension", "2022-12-31"}});
  const Fixture without(kApprove, Systems("'2022-11-15'"));
  BOOST_TEST(StatusName(Find(without.At(Date(2023, 1, 10)), "approve", "HA-NOI").status) ==
             std::string("met_late"));
  const Fixture with(kApprove, Systems("'2022-11-15'") + extension);
  BOOST_TEST(StatusName(Find(with.At(Date(2023, 1, 10)), "approve", "HA-NOI").status) ==
             std::string("met"));
}

BOOST_AUTO_TEST_CASE(an_exception_granted_after_t_changes_nothing) {
  const Fixture fixture(
      kApprove,
      Systems() + Exceptions({{"approve", "HA-NOI", "extension", "2022-12-31", "2022-10-11"}}));
  const Report report = fixture.At(kOctober10);
  BOOST_TEST(Says(report, "approve", "HA-NOI") == kOverdue);
  BOOST_TEST(Find(report, "approve", "HA-NOI").exception == nullptr);
  BOOST_TEST(!Find(report, "approve", "HA-NOI").original_due.has_value());
  // Granted on T: in force.
  BOOST_TEST(StatusName(Find(fixture.At(Date(2022, 10, 11)), "approve", "HA-NOI").status) ==
             std::string("at_risk"));
}

BOOST_AUTO_TEST_CASE(an_expired_exception_changes_nothing) {
  // Expires on T: no longer in force; the day after T: still in force.
  const Fixture expired(kApprove, Systems() + Exceptions({{"approve", "HA-NOI", "waiver", "NULL",
                                                           "2022-09-20", "2022-10-10"}}));
  BOOST_TEST(Says(expired.At(kOctober10), "approve", "HA-NOI") == kOverdue);
  BOOST_TEST(Find(expired.At(kOctober10), "approve", "HA-NOI").exception == nullptr);
  BOOST_TEST(Says(expired.At(Date(2022, 10, 9)), "approve", "HA-NOI") ==
             "waived: waived by 12/BCĐ-BTTTT of 2022-09-20 (Ban Chỉ đạo): Lý do; expires on "
             "2022-10-10");
}

BOOST_AUTO_TEST_CASE(an_extension_to_an_earlier_date_changes_nothing) {
  const Fixture fixture(kApprove,
                        Systems() + Exceptions({{"approve", "HA-NOI", "extension", "2022-09-30"},
                                                {"approve", "HA-NOI", "extension", "NULL"}}));
  const Report report = fixture.At(kOctober10);
  BOOST_TEST(Says(report, "approve", "HA-NOI") == kOverdue);
  BOOST_TEST(Find(report, "approve", "HA-NOI").exception == nullptr);
}

BOOST_AUTO_TEST_CASE(a_waiver_is_waived_never_overdue_and_listed_on_its_own) {
  const Fixture fixture(kApprove, Systems() + Exceptions({{"approve", "HA-NOI", "waiver"}}));
  const Report report = fixture.At(kOctober10);
  const Finding& finding = Find(report, "approve", "HA-NOI");
  BOOST_TEST(Says(report, "approve", "HA-NOI") ==
             "waived: waived by 12/BCĐ-BTTTT of 2022-09-20 (Ban Chỉ đạo): Lý do");
  BOOST_TEST(finding.days_overdue == 0);
  BOOST_TEST(finding.days_left == 0);
  BOOST_TEST(finding.grounds == 0);
  BOOST_TEST((finding.due == std::optional<Date>(Date(2022, 9, 30))));
  BOOST_TEST(!finding.original_due.has_value());
  BOOST_TEST(!finding.latest_start.has_value());
  BOOST_TEST(finding.at_as_of.numerator == 1);  // still measured, for the record
  BOOST_TEST(NothingOwed(finding.status));
}

BOOST_AUTO_TEST_CASE(waived_comes_after_met_in_the_worst_first_order) {
  const std::string rules = kApprove + TaskRule("plan", "{agencies: [HA-NOI]}", "2022-06-30") +
                            TaskRule("guide", "{agencies: [HA-NOI]}", "2022-06-30");
  const Fixture fixture(
      rules, Systems() + Task(1, "HA-NOI", "plan", ", completed_on", ", '2022-06-01'") +
                 Task(2, "HA-NOI", "guide") + Exceptions({{"guide", "HA-NOI", "waiver"}}));
  std::vector<std::string> order;
  for (const Finding& finding : fixture.At(kOctober10).findings) {
    order.push_back(finding.obligation->id + ": " + StatusName(finding.status));
  }
  BOOST_TEST(order == (std::vector<std::string>{"approve: overdue", "plan: met", "guide: waived"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_waived_upstream_blocks_nothing) {
  // plan (Hà Nội, on pace) depends on the Ministry's guide, overdue.
  const std::string rules = TaskRule("guide", "{agencies: [BTP]}", "2022-06-15") +
                            TaskRule("plan", "{agencies: [HA-NOI]}", "2022-12-31",
                                     "    depends_on: [{obligation: guide, agency: BTP}]\n");
  const std::string tasks = Task(10, "BTP", "guide") +
                            Task(1, "HA-NOI", "plan", ", progress", ", 0.5") +
                            "UPDATE task SET started_on = "
                            "'2022-06-01' WHERE id = 1;\n";
  const Date as_of(2022, 6, 30);
  const Fixture blocked(rules, tasks);
  BOOST_TEST(Says(blocked.At(as_of), "plan", "HA-NOI") ==
             "at_risk: blocked by Bộ Tư pháp · guide (overdue 15 days)");
  BOOST_TEST(Find(blocked.At(as_of), "guide", "BTP").holds_back == 1);

  const Fixture waived(rules,
                       tasks + Exceptions({{"guide", "BTP", "waiver", "NULL", "2022-06-20"}}));
  const Report report = waived.At(as_of);
  BOOST_TEST(StatusName(Find(report, "guide", "BTP").status) == std::string("waived"));
  BOOST_TEST(Find(report, "guide", "BTP").holds_back == 0);
  BOOST_TEST(Says(report, "plan", "HA-NOI") ==
             "on_track: not completed, due 2022-12-31 in 184 days, on pace");
  BOOST_TEST(Find(report, "plan", "HA-NOI").blocked_by.empty());
}

BOOST_AUTO_TEST_CASE(a_waived_duty_passes_on_no_blocking_from_its_own_upstream) {
  // rollout waits on plan, which waits on the Ministry's overdue guide.
  const std::string rules =
      TaskRule("guide", "{agencies: [BTP]}", "2022-06-15") +
      TaskRule("plan", "{agencies: [HA-NOI]}", "2022-12-31",
               "    depends_on: [{obligation: guide, agency: BTP}]\n") +
      TaskRule("rollout", "{agencies: [HA-NOI]}", "2022-12-31", "    depends_on: [plan]\n");
  const std::string tasks = Task(10, "BTP", "guide") + Task(1, "HA-NOI", "plan") +
                            Task(2, "HA-NOI", "rollout", ", progress", ", 0.5") +
                            "UPDATE task SET started_on = '2022-06-01' WHERE id = 2;\n";
  const Date as_of(2022, 6, 30);
  BOOST_TEST(Says(Fixture(rules, tasks).At(as_of), "rollout", "HA-NOI") ==
             "at_risk: blocked by Bộ Tư pháp · guide (overdue 15 days) via Hà Nội · plan (at "
             "risk, 184 days left)");
  const Report report =
      Fixture(rules, tasks + Exceptions({{"plan", "HA-NOI", "waiver", "NULL", "2022-06-20"}}))
          .At(as_of);
  BOOST_TEST(Says(report, "rollout", "HA-NOI") ==
             "on_track: not completed, due 2022-12-31 in 184 days, on pace");
  BOOST_TEST(Find(report, "guide", "BTP").holds_back == 0);
}

BOOST_AUTO_TEST_CASE(a_waived_upstream_blocks_nothing_through_tasks) {
  const std::string rules = TaskRule("guide", "{agencies: [BTP]}", "2022-06-15") +
                            TaskRule("plan", "{kinds: [province]}", "2022-12-31");
  const std::string tasks = Task(10, "BTP", "guide") +
                            Task(1, "HA-NOI", "plan", ", progress", ", 0.5") +
                            "UPDATE task SET started_on = '2022-06-01' WHERE id = 1;\n"
                            "INSERT INTO task_dependency VALUES (1, 10);\n";
  const Date as_of(2022, 6, 30);
  BOOST_TEST(Says(Fixture(rules, tasks).At(as_of), "plan", "HA-NOI") ==
             "at_risk: blocked by task 10 'Task 10' of Bộ Tư pháp · guide (overdue 15 days)");
  const Report report =
      Fixture(rules, tasks + Exceptions({{"guide", "BTP", "waiver", "NULL", "2022-06-20"}}))
          .At(as_of);
  BOOST_TEST(Says(report, "plan", "HA-NOI") ==
             "on_track: not completed, due 2022-12-31 in 184 days, on pace");
}

BOOST_AUTO_TEST_CASE(a_recurring_duty_one_period_or_every_period) {
  // A quarterly report, due the 15th after each quarter.
  const std::string rules = TaskRule("report", "{agencies: [HA-NOI, HUE]}",
                                     "{every: quarter, first: 2022-Q1, month_offset: 3, day: 15}");
  const Fixture fixture(
      rules,
      Exceptions({{"report", "HA-NOI", "extension", "2022-08-31", "2022-07-01", "NULL", "2022-Q2"},
                  {"report", "HUE", "waiver", "NULL", "2022-07-01"}}));
  const Report report = fixture.At(Date(2022, 8, 1));
  BOOST_TEST(StatusName(Find(report, "report", "HA-NOI", "2022-Q1").status) ==
             std::string("overdue"));
  const Finding& extended = Find(report, "report", "HA-NOI", "2022-Q2");
  BOOST_TEST(StatusName(extended.status) != std::string("overdue"));
  BOOST_TEST((extended.due == std::optional<Date>(Date(2022, 8, 31))));
  BOOST_TEST((extended.original_due == std::optional<Date>(Date(2022, 7, 15))));
  for (const char* period : {"2022-Q1", "2022-Q2", "2022-Q3"}) {
    BOOST_TEST(StatusName(Find(report, "report", "HUE", period).status) == std::string("waived"));
  }
}

BOOST_AUTO_TEST_CASE(of_two_in_force_the_later_document_wins) {
  const Fixture fixture(
      kApprove, Systems() + Exceptions({{"approve", "HA-NOI", "waiver", "NULL", "2022-10-01"},
                                        {"approve", "HA-NOI", "extension", "2022-12-31"}}));
  // On 2022-09-25 only the extension (of 2022-09-20) is granted.
  BOOST_TEST(StatusName(Find(fixture.At(Date(2022, 9, 25)), "approve", "HA-NOI").status) ==
             std::string("at_risk"));
  BOOST_TEST(StatusName(Find(fixture.At(kOctober10), "approve", "HA-NOI").status) ==
             std::string("waived"));
  BOOST_TEST(fixture.Validate() ==
             "warning [approve]: table 'exception', row 2, column document_date: in force on the "
             "same days as row 1 (from 2022-10-01) for 'approve', HA-NOI, every period; the "
             "later document wins (row 1)\n");
}

BOOST_AUTO_TEST_CASE(rows_that_break_the_contract_are_data_issues_and_not_honoured) {
  Row bad_date{"approve", "HA-NOI", "extension", "2022-12-31", "20/09/2022"};
  Row bad_new_due{"approve", "HA-NOI", "extension", "2022-12-32"};
  Row unknown_agency{"approve", "HA-TAY", "waiver"};
  const Fixture fixture(kApprove, Systems() + Exceptions({bad_date, bad_new_due, unknown_agency}));
  const Report report = fixture.At(kOctober10);
  BOOST_TEST(Says(report, "approve", "HA-NOI") == kOverdue);
  BOOST_TEST(
      Issues(report) == (std::vector<std::string>{
                            "exception 1 document_date '20/09/2022': not an ISO date YYYY-MM-DD",
                            "exception 2 new_due '2022-12-32': no such date",
                            "exception 3 agency_id 'HA-TAY': unknown agency (not counted for any "
                            "agency)"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_database_without_the_table_has_no_exceptions) {
  // (validate warns of the missing table; the run goes on)
  const Fixture fixture(kApprove, Systems() + "DROP TABLE exception;\n", false);
  BOOST_TEST(Says(fixture.At(kOctober10), "approve", "HA-NOI") == kOverdue);
}

BOOST_AUTO_TEST_CASE(an_extension_of_a_due_date_counted_from_an_event) {
  // connect is due 30 days after approve is met (2022-03-01 and 2022-06-01).
  const std::string rules =
      kApprove + TaskRule("connect", "{agencies: [HA-NOI]}", "{after: approve, days: 30}");
  const std::string records = Systems("'2022-06-01'") + Task(5, "HA-NOI", "connect");
  BOOST_TEST(Says(Fixture(rules, records).At(Date(2022, 7, 11)), "connect", "HA-NOI") ==
             "overdue: not completed, 10 days past the due date 2022-07-01");
  const Report report = Fixture(rules, records + Exceptions({{"connect", "HA-NOI", "extension",
                                                              "2022-08-31", "2022-06-20"}}))
                            .At(Date(2022, 7, 11));
  const Finding& finding = Find(report, "connect", "HA-NOI");
  BOOST_TEST((finding.due == std::optional<Date>(Date(2022, 8, 31))));
  BOOST_TEST((finding.original_due == std::optional<Date>(Date(2022, 7, 1))));
  BOOST_TEST(StatusName(finding.status) != std::string("overdue"));
}

BOOST_AUTO_TEST_CASE(an_extension_of_per_record_due_dates_is_a_floor) {
  // Each system must be approved 30 days after it is created.
  const std::string rules =
      "  - id: approve-new\n    title: T\n    source: {document: D}\n"
      "    applies_to: {agencies: [HA-NOI]}\n    due: {after_column: created_on, days: 30}\n"
      "    check: {kind: coverage, table: information_system, "
      "satisfied: [{column: level_approved_on, op: not_null}]}\n";
  const std::string systems =
      "INSERT INTO information_system (id, agency_id, name, created_on) VALUES "
      "(1, 'HA-NOI', 'Cổng', '2022-09-01');\n";
  BOOST_TEST(
      StatusName(Find(Fixture(rules, systems).At(kOctober10), "approve-new", "HA-NOI").status) ==
      std::string("overdue"));
  const Report report =
      Fixture(rules, systems + Exceptions({{"approve-new", "HA-NOI", "extension", "2022-10-31"}}))
          .At(kOctober10);
  const Finding& finding = Find(report, "approve-new", "HA-NOI");
  BOOST_TEST(StatusName(finding.status) != std::string("overdue"));
  BOOST_TEST((finding.due == std::optional<Date>(Date(2022, 10, 31))));
  BOOST_TEST(finding.reason.find("rows due before 2022-10-31 are due then, extended by "
                                 "12/BCĐ-BTTTT of 2022-09-20 (Ban Chỉ đạo)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(validate_names_the_table_row_and_column_of_each_problem) {
  const std::string rules =
      kApprove + TaskRule("drill", "{kinds: [province]}", "2022-11-30", "    period: \"2022\"\n");
  const Fixture fixture(
      rules, Exceptions({
                 {"approve", "HA-NOI", "extension", "2022-12-31"},                   // fine
                 {"aprove", "HA-NOI", "waiver"},                                     // 2
                 {"approve", "HA-TAY", "waiver"},                                    // 3
                 {"approve", "HA-NOI", "extension", "2022-12-31", "30/09/2022"},     // 4
                 {"approve", "HA-NOI", "extension"},                                 // 5
                 {"approve", "HUE", "waiver"},                                       // 6
                 {"drill", "HUE", "waiver", "NULL", "2022-09-20", "NULL", "2023"},   // 7
                 {"drill", "HUE", "extension", "2022-11-01"},                        // 8
                 {"drill", "HA-NOI", "waiver", "2022-12-31"},                        // 9
                 {"drill", "HA-NOI", "waiver", "NULL", "2022-09-20", "2022-09-01"},  // 10
             }));
  BOOST_TEST(fixture.Validate() ==
             "error: table 'exception', row 2, column obligation_id: unknown obligation 'aprove'; "
             "the exception is not honoured\n"
             "error: table 'exception', row 3, column agency_id: agency 'HA-TAY' is not in the "
             "agency table; the exception is not honoured\n"
             "error: table 'exception', row 4, column document_date: '30/09/2022' not an ISO "
             "date YYYY-MM-DD; the exception is not honoured\n"
             "warning [approve]: table 'exception', row 5, column new_due: an extension without "
             "a new due date; the exception is not honoured\n"
             "warning [approve]: table 'exception', row 6, column agency_id: obligation "
             "'approve' does not apply to HUE; nothing to extend or waive\n"
             "warning [drill]: table 'exception', row 7, column period: 'drill' has no period "
             "'2023' (its period is 2022); the exception is not honoured\n"
             "warning [drill]: table 'exception', row 8, column new_due: 2022-11-01 is not after "
             "the due date 2022-11-30; the extension extends nothing\n"
             "warning [drill]: table 'exception', row 9, column new_due: a waiver has no new due "
             "date; 2022-12-31 is ignored\n"
             "warning [drill]: table 'exception', row 10, column expires_on: 2022-09-01 is not "
             "after document_date 2022-09-20; the exception is never in force\n");
}

BOOST_AUTO_TEST_CASE(validate_checks_a_recurring_duty_s_periods) {
  const std::string rules = TaskRule("report", "{agencies: [HA-NOI]}",
                                     "{every: quarter, first: 2022-Q1, last: 2022-Q4, "
                                     "month_offset: 3, day: 15}");
  const Fixture fixture(
      rules, Exceptions({{"report", "HA-NOI", "waiver", "NULL", "2022-09-20", "NULL", "2022-Q3"},
                         {"report", "HA-NOI", "waiver", "NULL", "2022-09-20", "NULL", "2023-Q1"},
                         {"report", "HA-NOI", "waiver", "NULL", "2022-09-20", "NULL", "2022-09"},
                         {"report", "HA-NOI", "extension", "2022-04-01"}}));
  BOOST_TEST(fixture.Validate() ==
             "warning [report]: table 'exception', row 2, column period: '2023-Q1' is not a "
             "period of 'report' (from 2022-Q1 to 2022-Q4); the exception is not honoured\n"
             "warning [report]: table 'exception', row 3, column period: '2022-09' is not a "
             "period of 'report' (from 2022-Q1 to 2022-Q4); the exception is not honoured\n"
             "warning [report]: table 'exception', row 4, column new_due: 2022-04-01 is not "
             "after the first period's due date 2022-04-15; the extension extends nothing\n");
}

// Huế ceases on 2022-10-01, Thành phố Huế takes over: its duties pass on
// the day before, with the exceptions in force then, so an exception
// granted to Huế on or after 2022-10-01 reaches no one.
BOOST_AUTO_TEST_CASE(validate_warns_of_an_exception_granted_once_its_agency_had_ceased) {
  const std::string rule = TaskRule("drill", "{kinds: [province]}", "2022-09-15");
  const std::string ceased =
      "UPDATE agency SET valid_until = '2022-10-01' WHERE id = 'HUE';\n"
      "INSERT INTO agency (id, name, kind, parent_id, valid_from) VALUES "
      "('TP-HUE', 'Thành phố Huế', 'province', NULL, '2022-10-01');\n"
      "INSERT INTO agency_succession (predecessor_id, successor_id, effective_on, main) "
      "VALUES ('HUE', 'TP-HUE', '2022-10-01', 1);\n" +
      Task(1, "HUE", "drill");
  const Fixture on_the_day(rule,
                           ceased + Exceptions({{"drill", "HUE", "waiver", "NULL", "2022-10-01"},
                                                {"drill", "HUE", "waiver", "NULL", "2022-11-20"}}));
  BOOST_TEST(on_the_day.Validate() ==
             "warning [drill]: table 'exception', row 1, column document_date: granted on "
             "2022-10-01 to HUE, which ceased on 2022-10-01: it would never be honoured; grant "
             "it to the successor TP-HUE\n"
             "warning [drill]: table 'exception', row 2, column document_date: granted on "
             "2022-11-20 to HUE, which ceased on 2022-10-01: it would never be honoured; grant "
             "it to the successor TP-HUE\n");
  // Indeed never honoured: the duty Thành phố Huế took over is not waived.
  for (const Date& as_of : {Date(2022, 10, 10), Date(2022, 12, 1)}) {
    const Report report = on_the_day.At(as_of);
    const Finding& inherited = Find(report, "drill", "TP-HUE");
    BOOST_TEST(StatusName(inherited.status) == std::string("overdue"));
    BOOST_TEST(inherited.exception == nullptr);
  }
  // Granted the day before it ceased: in force when the duty passes on.
  const Fixture the_day_before(
      rule, ceased + Exceptions({{"drill", "HUE", "waiver", "NULL", "2022-09-30"}}));
  BOOST_TEST(the_day_before.Validate() == "");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

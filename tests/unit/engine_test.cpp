// Evaluate() end to end on small hand-made databases and rules: every status
// branch, "as of T" reading of lifetimes and dates, data-quality findings,
// read-only access under a concurrent writer, and ListCounterRecords.
#include "dxcomply/engine.hpp"

#include "cli/run_inputs.hpp"
#include "store/record_store.hpp"
#include "support/test_files.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>  // prints Date in failures
#include <boost/test/unit_test.hpp>
#include <sqlite3.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace dxcomply {
namespace {

const std::string kAgencies =
    "INSERT INTO agency (id, name, kind, parent_id) VALUES ('BCA', 'Bộ Công an', 'ministry', "
    "NULL),\n"
    " ('BTP', 'Bộ Tư pháp', 'ministry', NULL), ('HA-NOI', 'Hà Nội', 'province', NULL),\n"
    " ('HUE', 'Huế', 'province', NULL);\n";

// One obligation of a rules file; `more` adds keys (depends_on, period...).
std::string Rule(const std::string& id, const std::string& applies_to, const std::string& due,
                 const std::string& check, const std::string& more = "") {
  return "  - id: " + id + "\n    title: Title of " + id +
         "\n    source: {document: D}\n    applies_to: " + applies_to + "\n    due: " + due +
         "\n    check: " + check + "\n" + more;
}

EngineOptions Options(const Date& as_of) {
  EngineOptions options;
  options.as_of = as_of;
  return options;
}

// A rules folder and a database, checked against each other as the CLI does.
class Fixture {
 public:
  Fixture(const std::string& obligations, const std::string& records,
          const std::string& before_schema = "")
      : database_(before_schema + testing::SchemaSql() + kAgencies + records),
        folder_({{"test.yaml", "obligations:\n" + obligations}}) {
    Diagnostics diagnostics;
    rules_ = LoadCheckedRules(folder_.path(), diagnostics);
    if (!diagnostics.HasErrors()) {
      RecordStore store = RecordStore::Open(database_.path());
      CheckAgainstDatabase(rules_, store, diagnostics);
    }
    std::string all;
    for (const Diagnostic& diagnostic : diagnostics.Sorted()) all += diagnostic.ToString() + "\n";
    BOOST_TEST_REQUIRE(all == "");
  }

  Report At(const Date& as_of) const {
    RecordStore store = RecordStore::Open(database_.path());
    return Evaluate(rules_, store, Options(as_of));
  }

  std::vector<std::string> Counter(const std::string& obligation, const std::string& agency,
                                   const Date& as_of, int limit = 100) const {
    RecordStore store = RecordStore::Open(database_.path());
    std::vector<std::string> lines;
    for (const CounterRecord& record : ListCounterRecords(
             rules_, store, *rules_.FindObligation(obligation), agency, as_of, limit)) {
      std::string line = record.table + " " + record.id + " '" + record.label + "'";
      for (const std::string& detail : record.details) line += " " + detail;
      lines.push_back(line);
    }
    return lines;
  }

  const testing::TestDatabase& database() const { return database_; }
  const RuleSet& rules() const { return rules_; }

 private:
  testing::TestDatabase database_;
  testing::TestRules folder_;
  RuleSet rules_;
};

const Finding& Find(const Report& report, const std::string& obligation,
                    const std::string& agency) {
  for (const Finding& finding : report.findings) {
    if (finding.obligation->id == obligation && finding.agency->id == agency) return finding;
  }
  BOOST_FAIL("no finding for " + obligation + " x " + agency);
  static const Finding none;
  return none;
}

// "obligation agency: status" for every finding, in report order.
std::vector<std::string> Statuses(const Report& report) {
  std::vector<std::string> lines;
  for (const Finding& finding : report.findings) {
    lines.push_back(finding.obligation->id + " " + finding.agency->id + ": " +
                    StatusName(finding.status));
  }
  return lines;
}

std::vector<std::string> Issues(const Report& report) {
  std::vector<std::string> lines;
  for (const DataIssue& issue : report.data_issues) {
    lines.push_back(issue.table + " " + issue.row_id + " " + issue.column + " '" + issue.value +
                    "': " + issue.problem + " [" + issue.agency_id + "]");
  }
  return lines;
}

std::string Quoted(const std::string& value) { return value == "NULL" ? value : "'" + value + "'"; }

// Information systems of HA-NOI: {level_approved_on, created_on, stopped_on}.
struct System {
  std::string approved;
  std::string created = "NULL";
  std::string stopped = "NULL";
};

std::string Systems(const std::vector<System>& systems) {
  std::string sql;
  for (std::size_t i = 0; i < systems.size(); ++i) {
    sql +=
        "INSERT INTO information_system (id, agency_id, name, level_approved_on, created_on, "
        "stopped_on) VALUES (" +
        std::to_string(i + 1) + ", 'HA-NOI', 'system " + std::to_string(i + 1) + "', " +
        Quoted(systems[i].approved) + ", " + Quoted(systems[i].created) + ", " +
        Quoted(systems[i].stopped) + ");\n";
  }
  return sql;
}

std::string ApprovalRule(const std::string& due, const std::string& extra_check = "") {
  return Rule("approve", "{agencies: [HA-NOI]}", due,
              "{kind: coverage, table: information_system, "
              "satisfied: [{column: level_approved_on, op: not_null}]" +
                  extra_check + "}");
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

BOOST_AUTO_TEST_SUITE(engine)

BOOST_AUTO_TEST_CASE(every_status_of_a_coverage_check) {
  struct Case {
    const char* name;
    std::vector<System> systems;
    Date as_of;
    Status status;
    std::string reason;
    int days_overdue = 0;
    int days_left = 0;
  };
  const Date june(2022, 6, 30);
  const Date october(2022, 10, 10);
  const std::string n = "NULL";
  const std::vector<Case> cases = {
      {"met",
       {{"2022-03-01"}, {"2022-04-01"}},
       june,
       Status::kMet,
       "100% (2/2), target 100%, reached by the due date 2022-09-30"},
      {"met, evaluated after the due date",
       {{"2022-03-01"}, {"2022-04-01"}},
       october,
       Status::kMet,
       "100% (2/2), target 100%, reached by the due date 2022-09-30"},
      {"met late",
       {{"2022-03-01"}, {"2022-10-05"}},
       october,
       Status::kMetLate,
       "100% (2/2), target 100%, reached after the due date 2022-09-30 (50% (1/2) then)"},
      {"overdue",
       {{"2022-03-01"}, {n}},
       october,
       Status::kOverdue,
       "50% (1/2), target 100%, 10 days past the due date 2022-09-30",
       10},
      {"an approval dated after T is not counted",
       {{"2022-03-01"}, {"2023-01-15"}},
       october,
       Status::kOverdue,
       "50% (1/2), target 100%, 10 days past the due date 2022-09-30",
       10},
      {"a system added after the due date must be approved too",
       {{"2022-03-01"}, {n, "2022-10-01"}},
       october,
       Status::kOverdue,
       "50% (1/2), target 100%, 10 days past the due date 2022-09-30",
       10},
      {"at risk: near the due date, on pace",
       {{"2022-09-01"}, {"2022-09-02"}, {"2022-09-03"}, {"2022-09-04"}, {n}},
       Date(2022, 9, 20),
       Status::kAtRisk,
       "80% (4/5), target 100%; due in 10 days (2022-09-30)",
       0,
       10},
      {"at risk: behind pace",
       {{"2022-05-01"},
        {"2022-05-01"},
        {"2022-05-01"},
        {"2022-05-01"},
        {"2022-06-15"},
        {n},
        {n},
        {n},
        {n},
        {n}},
       june,
       Status::kAtRisk,
       "50% (5/10), target 100%; at the pace of the last 30 days it would reach 80.7% by "
       "2022-09-30",
       0,
       92},
      {"on track",
       {{"2022-05-01"},
        {"2022-05-01"},
        {"2022-06-15"},
        {"2022-06-15"},
        {"2022-06-15"},
        {n},
        {n},
        {n},
        {n},
        {n}},
       june,
       Status::kOnTrack,
       "50% (5/10), target 100%, due 2022-09-30 in 92 days, on pace",
       0,
       92},
      {"not applicable: no system",
       {},
       june,
       Status::kNotApplicable,
       "nothing to measure on 2022-06-30 (no information_system rows in the check's base)"},
      {"a system stopped in 2021 does not count in 2022",
       {{n, "2019-01-01", "2021-12-31"}, {"2022-03-01"}},
       june,
       Status::kMet,
       "100% (1/1), target 100%, reached by the due date 2022-09-30"},
      {"only systems stopped before T: nothing to measure",
       {{n, "2019-01-01", "2021-06-01"}},
       june,
       Status::kNotApplicable,
       "nothing to measure on 2022-06-30 (no information_system rows in the check's base)"},
      {"a system created after T does not count",
       {{"2022-03-01"}, {n, "2022-08-01"}},
       june,
       Status::kMet,
       "100% (1/1), target 100%, reached by the due date 2022-09-30"},
      {"a system stopped after T still counts on T",
       {{"2022-03-01"}, {n, n, "2022-08-01"}},
       june,
       Status::kAtRisk,
       "50% (1/2), target 100%; at the pace of the last 30 days it would reach 50% by "
       "2022-09-30",
       0,
       92},
      {"a system stopped on T no longer counts",
       {{"2022-03-01"}, {n, n, "2022-06-30"}},
       june,
       Status::kMet,
       "100% (1/1), target 100%, reached by the due date 2022-09-30"},
      {"a system created on T counts",
       {{"2022-03-01"}, {n, "2022-06-30"}},
       june,
       Status::kAtRisk,
       "50% (1/2), target 100%; at the pace of the last 30 days it would reach 0% by 2022-09-30",
       0,
       92},
      {"an approval dated T counts",
       {{"2022-06-30"}},
       june,
       Status::kMet,
       "100% (1/1), target 100%, reached by the due date 2022-09-30"},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.name) {
      const Fixture fixture(ApprovalRule("2022-09-30"), Systems(c.systems));
      const Report report = fixture.At(c.as_of);
      BOOST_TEST_REQUIRE(report.findings.size() == 1u);
      const Finding& finding = report.findings[0];
      BOOST_TEST(StatusName(finding.status) == StatusName(c.status));
      BOOST_TEST(finding.reason == c.reason);
      BOOST_TEST(finding.days_overdue == c.days_overdue);
      BOOST_TEST(finding.days_left == c.days_left);
      BOOST_TEST(finding.agency->name == "Hà Nội");
      BOOST_TEST(finding.obligation->check_kind == "coverage");
      BOOST_TEST(finding.as_of == c.as_of);
      BOOST_TEST((finding.due == std::optional<Date>(Date(2022, 9, 30))));
      BOOST_TEST(finding.lookback_date == c.as_of - boost::gregorian::days(30));
      BOOST_TEST(report.data_issues.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(measures_at_t_lookback_and_due) {
  // Approvals: one long ago, one inside the window, one between the due
  // date and T, one after T.
  const Fixture fixture(ApprovalRule("2022-09-30"),
                        Systems({{"2022-01-01"}, {"2022-09-15"}, {"2022-10-05"}, {"2022-12-01"}}));
  const Finding finding = fixture.At(Date(2022, 10, 10)).findings.at(0);
  BOOST_TEST(finding.at_as_of.numerator == 3);
  BOOST_TEST(finding.at_as_of.denominator == 4);
  BOOST_TEST(finding.at_lookback.numerator == 1);  // on 2022-09-10
  BOOST_TEST(finding.at_due.numerator == 2);       // on 2022-09-30
  BOOST_TEST(finding.at_due.denominator == 4);
  BOOST_TEST(finding.target == 1.0);
  BOOST_TEST(!finding.projection.has_value());
}

BOOST_AUTO_TEST_CASE(an_empty_base_may_count_as_met) {
  const Fixture fixture(ApprovalRule("2022-09-30", ", empty_base: met"), "");
  const Report report = fixture.At(Date(2022, 10, 10));
  BOOST_TEST(Statuses(report) == std::vector<std::string>{"approve HA-NOI: met"},
             boost::test_tools::per_element());
  BOOST_TEST(report.findings.at(0).reason ==
             "nothing to measure on 2022-10-10, which this rule counts as met");
}

BOOST_AUTO_TEST_CASE(only_agencies_in_scope_get_a_finding) {
  const Fixture fixture(
      Rule("provinces", "{kinds: [province], except: [HUE]}", "2022-09-30", "{kind: task}") +
          Rule("named", "{agencies: [BTP], kinds: [province]}", "2022-09-30", "{kind: task}"),
      "");
  const Report report = fixture.At(Date(2022, 6, 30));
  std::vector<std::string> statuses = Statuses(report);
  std::sort(statuses.begin(), statuses.end());
  BOOST_TEST(
      statuses == (std::vector<std::string>{"named BTP: on_track", "named HA-NOI: on_track",
                                            "named HUE: on_track", "provinces HA-NOI: on_track"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(count_check_counts_rows_living_on_t) {
  const Fixture fixture(
      Rule("responders", "{agencies: [HA-NOI]}", "2022-06-15",
           "{kind: count, table: security_staff, at_least: 2, where: [{column: role, op: in, "
           "values: [security_specialist, incident_responder]}]}"),
      "INSERT INTO security_staff VALUES (1, 'HA-NOI', 'security_specialist', 'contract', "
      "'2020-01-01', '2021-06-01'),\n"
      " (2, 'HA-NOI', 'incident_responder', 'civil_servant', '2022-01-01', NULL),\n"
      " (3, 'HA-NOI', 'security_specialist', 'civil_servant', '2022-08-01', NULL),\n"
      " (4, 'HA-NOI', 'manager', 'civil_servant', '2020-01-01', NULL);\n");
  const Finding june = fixture.At(Date(2022, 6, 30)).findings.at(0);
  BOOST_TEST(StatusName(june.status) == "overdue");
  BOOST_TEST(june.reason == "1, target at least 2, 15 days past the due date 2022-06-15");
  BOOST_TEST(june.target == 2.0);
  const Finding september = fixture.At(Date(2022, 9, 1)).findings.at(0);
  BOOST_TEST(StatusName(september.status) == "met_late");
  BOOST_TEST(september.reason ==
             "2, target at least 2, reached after the due date 2022-06-15 (1 then)");
  BOOST_TEST(fixture.Counter("responders", "HA-NOI", Date(2022, 9, 1)) ==
                 (std::vector<std::string>{
                     "security_staff 2 'incident_responder' role=incident_responder "
                     "joined_on=2022-01-01 left_on=NULL",
                     "security_staff 3 'security_specialist' role=security_specialist "
                     "joined_on=2022-08-01 left_on=NULL"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(task_check_reads_completion_as_of_t) {
  const Fixture fixture(
      Rule("plan", "{agencies: [HA-NOI, HUE, BCA, BTP]}", "2022-06-15", "{kind: task}",
           "    period: \"2022\"\n"),
      "INSERT INTO task (id, agency_id, obligation_id, period, title, started_on, completed_on) "
      "VALUES\n"
      " (1, 'HA-NOI', 'plan', '2022', 'Kế hoạch 2022', '2022-01-01', '2022-06-01'),\n"
      " (2, 'HUE', 'plan', '2022', 'Kế hoạch 2022', '2022-01-01', '2022-06-20'),\n"
      " (3, 'BCA', 'plan', '2022', 'Kế hoạch 2022', '2022-01-01', '2022-07-05'),\n"
      " (4, 'BTP', 'plan', '2021', 'Kế hoạch 2021', '2021-01-01', '2021-06-01'),\n"
      " (5, 'BTP', 'other', '2022', 'Khác', '2022-01-01', '2022-02-01');\n");
  const Report report = fixture.At(Date(2022, 6, 30));
  BOOST_TEST(
      Statuses(report) == (std::vector<std::string>{"plan BCA: overdue", "plan BTP: overdue",
                                                    "plan HUE: met_late", "plan HA-NOI: met"}),
      boost::test_tools::per_element());
  BOOST_TEST(Find(report, "plan", "HA-NOI").reason ==
             "completed, reached by the due date 2022-06-15");
  BOOST_TEST(Find(report, "plan", "HUE").reason ==
             "completed, reached after the due date 2022-06-15 (not completed then)");
  BOOST_TEST(Find(report, "plan", "BCA").reason ==
             "not completed, 15 days past the due date 2022-06-15");
  BOOST_TEST(Find(report, "plan", "BTP").reason ==
             "no task recorded, 15 days past the due date 2022-06-15");
  BOOST_TEST(Find(report, "plan", "BTP").period == "2022");
  // The incomplete task as of T is the one against BCA's finding.
  BOOST_TEST(fixture.Counter("plan", "BCA", Date(2022, 6, 30)) ==
                 std::vector<std::string>{"task 3 'Kế hoạch 2022' period=2022 "
                                          "started_on=2022-01-01 progress=NULL "
                                          "completed_on=2022-07-05 (after 2022-06-30) "
                                          "evidence=NULL"},
             boost::test_tools::per_element());
  BOOST_TEST(fixture.Counter("plan", "HA-NOI", Date(2022, 6, 30)).empty());
  BOOST_TEST(fixture.Counter("plan", "BCA", Date(2022, 7, 10)).empty());
}

BOOST_AUTO_TEST_CASE(task_projection_from_progress_since_started_on) {
  // Due 2022-12-31, T 2022-06-30 (184 days left).
  const Fixture fixture(
      Rule("plan", "{kinds: [province, ministry]}", "2022-12-31", "{kind: task}"),
      "INSERT INTO task (id, agency_id, obligation_id, title, started_on, progress) VALUES\n"
      // 30% in 29 days: on pace to finish.
      " (1, 'HA-NOI', 'plan', 'A', '2022-06-01', 0.3),\n"
      // 10% in 180 days: 0.1 + 0.1 / 180 * 184 = 20.2%.
      " (2, 'HUE', 'plan', 'B', '2022-01-01', 0.1),\n"
      // Not started yet: on track until its latest start, 14 days before the due date.
      " (3, 'BCA', 'plan', 'C', NULL, NULL),\n"
      // Starts after T: not started on T.
      " (4, 'BTP', 'plan', 'D', '2022-07-01', 0.5);\n");
  const Report report = fixture.At(Date(2022, 6, 30));
  BOOST_TEST(Find(report, "plan", "HA-NOI").reason ==
             "not completed, due 2022-12-31 in 184 days, on pace");
  BOOST_TEST(Find(report, "plan", "HUE").reason ==
             "not completed; at the progress reported it would be 20.2% done by 2022-12-31");
  BOOST_TEST(*Find(report, "plan", "HUE").projection == 0.1 + 0.1 / 180 * 184,
             boost::test_tools::tolerance(1e-6));
  BOOST_TEST(Find(report, "plan", "BCA").reason ==
             "not completed, due 2022-12-31 in 184 days, to start by 2022-12-17");
  BOOST_TEST(Find(report, "plan", "BTP").reason ==
             "not completed, due 2022-12-31 in 184 days, to start by 2022-12-17");
}

BOOST_AUTO_TEST_CASE(indicator_check_takes_the_latest_measurement_on_or_before_t) {
  const Fixture fixture(
      Rule("dossiers", "{kinds: [province]}", "2022-12-31",
           "{kind: indicator, indicator: dossier-share, target: 80%}") +
          Rule("dossiers-vn", "{national: true}", "2022-12-31",
               "{kind: indicator, indicator: dossier-share, target: 50%}"),
      "INSERT INTO measurement VALUES ('dossier-share', 'HA-NOI', '2022-03-31', 0.5, 'q1'),\n"
      " ('dossier-share', 'HA-NOI', '2022-05-31', 0.6, 'q2'),\n"
      " ('dossier-share', 'HA-NOI', '2022-09-30', 0.9, 'q3'),\n"
      " ('other', 'HUE', '2022-05-31', 0.9, 'x'),\n"
      " ('dossier-share', NULL, '2022-06-01', 0.457, 'national');\n");
  const Report report = fixture.At(Date(2022, 6, 30));
  BOOST_TEST(Find(report, "dossiers", "HA-NOI").reason ==
             "60%, target 80%; at the pace of the last 30 days it would reach 60% by 2022-12-31");
  // No measurement is not behind: on track until the warning window opens.
  BOOST_TEST(Find(report, "dossiers", "HUE").reason ==
             "no measurement, target 80%, due 2022-12-31 in 184 days, nothing to project from");
  // Nothing measured on T - W: no pace to project from.
  BOOST_TEST(Find(report, "dossiers-vn", "VN").reason ==
             "45.7%, target 50%; at the pace of the last 30 days it would reach 45.7% by "
             "2022-12-31");
  BOOST_TEST(Find(report, "dossiers-vn", "VN").agency->name == "Toàn quốc");
  BOOST_TEST(Find(report, "dossiers-vn", "VN").at_as_of.value == 0.457);
  // Later, the Q3 figure counts: reached before the due date.
  BOOST_TEST(Find(fixture.At(Date(2023, 1, 5)), "dossiers", "HA-NOI").reason ==
             "90%, target 80%, reached by the due date 2022-12-31");
  BOOST_TEST(fixture.Counter("dossiers", "HA-NOI", Date(2022, 6, 30)) ==
                 (std::vector<std::string>{
                     "measurement 2 'dossier-share' as_of=2022-05-31 value=0.6 source=q2",
                     "measurement 1 'dossier-share' as_of=2022-03-31 value=0.5 source=q1"}),
             boost::test_tools::per_element());
  BOOST_TEST(fixture.Counter("dossiers", "HA-NOI", Date(2022, 6, 30), 1).size() == 1u);
  BOOST_TEST(fixture.Counter("dossiers-vn", "VN", Date(2022, 6, 30)) ==
                 std::vector<std::string>{"measurement 5 'dossier-share' as_of=2022-06-01 "
                                          "value=0.457 source=national"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_report_on_2023_data_says_what_was_true_on_the_as_of_date) {
  // The same country twice: as the records stood on 2022-06-30, and as they
  // stand in 2023 (later approvals, systems added and retired, staff
  // joining and leaving, tasks completed, new measurements). Evaluated as
  // of 2022-06-30 both must give the same findings.
  const std::string rules =
      Rule("approve", "{kinds: [province]}", "2022-09-30",
           "{kind: coverage, table: information_system, satisfied: [{column: level_approved_on, "
           "op: not_null}]}") +
      Rule("staff", "{kinds: [province]}", "2022-06-15",
           "{kind: count, table: security_staff, at_least: 2}") +
      Rule("plan", "{kinds: [province]}", "2022-12-31", "{kind: task}") +
      Rule("share", "{kinds: [province]}", "2022-12-31",
           "{kind: indicator, indicator: s, target: 80%}");
  const std::string then =
      "INSERT INTO information_system (id, agency_id, name, level_approved_on, created_on, "
      "stopped_on) VALUES\n"
      " (1, 'HA-NOI', 'a', '2022-03-01', NULL, NULL), (2, 'HA-NOI', 'b', NULL, NULL, NULL),\n"
      " (3, 'HUE', 'c', NULL, '2020-01-01', NULL), (4, 'HUE', 'd', '2022-06-01', NULL, NULL);\n"
      "INSERT INTO security_staff VALUES (1, 'HA-NOI', 'manager', 'contract', '2021-01-01', "
      "NULL),\n"
      " (2, 'HUE', 'support', 'contract', '2021-01-01', NULL);\n"
      "INSERT INTO task (id, agency_id, obligation_id, title, started_on, progress, "
      "completed_on) VALUES\n"
      " (1, 'HA-NOI', 'plan', 'P', '2022-05-01', 0.4, NULL),\n"
      " (2, 'HUE', 'plan', 'P', '2022-02-01', 0.2, NULL);\n"
      "INSERT INTO measurement VALUES ('s', 'HA-NOI', '2022-05-31', 0.5, NULL);\n";
  const std::string now =
      "INSERT INTO information_system (id, agency_id, name, level_approved_on, created_on, "
      "stopped_on) VALUES\n"
      " (1, 'HA-NOI', 'a', '2022-03-01', NULL, '2023-02-01'),\n"
      " (2, 'HA-NOI', 'b', '2022-08-01', NULL, NULL),\n"
      " (3, 'HUE', 'c', '2023-01-10', '2020-01-01', NULL),\n"
      " (4, 'HUE', 'd', '2022-06-01', NULL, NULL),\n"
      " (5, 'HUE', 'e', NULL, '2023-03-01', NULL);\n"
      "INSERT INTO security_staff VALUES (1, 'HA-NOI', 'manager', 'contract', '2021-01-01', "
      "'2022-12-31'),\n"
      " (2, 'HUE', 'support', 'contract', '2021-01-01', NULL),\n"
      " (3, 'HA-NOI', 'support', 'contract', '2022-07-01', NULL),\n"
      " (4, 'HUE', 'manager', 'contract', '2023-01-01', NULL);\n"
      "INSERT INTO task (id, agency_id, obligation_id, title, started_on, progress, "
      "completed_on) VALUES\n"
      " (1, 'HA-NOI', 'plan', 'P', '2022-05-01', 0.4, '2022-11-30'),\n"
      " (2, 'HUE', 'plan', 'P', '2022-02-01', 0.2, '2023-02-01');\n"
      "INSERT INTO measurement VALUES ('s', 'HA-NOI', '2022-05-31', 0.5, NULL),\n"
      " ('s', 'HA-NOI', '2022-09-30', 0.7, NULL), ('s', 'HA-NOI', '2023-03-31', 0.9, NULL),\n"
      " ('s', 'HUE', '2022-12-31', 0.85, NULL);\n";
  const Report then_report = Fixture(rules, then).At(Date(2022, 6, 30));
  const Report now_report = Fixture(rules, now).At(Date(2022, 6, 30));
  BOOST_TEST_REQUIRE(then_report.findings.size() == now_report.findings.size());
  for (std::size_t i = 0; i < then_report.findings.size(); ++i) {
    const Finding& a = then_report.findings[i];
    const Finding& b = now_report.findings[i];
    BOOST_TEST_CONTEXT(a.obligation->id << " x " << a.agency->id) {
      BOOST_TEST(b.obligation->id == a.obligation->id);
      BOOST_TEST(b.agency->id == a.agency->id);
      BOOST_TEST(StatusName(b.status) == StatusName(a.status));
      BOOST_TEST(b.reason == a.reason);
      BOOST_TEST(b.at_as_of.numerator == a.at_as_of.numerator);
      BOOST_TEST(b.at_as_of.denominator == a.at_as_of.denominator);
      BOOST_TEST(b.at_lookback.numerator == a.at_lookback.numerator);
      BOOST_TEST(b.at_lookback.denominator == a.at_lookback.denominator);
      BOOST_TEST(b.at_as_of.value == a.at_as_of.value);
    }
  }
  BOOST_TEST(Find(then_report, "approve", "HA-NOI").reason ==
             "50% (1/2), target 100%; at the pace of the last 30 days it would reach 50% by "
             "2022-09-30");
}

BOOST_AUTO_TEST_CASE(bad_values_become_data_issues_and_the_run_goes_on) {
  const Fixture fixture(
      Rule("approve", "{kinds: [province]}", "2022-09-30",
           "{kind: coverage, table: information_system, where: [{column: level, op: ge, value: "
           "3}], satisfied: [{column: level_approved_on, op: not_null}]}") +
          Rule("staff", "{kinds: [province]}", "2022-09-30",
               "{kind: count, table: security_staff, at_least: 1}") +
          Rule("plan", "{kinds: [province]}", "2022-09-30", "{kind: task}") +
          Rule("share", "{kinds: [province]}", "2022-09-30",
               "{kind: indicator, indicator: s, target: 50%}"),
      "INSERT INTO information_system (id, agency_id, name, level, level_approved_on, "
      "connects_population_db, created_on) VALUES\n"
      " (1, 'HA-NOI', 'ok', 3, '2022-03-01', 1, NULL),\n"
      " (2, 'HA-NOI', 'bad day', 3, '2022-02-30', 0, NULL),\n"
      " (3, 'HA-NOI', 'vn date', 4, '30/09/2022', 0, NULL),\n"
      " (4, 'HA-NOI', 'level 7', 7, '2022-03-01', 0, NULL),\n"
      " (5, 'HA-NOI', 'flag 2', 3, '2022-03-01', 2, '2022-13-01'),\n"
      " (6, 'HUE', 'blob', x'0102', NULL, 0, NULL),\n"
      " (7, 'NOWHERE', 'orphan', 3, NULL, 0, NULL);\n"
      "INSERT INTO security_staff VALUES (1, 'HA-NOI', 'intern', 'contract', '2022-01-01', "
      "NULL),\n"
      " (2, 'HUE', 'manager', 'volunteer', '2022-01-01', NULL);\n"
      "INSERT INTO task (id, agency_id, obligation_id, title, started_on, progress) VALUES\n"
      " (1, 'HA-NOI', 'plan', 'P', '2022-01-01', 1.5),\n"
      " (2, 'NOWHERE', 'plan', 'P', '2022-01-01', 0.5),\n"
      " (3, 'HUE', 'plan', 'P', '2022-01-01', 'half');\n"
      "INSERT INTO measurement VALUES ('s', 'HA-NOI', '2022-06-31', 0.6, NULL),\n"
      " ('s', 'HUE', '2022-05-31', 'high', NULL), ('s', 'BHUTAN', '2022-05-31', 0.1, NULL);\n");
  const Report report = fixture.At(Date(2022, 6, 30));
  BOOST_TEST(Issues(report) ==
                 (std::vector<std::string>{
                     "information_system 2 level_approved_on '2022-02-30': no such date [HA-NOI]",
                     "information_system 3 level_approved_on '30/09/2022': not an ISO date "
                     "YYYY-MM-DD [HA-NOI]",
                     "information_system 4 level '7': outside 1-5 [HA-NOI]",
                     "information_system 5 connects_population_db '2': not 0 or 1 [HA-NOI]",
                     "information_system 5 created_on '2022-13-01': no such date [HA-NOI]",
                     "information_system 6 level '<blob>': not a whole number [HUE]",
                     "information_system 7 agency_id 'NOWHERE': unknown agency (not counted for "
                     "any agency) []",
                     "measurement 1 as_of '2022-06-31': no such date [HA-NOI]",
                     "measurement 2 value 'high': not a number [HUE]",
                     "measurement 3 agency_id 'BHUTAN': unknown agency (not counted for any "
                     "agency) []",
                     "security_staff 1 role 'intern': not one of: security_specialist, "
                     "incident_responder, manager, support [HA-NOI]",
                     "security_staff 2 employment 'volunteer': not one of: civil_servant, "
                     "contract, hired_expert [HUE]",
                     "task 1 progress '1.5': outside 0-1 [HA-NOI]",
                     "task 2 agency_id 'NOWHERE': unknown agency (not counted for any agency) []",
                     "task 3 progress 'half': not a number between 0 and 1 [HUE]"}),
             boost::test_tools::per_element());

  // Bad values read as NULL: only system 1 (and 5, whose level and
  // approval are fine) are approved systems of level >= 3; 2 and 3 are in
  // the base unapproved, 4 is out of it (level unknown).
  const Finding& approve = Find(report, "approve", "HA-NOI");
  BOOST_TEST(approve.at_as_of.numerator == 2);
  BOOST_TEST(approve.at_as_of.denominator == 4);
  BOOST_TEST(approve.data_issues == 4);  // rows 2, 3, 4, 5
  BOOST_TEST(approve.reason ==
             "50% (2/4), target 100%; at the pace of the last 30 days it would reach 50% by "
             "2022-09-30; 4 of this agency's information_system rows have data-quality issues");
  BOOST_TEST(Find(report, "approve", "HUE").data_issues == 1);
  BOOST_TEST(Find(report, "approve", "HUE").reason ==
             "nothing to measure on 2022-06-30 (no information_system rows in the check's "
             "base); 1 of this agency's information_system rows has a data-quality issue");
  BOOST_TEST(Find(report, "staff", "HA-NOI").data_issues == 1);
  BOOST_TEST(Find(report, "plan", "HA-NOI").data_issues == 1);
  BOOST_TEST(Find(report, "share", "HA-NOI").data_issues == 1);
  // A measurement whose date or value is unreadable is no measurement.
  BOOST_TEST(!Find(report, "share", "HA-NOI").at_as_of.known);
  BOOST_TEST(!Find(report, "share", "HUE").at_as_of.known);
  // The task of an unknown agency counts for no one; HA-NOI's own task with
  // an unreadable progress still counts as a task.
  BOOST_TEST(Find(report, "plan", "HA-NOI").at_as_of.denominator == 1);
}

BOOST_AUTO_TEST_CASE(bad_agency_rows_are_reported) {
  const Fixture fixture(
      Rule("plan", "{kinds: [province]}", "2022-09-30", "{kind: task}"),
      "INSERT INTO agency (id, name, kind, parent_id) VALUES ('X', '', 'district', NULL);\n");
  const Report report = fixture.At(Date(2022, 6, 30));
  BOOST_TEST(Issues(report) ==
                 (std::vector<std::string>{
                     "agency X kind 'district': unknown kind (expected ministry, gov_agency or "
                     "province); no kind-scoped rule applies [X]",
                     "agency X name '': missing name [X]"}),
             boost::test_tools::per_element());
  BOOST_TEST(report.agencies.size() == 5u);
}

BOOST_AUTO_TEST_CASE(the_database_file_is_not_changed) {
  const Fixture fixture(
      ApprovalRule("2022-09-30") +
          Rule("plan", "{kinds: [province]}", "2022-09-30", "{kind: task}"),
      Systems({{"2022-03-01"}, {"2022-02-30"}}) +
          "INSERT INTO task (id, agency_id, obligation_id, title) VALUES (1, 'HA-NOI', 'plan', "
          "'P'), (2, 'HUE', 'plan', 'P');\n"
          "INSERT INTO task_dependency VALUES (1, 2), (2, 1);\n");
  const std::string before = ReadBytes(fixture.database().path());
  BOOST_TEST_REQUIRE(before.size() > 0u);
  const Report report = fixture.At(Date(2022, 6, 30));
  BOOST_TEST(!report.data_issues.empty());
  fixture.Counter("approve", "HA-NOI", Date(2022, 6, 30));
  BOOST_TEST((ReadBytes(fixture.database().path()) == before));
  // Nothing else appears beside it either (no journal left behind).
  BOOST_TEST(!std::ifstream(fixture.database().path() + "-journal").good());
}

BOOST_AUTO_TEST_CASE(evaluation_reads_the_last_commit_while_a_writer_is_busy) {
  const Fixture fixture(ApprovalRule("2022-09-30"), Systems({{"2022-03-01"}}),
                        "PRAGMA journal_mode = WAL;\n");
  BOOST_TEST(fixture.At(Date(2022, 6, 30)).findings.at(0).at_as_of.denominator == 1);

  // Another process: an open write transaction with an uncommitted row.
  sqlite3* writer = nullptr;
  BOOST_TEST_REQUIRE(sqlite3_open(fixture.database().path().c_str(), &writer) == SQLITE_OK);
  BOOST_TEST_REQUIRE(sqlite3_exec(writer,
                                  "BEGIN IMMEDIATE; INSERT INTO information_system (id, "
                                  "agency_id, name) VALUES (2, 'HA-NOI', 'uncommitted');",
                                  nullptr, nullptr, nullptr) == SQLITE_OK);
  const std::string committed = ReadBytes(fixture.database().path());

  const Report during = fixture.At(Date(2022, 6, 30));
  const Finding& finding = during.findings.at(0);
  BOOST_TEST(finding.at_as_of.denominator == 1);  // the uncommitted row is not seen
  BOOST_TEST(StatusName(finding.status) == "met");
  BOOST_TEST(fixture.Counter("approve", "HA-NOI", Date(2022, 6, 30)).empty());
  BOOST_TEST((ReadBytes(fixture.database().path()) == committed));

  BOOST_TEST_REQUIRE(sqlite3_exec(writer, "COMMIT;", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(writer);
  const Report after = fixture.At(Date(2022, 6, 30));
  BOOST_TEST(after.findings.at(0).at_as_of.denominator == 2);
  BOOST_TEST(fixture.Counter("approve", "HA-NOI", Date(2022, 6, 30)) ==
                 std::vector<std::string>{"information_system 2 'uncommitted' "
                                          "level_approved_on=NULL created_on=NULL stopped_on=NULL"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(counter_records_list_the_rows_against_a_coverage_finding) {
  const Fixture fixture(
      ApprovalRule("2022-09-30", ", where: [{column: level, op: ge, value: 3}]"),
      "INSERT INTO information_system (id, agency_id, name, level, level_approved_on, "
      "created_on, stopped_on) VALUES\n"
      " (1, 'HA-NOI', 'approved', 3, '2022-03-01', NULL, NULL),\n"
      " (2, 'HA-NOI', 'pending', 3, NULL, NULL, NULL),\n"
      " (3, 'HA-NOI', 'approved later', 4, '2022-08-01', NULL, NULL),\n"
      " (4, 'HA-NOI', 'level 2', 2, NULL, NULL, NULL),\n"
      " (5, 'HA-NOI', 'retired', 3, NULL, NULL, '2021-01-01'),\n"
      " (6, 'HA-NOI', 'future', 3, NULL, '2023-01-01', NULL),\n"
      " (7, 'HUE', 'other agency', 3, NULL, NULL, NULL),\n"
      " (8, 'HA-NOI', 'bad date', 5, '2022-02-30', NULL, NULL);\n");
  const Finding finding = fixture.At(Date(2022, 6, 30)).findings.at(0);
  BOOST_TEST(finding.at_as_of.denominator - finding.at_as_of.numerator == 3);
  BOOST_TEST(fixture.Counter("approve", "HA-NOI", Date(2022, 6, 30)) ==
                 (std::vector<std::string>{
                     "information_system 2 'pending' level=3 level_approved_on=NULL "
                     "created_on=NULL stopped_on=NULL",
                     "information_system 3 'approved later' level=4 "
                     "level_approved_on=2022-08-01 (after 2022-06-30) created_on=NULL "
                     "stopped_on=NULL",
                     "information_system 8 'bad date' level=5 level_approved_on=2022-02-30 "
                     "created_on=NULL stopped_on=NULL"}),
             boost::test_tools::per_element());
  BOOST_TEST(fixture.Counter("approve", "HA-NOI", Date(2022, 6, 30), 2).size() == 2u);
  BOOST_TEST(fixture.Counter("approve", "HA-NOI", Date(2022, 6, 30), 0).empty());
  BOOST_TEST(fixture.Counter("approve", "HA-NOI", Date(2022, 9, 1)).size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

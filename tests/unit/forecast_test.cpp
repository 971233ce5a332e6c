// The at-risk forecast end to end on small hand-made databases (issue 13):
// latest starts from lead_time and a task's own plan, to the day; progress
// read as a double and unknown progress raising nothing; the rows that must
// be completed deciding; empty_base: met honouring the due date; databases
// without the plan columns; and the at-risk list's priority.
#include "dxcomply/engine.hpp"

#include "cli/run_inputs.hpp"
#include "store/record_store.hpp"
#include "support/test_files.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>  // prints Date in failures
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace dxcomply {
namespace {

const std::string kAgencies =
    "INSERT INTO agency (id, name, kind, parent_id) VALUES ('BCA', 'Bộ Công an', 'ministry', NULL),\n"
    " ('BTP', 'Bộ Tư pháp', 'ministry', NULL), ('HA-NOI', 'Hà Nội', 'province', NULL),\n"
    " ('HUE', 'Huế', 'province', NULL);\n";

std::string ShippedEscalation() {
  std::ifstream in(DXCOMPLY_SOURCE_DIR "/rules/escalation.yaml");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// One obligation of a rules file; `more` adds keys (lead_time, depends_on...).
std::string Rule(const std::string& id, const std::string& applies_to, const std::string& due,
                 const std::string& check, const std::string& more = "") {
  return "  - id: " + id + "\n    title: Title of " + id +
         "\n    source: {document: D}\n    applies_to: " + applies_to + "\n    due: " + due +
         "\n    check: " + check + "\n" + more;
}

// A rules folder (with the shipped escalation tiers) and a database,
// checked against each other as the CLI does.
class Fixture {
 public:
  Fixture(const std::string& obligations, const std::string& records,
          const std::string& schema = testing::SchemaSql())
      : database_(schema + kAgencies + records),
        folder_({{"test.yaml", "obligations:\n" + obligations},
                 {"escalation.yaml", ShippedEscalation()}}) {
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
    EngineOptions options;
    options.as_of = as_of;
    return Evaluate(rules_, store, options);
  }

  std::vector<CounterRecord> Counter(const std::string& obligation, const std::string& agency,
                                     const Date& as_of) const {
    RecordStore store = RecordStore::Open(database_.path());
    return ListCounterRecords(rules_, store, *rules_.FindObligation(obligation), agency, as_of, 10);
  }

 private:
  testing::TestDatabase database_;
  testing::TestRules folder_;
  RuleSet rules_;
};

Finding Find(const Report& report, const std::string& obligation, const std::string& agency) {
  for (const Finding& finding : report.findings) {
    if (finding.obligation->id == obligation && finding.agency->id == agency) return finding;
  }
  BOOST_FAIL("no finding for " + obligation + " x " + agency);
  return Finding();
}

// "at_risk [not_started]", "on_track []".
std::string StatusAndGrounds(const Finding& finding) {
  std::string text = std::string(StatusName(finding.status)) + " [";
  for (RiskGround ground : GroundsIn(finding.grounds)) {
    if (text.back() != '[') text += ",";
    text += RiskGroundName(ground);
  }
  return text + "]";
}

// Task rows: (id, agency, obligation, started_on, progress, completed_on,
// planned_start_on, planned_days), as SQL literals.
std::string Task(int id, const std::string& agency, const std::string& obligation,
                 const std::string& started, const std::string& progress,
                 const std::string& completed = "NULL", const std::string& planned_start = "NULL",
                 const std::string& planned_days = "NULL") {
  const auto literal = [](const std::string& value) {
    return value == "NULL" || value.find_first_not_of("0123456789.") == std::string::npos
               ? value
               : "'" + value + "'";
  };
  return "INSERT INTO task (id, agency_id, obligation_id, title, started_on, progress, "
         "completed_on, planned_start_on, planned_days) VALUES (" +
         std::to_string(id) + ", '" + agency + "', '" + obligation + "', 'Nhiệm vụ " +
         std::to_string(id) + "', " + literal(started) + ", " + literal(progress) + ", " +
         literal(completed) + ", " + literal(planned_start) + ", " + literal(planned_days) + ");\n";
}

const Date kNov30(2022, 11, 30);
const Date kDec1(2022, 12, 1);
const Date kDec2(2022, 12, 2);

BOOST_AUTO_TEST_SUITE(forecast)

// lead_time 30 days before 2022-12-31: the work must start by 2022-12-01.
// Not started is on track the day before, at risk on the day and after;
// so is an agency with no task row at all.
BOOST_AUTO_TEST_CASE(not_started_is_at_risk_from_its_latest_start) {
  const Fixture fixture(Rule("plan", "{agencies: [HA-NOI, HUE, BTP]}", "2022-12-31", "{kind: task}",
                             "    lead_time: 30 days\n"),
                        Task(1, "HA-NOI", "plan", "NULL", "NULL") +
                            // Starts after T: not started on T.
                            Task(2, "BTP", "plan", "2022-12-20", "0.5"));
  const Report before = fixture.At(kNov30);
  for (const char* agency : {"HA-NOI", "HUE", "BTP"}) {
    BOOST_TEST_CONTEXT(agency) {
      const Finding finding = Find(before, "plan", agency);
      BOOST_TEST(StatusAndGrounds(finding) == "on_track []");
      BOOST_TEST((finding.latest_start == std::optional<Date>(kDec1)));
      BOOST_TEST((finding.spare_days == std::optional<int>(1)));
    }
  }
  BOOST_TEST(Find(before, "plan", "HA-NOI").reason ==
             "not completed, due 2022-12-31 in 31 days, to start by 2022-12-01");
  BOOST_TEST(Find(before, "plan", "HUE").reason ==
             "no task recorded, due 2022-12-31 in 31 days, to start by 2022-12-01");

  for (const Date& as_of : {kDec1, kDec2}) {
    BOOST_TEST_CONTEXT(as_of) {
      const Report report = fixture.At(as_of);
      for (const char* agency : {"HA-NOI", "HUE", "BTP"}) {
        BOOST_TEST_CONTEXT(agency) {
          const Finding finding = Find(report, "plan", agency);
          BOOST_TEST(StatusAndGrounds(finding) == "at_risk [not_started]");
          BOOST_TEST(*finding.spare_days == (as_of == kDec1 ? 0 : -1));
        }
      }
      BOOST_TEST(Find(report, "plan", "HA-NOI").reason ==
                 "not completed; not started by the latest start 2022-12-01");
      BOOST_TEST(Find(report, "plan", "HUE").reason ==
                 "no task recorded; nothing started by its latest start 2022-12-01");
    }
  }
}

// Without a lead time the latest start is where the warning window opens
// (14 days before 2022-12-31: 2022-12-17); in working days, as the rule
// counts them (10 working days before 2022-11-30: 2022-11-16).
BOOST_AUTO_TEST_CASE(latest_start_without_a_lead_time_and_in_working_days) {
  const Fixture fixture(
      Rule("plan", "{agencies: [HA-NOI]}", "2022-12-31", "{kind: task}") +
          Rule("drill", "{agencies: [HA-NOI]}", "2022-11-30", "{kind: task}",
               "    lead_time: 10 working days\n"),
      Task(1, "HA-NOI", "plan", "NULL", "NULL") + Task(2, "HA-NOI", "drill", "NULL", "NULL"));
  BOOST_TEST(StatusAndGrounds(Find(fixture.At(Date(2022, 12, 16)), "plan", "HA-NOI")) ==
             "on_track []");
  BOOST_TEST(StatusAndGrounds(Find(fixture.At(Date(2022, 12, 17)), "plan", "HA-NOI")) ==
             "at_risk [warn_window,not_started]");

  const Finding day_before = Find(fixture.At(Date(2022, 11, 15)), "drill", "HA-NOI");
  BOOST_TEST(StatusAndGrounds(day_before) == "on_track []");
  BOOST_TEST((day_before.latest_start == std::optional<Date>(Date(2022, 11, 16))));
  BOOST_TEST(StatusAndGrounds(Find(fixture.At(Date(2022, 11, 16)), "drill", "HA-NOI")) ==
             "at_risk [warn_window,not_started]");
}

// A task row's own plan decides its latest start: planned_days before the
// due date, or its planned start; the rule's lead_time for the others.
BOOST_AUTO_TEST_CASE(a_task_rows_own_plan_sets_its_latest_start) {
  const Fixture fixture(
      Rule("plan", "{agencies: [HA-NOI, HUE, BTP]}", "2022-12-31", "{kind: task}",
           "    lead_time: 30 days\n"),
      Task(1, "HA-NOI", "plan", "NULL", "NULL", "NULL", "NULL", "20") +   // by 2022-12-11
          Task(2, "HUE", "plan", "NULL", "NULL", "NULL", "2022-11-15") +  // by 2022-11-15
          Task(3, "BTP", "plan", "NULL", "NULL"));                        // by 2022-12-01
  const Report report = fixture.At(Date(2022, 11, 20));
  BOOST_TEST(StatusAndGrounds(Find(report, "plan", "HA-NOI")) == "on_track []");
  BOOST_TEST(
      (Find(report, "plan", "HA-NOI").latest_start == std::optional<Date>(Date(2022, 12, 11))));
  BOOST_TEST(StatusAndGrounds(Find(report, "plan", "HUE")) == "at_risk [not_started]");
  BOOST_TEST(Find(report, "plan", "HUE").reason ==
             "not completed; not started by the latest start 2022-11-15");
  BOOST_TEST(StatusAndGrounds(Find(report, "plan", "BTP")) == "on_track []");
  BOOST_TEST(StatusAndGrounds(Find(fixture.At(Date(2022, 12, 11)), "plan", "HA-NOI")) ==
             "at_risk [not_started]");
}

// 90% after 135 days with 15 left lands exactly on 100%: on track. Read as
// a float, 0.9 was 0.89999998 and the task "would be 99.9% done".
BOOST_AUTO_TEST_CASE(a_projection_landing_exactly_on_100_percent_is_on_track) {
  const Date as_of(2022, 12, 16);  // due 2022-12-31: 15 days left
  const Date started = as_of - boost::gregorian::days(135);
  const Fixture fixture(Rule("plan", "{agencies: [HA-NOI, HUE]}", "2022-12-31", "{kind: task}"),
                        Task(1, "HA-NOI", "plan", FormatIsoDate(started), "0.9") +
                            Task(2, "HUE", "plan", FormatIsoDate(started), "0.89"));
  const Report report = fixture.At(as_of);
  const Finding tie = Find(report, "plan", "HA-NOI");
  BOOST_TEST(StatusAndGrounds(tie) == "on_track []");
  BOOST_TEST(*tie.projection == 1.0);
  BOOST_TEST(tie.reason == "not completed, due 2022-12-31 in 15 days, on pace");
  const Finding short_of_it = Find(report, "plan", "HUE");
  BOOST_TEST(StatusAndGrounds(short_of_it) == "at_risk [task_progress]");
  BOOST_TEST(short_of_it.reason ==
             "not completed; at the progress reported it would be 98.9% done by 2022-12-31");
}

// NULL progress is unknown, not 0; a task completed after T had some
// progress on T that is not known either. Neither raises a risk.
BOOST_AUTO_TEST_CASE(unknown_progress_raises_no_risk) {
  const Fixture fixture(Rule("plan", "{agencies: [HA-NOI, HUE]}", "2022-12-31", "{kind: task}"),
                        Task(1, "HA-NOI", "plan", "2022-03-01", "NULL") +
                            Task(2, "HUE", "plan", "2022-03-01", "1.0", "2022-12-05"));
  const Report report = fixture.At(Date(2022, 10, 1));
  for (const char* agency : {"HA-NOI", "HUE"}) {
    BOOST_TEST_CONTEXT(agency) {
      const Finding finding = Find(report, "plan", agency);
      BOOST_TEST(StatusAndGrounds(finding) == "on_track []");
      BOOST_TEST(finding.reason == "not completed, due 2022-12-31 in 91 days, progress not known");
      BOOST_TEST(!finding.projection.has_value());
    }
  }
}

// 0% is evidence once the task has run for the lookback window (30 days):
// before that it is too early to tell.
BOOST_AUTO_TEST_CASE(zero_progress_long_after_the_start_projects_a_miss) {
  const Date as_of(2022, 10, 1);
  const auto started = [&](int days_ago) {
    return FormatIsoDate(as_of - boost::gregorian::days(days_ago));
  };
  const Fixture fixture(
      Rule("plan", "{agencies: [HA-NOI, HUE, BTP]}", "2022-12-31", "{kind: task}"),
      Task(1, "HA-NOI", "plan", started(29), "0") + Task(2, "HUE", "plan", started(30), "0") +
          Task(3, "BTP", "plan", started(120), "0"));
  const Report report = fixture.At(as_of);
  BOOST_TEST(StatusAndGrounds(Find(report, "plan", "HA-NOI")) == "on_track []");
  BOOST_TEST(StatusAndGrounds(Find(report, "plan", "HUE")) == "at_risk [task_progress]");
  BOOST_TEST(Find(report, "plan", "BTP").reason ==
             "not completed; at the progress reported it would be 0% done by 2022-12-31");
}

// The rows that must be completed decide, not an average: with 4 of 5
// needed (target 80%), three done and two projected to 60% average 84%
// but leave only three to finish. With `complete: any`, one completed row
// reaches the check, and a stalled row beside an advancing one is spared.
BOOST_AUTO_TEST_CASE(the_rows_that_must_be_completed_decide) {
  const Date as_of(2022, 10, 1);
  std::string rows;
  for (int id = 1; id <= 3; ++id)
    rows += Task(id, "HA-NOI", "share", "2022-01-01", "1", "2022-06-01");
  // 45% after 273 days, 91 left: 45% * 364 / 273 = 60%.
  rows += Task(4, "HA-NOI", "share", "2022-01-01", "0.45") +
          Task(5, "HA-NOI", "share", "2022-01-01", "0.45");
  rows += Task(6, "HA-NOI", "one", "2022-01-01", "1", "2022-06-01") +
          Task(7, "HA-NOI", "one", "2022-01-01", "0.1");
  rows += Task(8, "HUE", "one", "2022-01-01", "0.1") +  // behind
          Task(9, "HUE", "one", "2022-09-01", "0.5");   // on pace
  rows +=
      Task(10, "HUE", "every", "2022-01-01", "0.1") + Task(11, "HUE", "every", "2022-09-01", "0.5");
  const Fixture fixture(
      Rule("share", "{agencies: [HA-NOI]}", "2022-12-31", "{kind: task, target: 80%}") +
          Rule("one", "{agencies: [HA-NOI, HUE]}", "2022-12-31", "{kind: task, complete: any}") +
          Rule("every", "{agencies: [HUE]}", "2022-12-31", "{kind: task}"),
      rows);
  const Report report = fixture.At(as_of);
  const Finding share = Find(report, "share", "HA-NOI");
  BOOST_TEST(StatusAndGrounds(share) == "at_risk [task_progress]");
  BOOST_TEST(share.reason ==
             "3 of 5 tasks completed, target 80%; at the progress reported 2 of the 5 tasks would "
             "not be done by 2022-12-31 (the one that decides 60%)");
  const Finding one = Find(report, "one", "HA-NOI");
  BOOST_TEST(StatusAndGrounds(one) == "met []");
  BOOST_TEST(one.reason ==
             "1 of 2 tasks completed, target any one task, reached by the due date 2022-12-31");
  BOOST_TEST(StatusAndGrounds(Find(report, "one", "HUE")) == "on_track []");
  BOOST_TEST(StatusAndGrounds(Find(report, "every", "HUE")) == "at_risk [task_progress]");
}

// A system stopped after the due date without ever being approved: the
// base is empty on T, which the rule counts as met, but it was not met by
// the due date. One stopped before the due date leaves it met.
BOOST_AUTO_TEST_CASE(empty_base_met_honours_the_due_date) {
  const std::string rule = Rule("approve", "{agencies: [HA-NOI, HUE]}", "2022-09-30",
                                "{kind: coverage, table: information_system, satisfied: "
                                "[{column: level_approved_on, op: not_null}], empty_base: met}");
  const Fixture fixture(
      rule,
      "INSERT INTO information_system (id, agency_id, name, created_on, stopped_on) VALUES\n"
      " (1, 'HA-NOI', 'A', '2020-01-01', '2022-10-05'),\n"
      " (2, 'HUE', 'B', '2020-01-01', '2022-09-01');\n");
  const Report report = fixture.At(Date(2022, 10, 10));
  const Finding late = Find(report, "approve", "HA-NOI");
  BOOST_TEST(StatusAndGrounds(late) == "met_late []");
  BOOST_TEST(late.reason ==
             "nothing to measure on 2022-10-10, which this rule counts as met; not met by the "
             "due date 2022-09-30 (0% (0/1), target 100% then)");
  BOOST_TEST(StatusAndGrounds(Find(report, "approve", "HUE")) == "met []");
  // Before the due date the same base counts (and is late: at risk by now).
  BOOST_TEST(StatusAndGrounds(Find(fixture.At(Date(2022, 9, 20)), "approve", "HA-NOI")) ==
             "at_risk [warn_window,trend]");
}

// A database made before the plan columns existed works as before: its
// rows read as having no plan.
BOOST_AUTO_TEST_CASE(a_database_without_the_plan_columns_still_works) {
  // The task table as it was before: the plan's lines cut, and the comma
  // after `evidence`.
  std::string schema = testing::SchemaSql();
  const std::size_t plan = schema.find("  -- Optional (databases made before them");
  const std::size_t end = schema.find("\n);", plan);
  BOOST_TEST_REQUIRE((plan != std::string::npos && end != std::string::npos));
  schema.erase(plan, end + 1 - plan);
  const std::size_t evidence = schema.rfind("evidence      TEXT,", plan);
  BOOST_TEST_REQUIRE(evidence != std::string::npos);
  schema[evidence + std::string("evidence      TEXT").size()] = ' ';
  BOOST_TEST_REQUIRE(schema.find("planned_") == std::string::npos);
  const std::string rules = Rule("plan", "{agencies: [HA-NOI, HUE]}", "2022-12-31",
                                 "{kind: task, where: [{column: planned_days, op: is_null}]}",
                                 "    lead_time: 30 days\n");
  const std::string rows =
      "INSERT INTO task (id, agency_id, obligation_id, title, started_on, progress) VALUES\n"
      " (1, 'HA-NOI', 'plan', 'A', NULL, NULL), (2, 'HUE', 'plan', 'B', '2022-09-01', 0.5);\n";
  const Fixture old_database(rules, rows, schema);
  const Fixture new_database(rules, rows);
  for (const Date& as_of : {kNov30, kDec1}) {
    BOOST_TEST_CONTEXT(as_of) {
      const Report old_report = old_database.At(as_of);
      const Report new_report = new_database.At(as_of);
      BOOST_TEST_REQUIRE(old_report.findings.size() == 2u);
      for (std::size_t i = 0; i < old_report.findings.size(); ++i) {
        BOOST_TEST(old_report.findings[i].reason == new_report.findings[i].reason);
        BOOST_TEST(StatusAndGrounds(old_report.findings[i]) ==
                   StatusAndGrounds(new_report.findings[i]));
      }
    }
  }
  BOOST_TEST(StatusAndGrounds(Find(old_database.At(kDec1), "plan", "HA-NOI")) ==
             "at_risk [not_started]");
  // explain's records read the same table.
  BOOST_TEST(old_database.Counter("plan", "HA-NOI", kDec1).size() == 1u);
}

// The at-risk list, first to last: the tier it is heading for (holding
// back another agency: tier 3; any other, once overdue: tier 2), then the
// earliest latest start (fewest days left against the lead time); each
// ranked. Days left alone would put BTP's early plan, due first, first and
// BCA's software, which holds back two provinces, third.
BOOST_AUTO_TEST_CASE(the_at_risk_list_is_ordered_by_priority) {
  const Fixture fixture(
      // BCA's software: not started past its latest start; the provinces wait on it.
      Rule("software", "{agencies: [BCA]}", "2023-03-31", "{kind: task}",
           "    lead_time: 90 days\n") +
          Rule("rollout", "{kinds: [province]}", "2023-06-30", "{kind: task}",
               "    depends_on:\n      - {obligation: software, agency: BCA}\n") +
          // BTP's plans: not started, one late to start long ago, one lately.
          Rule("plan-early", "{agencies: [BTP]}", "2023-01-31", "{kind: task}",
               "    lead_time: 60 days\n") +
          Rule("plan-late", "{agencies: [BTP]}", "2023-02-28", "{kind: task}",
               "    lead_time: 60 days\n"),
      "");
  const Report report = fixture.At(Date(2023, 1, 10));
  std::vector<std::string> at_risk;
  for (const Finding& finding : report.findings) {
    if (finding.status != Status::kAtRisk) continue;
    at_risk.push_back(std::to_string(finding.priority_rank) + " " + finding.obligation->id + " " +
                      finding.agency->id + " tier " + std::to_string(finding.heading_tier) +
                      " spare " + std::to_string(finding.spare_days.value_or(999)) + " " +
                      StatusAndGrounds(finding));
  }
  BOOST_TEST(at_risk == (std::vector<std::string>{
                            "1 software BCA tier 3 spare -10 at_risk [not_started]",
                            "2 plan-early BTP tier 2 spare -39 at_risk [not_started]",
                            "3 plan-late BTP tier 2 spare -11 at_risk [not_started]",
                            "4 rollout HA-NOI tier 2 spare 157 at_risk [blocked]",
                            "5 rollout HUE tier 2 spare 157 at_risk [blocked]"}),
             boost::test_tools::per_element());
  // Nothing else is ranked.
  for (const Finding& finding : report.findings) {
    if (finding.status != Status::kAtRisk) BOOST_TEST(finding.priority_rank == 0);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

// What the engine concludes: one Finding per obligation instance (obligation
// x agency [x period]) and one DataIssue per record value that does not fit
// the data contract. Reporters render these; they compute nothing new.
#pragma once

#include "dxcomply/date.hpp"
#include "dxcomply/obligation.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dxcomply {

// Statuses, as of date T (see README "What the statuses mean").
// Declared worst first: the worst-first order and the summary's columns go
// by this order. A waived duty comes after the met ones: settled, by a
// document rather than by the work; before not_applicable, as it was owed.
enum class Status {
  kOverdue,        // target not reached and T is after the due date
  kAtRisk,         // not reached, not yet due, and close to due, behind pace, or blocked
  kOnTrack,        // not reached, not yet due, none of the above
  kWaiting,        // its due date counts from an event that has not happened yet
  kMetLate,        // reached by T but not by the due date
  kMet,            // reached by the due date (or by T if T is earlier) and still at T
  kWaived,         // a waiver in force on T exempts the agency (table `exception`)
  kNotApplicable,  // agency out of scope, or nothing to measure
};
inline constexpr int kStatusCount = 8;

// Stable lower-case names used in every output: "overdue", "at_risk", ...
const char* StatusName(Status status);
std::optional<Status> ParseStatus(const std::string& name);

// Nothing is owed any more: met, met late, waived or not applicable. Such an
// instance holds nothing back and waits on nothing.
inline bool NothingOwed(Status status) {
  return status == Status::kMet || status == Status::kMetLate || status == Status::kWaived ||
         status == Status::kNotApplicable;
}

// An exception granted by a document (table `exception`): an extension
// moves an instance's due date to `new_due`; a waiver exempts the agency.
enum class ExceptionKind { kExtension, kWaiver };
const char* ExceptionKindName(ExceptionKind kind);  // "extension", "waiver"

// An exception in force on T for a finding, as the row granting it says.
struct GrantedException {
  ExceptionKind kind = ExceptionKind::kExtension;
  std::string row_id;              // the exception row's id
  std::optional<Date> new_due;     // extension: the due date it grants
  std::string document_number;     // "2785/BTTTT-CATTT"
  Date document_date;              // granted on
  std::string granted_by;          // who signed it
  std::string reason;              // may be empty
  std::optional<Date> expires_on;  // in force until the day before; none: no end
};

// Why an instance is at risk (README "What the statuses mean"). An at-risk
// finding has at least one; outputs name them by RiskGroundName, in this
// order.
enum class RiskGround : std::uint8_t {
  kWarnWindow,     // "warn_window": the due date is within warn_before
  kTrend,          // "trend": the measure's pace over the lookback window falls short
  kTaskProgress,   // "task_progress": the progress reported projects a task row short of done
  kNotStarted,     // "not_started": work not started on or after its latest start
  kBlocked,        // "blocked": something it depends on is overdue or at risk
  kNegativeSlack,  // "negative_slack": what waits on it cannot keep its dates
};
inline constexpr int kRiskGroundCount = 6;
const char* RiskGroundName(RiskGround ground);
// A set of grounds, one bit each (bit i: RiskGround i).
using RiskGrounds = std::uint8_t;
inline constexpr RiskGrounds GroundBit(RiskGround ground) {
  return static_cast<RiskGrounds>(1u << static_cast<unsigned>(ground));
}
// The grounds in `set`, in declaration order.
std::vector<RiskGround> GroundsIn(RiskGrounds set);

struct Agency {
  std::string id;
  std::string name;  // Vietnamese, with diacritics
  std::string kind;  // "ministry", "gov_agency", "province", or "national"
};

// What every instance of one obligation says alike, held once per
// obligation and shared by its findings (a large run has hundreds of
// thousands of findings and a few dozen obligations).
struct ObligationText {
  std::string id;
  std::string title;
  std::string theme;
  std::string check_kind;  // "coverage", "count", "task", "indicator"
  LegalSource source;
  // Task checks: which rows must be completed (`complete: any`: one row
  // reaches the check, whatever its target).
  TaskRowsNeeded complete = TaskRowsNeeded::kAll;
};

// How a finding's days count: "days" or "working days".
const char* DayUnitName(DayUnit unit);

// The id and name of the pseudo-agency for national indicators.
inline constexpr const char* kNationalAgencyId = "VN";
inline constexpr const char* kNationalAgencyName = "Toàn quốc";

// The value of a check at one date.
struct Measure {
  bool known = false;            // false: nothing to measure (empty base, no measurement)
  double value = 0;              // coverage/task: share in [0, 1]; count: rows; indicator: value
  std::int64_t numerator = 0;    // coverage: satisfied rows; count: rows; task: completed tasks
  std::int64_t denominator = 0;  // coverage: base rows; task: tasks; else 0
};

// An agency whose open duty an instance continues: it ceased on `since`
// without having met it, and its successor took the duty over.
struct DutyOrigin {
  std::string agency_id;
  std::string agency_name;  // as it was named when it ceased
  Date since;               // the day the successor took over
};

// An obligation instance named in someone else's finding, or a task row
// (then task_id and title are set). A task of an instance names that
// instance too (its obligation, period, status and days); a task of no
// instance (free_task) its own obligation_id and period, and is at risk.
struct InstanceRef {
  std::string obligation_id;
  std::string agency_id;
  std::string agency_name;
  std::string period;
  std::string task_id;
  std::string title;
  Status status = Status::kNotApplicable;
  int days = 0;            // days overdue when overdue, days left when at risk
  bool free_task = false;  // a task that belongs to no instance
};

// Why an instance is blocked: chain[0] is the upstream instance (rule
// link) or task (task link) it waits on directly, chain.back() the root
// cause: an instance overdue or at risk on its own, or an open task of one.
struct BlockerChain {
  std::vector<InstanceRef> chain;
  // "task 812 -> task 77" for a task link: its own task 812 waits on 77.
  std::string via_tasks;
};

// `obligation` and `agency` are shared between findings and never null in
// a finding the engine made.
struct Finding {
  std::shared_ptr<const ObligationText> obligation;
  std::shared_ptr<const Agency> agency;
  std::string period;
  Status status = Status::kNotApplicable;
  // At-risk findings only (the fields are laid out where the struct has
  // room, a quarter of a million findings): why it is at risk (never 0
  // then), and the escalation tier it is heading for (0: none), the first
  // key of the at-risk list's priority (README "Which risks first").
  RiskGrounds grounds = 0;
  std::uint8_t heading_tier = 0;
  std::string reason;  // one sentence a person can act on

  Date as_of;
  Date lookback_date;  // T - W
  // The day the rule's warn_before window opens (due - warn_before, in its
  // unit): from then on it is at risk if not reached. None without a due date.
  std::optional<Date> warn_from;
  std::optional<Date> due;  // none while waiting; per-record checks: the oldest late or next row's
  // The due date before an extension in force moved it (`due` is then the
  // extension's new date); none without one.
  std::optional<Date> original_due;
  // The extension or waiver in force on T for this instance; null without
  // one. Shared by the instances one row covers (every period).
  std::shared_ptr<const GrantedException> exception;
  int days_overdue = 0;     // > 0 only when overdue
  int days_left = 0;        // due - T when T <= due, else 0
  DayUnit day_unit = DayUnit::kCalendar;  // how days_overdue and days_left count
  int priority_rank = 0;  // at-risk findings: the place in the at-risk list, 1 = first
  Measure at_as_of;                       // v(T)
  Measure at_lookback;                    // v(T - W)
  Measure at_due;                         // v(min(T, due))
  double target = 0;                      // share, count or value, same unit as Measure::value
  // v projected to the due date; only when not reached and not due. Task
  // checks: the projected progress of the row that decides (the least
  // advanced of the rows that must be completed; with `complete: any`, the
  // most advanced), when some row's progress projects.
  std::optional<double> projection;
  // The day its work must start by: the due date minus the rule's lead_time
  // (a task row's planned_days or planned_start_on where it has one), or
  // where the warn_before window opens. Set with a due date, when not done.
  std::optional<Date> latest_start;
  // Days from T to latest_start in day_unit: days left less the lead time
  // (negative when the latest start has passed); the priority's second key.
  std::optional<int> spare_days;

  std::vector<BlockerChain> blocked_by;  // only for at-risk and overdue instances
  int data_issues = 0;  // data-quality findings in records this check reads, for this agency
  // Agencies that ceased without meeting this duty and whose successor this
  // agency is ("kế thừa từ ..."); empty for the agency's own duties.
  std::vector<DutyOrigin> inherited_from;
  bool due_assumed = false;  // the rule chose the due date; the source gives none

  // The dependency graph's view (set for instances not done: overdue, at
  // risk, on track). latest_finish is the date it must be done by for its
  // own due date and everything waiting on it (minus their lead times);
  // slack_days = latest_finish - T.
  std::optional<Date> latest_finish;
  std::optional<int> slack_days;
  // What it holds back (overdue and at-risk instances only): instances
  // waiting on it directly, and directly or through others, each counted
  // once; and their distinct agencies.
  int holds_back_direct = 0;
  int holds_back = 0;
  int holds_back_agencies_direct = 0;
  int holds_back_agencies = 0;
  int holds_back_other_agencies = 0;  // of those, agencies other than its own
};

// A record value that breaks the data contract. The run goes on; the value
// is read as unknown (SQL NULL) and reported here, in every output format.
struct DataIssue {
  std::string table;
  std::string row_id;
  std::string column;
  std::string value;
  std::string problem;
  std::string agency_id;  // the row's agency, when known
};

// The dependency graph of a run, for `dxcomply graph` (EngineOptions::keep_graph),
// as people read it: instances and tasks of no instance. A task's links are
// shown from and to its instance (one link per pair of nodes: the rule's,
// else the first task row's), and the links between one instance's own
// tasks are not shown.
struct GraphView {
  struct Node {
    int finding = -1;  // index into Report::findings for an instance, -1 for a task
    InstanceRef task;  // a task that belongs to no instance
    std::optional<Date> latest_finish;
    std::optional<int> slack_days;
  };
  struct Link {
    int upstream = 0;  // node waited on
    int waiting = 0;   // node that waits
    int lead_time_days = 0;
    std::string via_tasks;  // "task 812 -> task 77" for links from task records
  };
  std::vector<Node> nodes;
  std::vector<Link> links;
};

// What the database says it holds (its `dataset` table).
struct Dataset {
  std::string name;
  bool sample = false;  // invented records: every human output says so
  std::string description;
};

struct Report {
  Date as_of;
  std::vector<Agency> agencies;  // every agency existing on as_of, by id, named as on it
  Dataset dataset;
  std::vector<Finding> findings;       // worst first: by Status, then as worst_first.hpp says
  std::vector<DataIssue> data_issues;  // by table, row id, column
  std::optional<GraphView> graph;      // only with EngineOptions::keep_graph
};

}  // namespace dxcomply

// The rule model: one obligation as declared in a rules/*.yaml file.
//
// An obligation says who owes what by when, where the duty comes from, how
// to check it against the records, and what it waits for. The YAML loader
// (src/rules/yaml_loader.cpp) is the only producer; everything downstream
// reads these value types. The rule language is documented in README.md.
#pragma once

#include "dxcomply/date.hpp"
#include "dxcomply/diagnostics.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dxcomply {

// Where an obligation comes from. `assumed` is non-empty when the source
// gives no deadline (or no scope) and the rule picked one; outputs show it.
struct LegalSource {
  std::string document;  // e.g. "Báo cáo sơ kết 6 tháng đầu năm 2022 (002), slide 21"
  std::string passage;   // the sentence that sets the duty, quoted
  std::string assumed;   // what the rule assumed, and why
  // The document that sets the duty (number, date, issuer), which a letter
  // cites as its "Căn cứ", and its date: a letter dated before it does not
  // cite it. Empty: letters cite `document` and quote `passage`.
  std::string basis = {};  // (initialized: aggregates may omit these two)
  std::optional<Date> basis_date = std::nullopt;
};

// Which agencies owe the obligation. An agency is in scope when its kind is
// listed or its id is listed, and its id is not excepted. `national` adds the
// country as a whole (agency id "VN"), for national indicators.
struct Scope {
  std::vector<std::string> kinds;     // "ministry", "gov_agency", "province"
  std::vector<std::string> agencies;  // explicit agency ids
  std::vector<std::string> except;    // agency ids removed from the above
  bool national = false;
  SourceLocation location;
};

// Operators of `where` and `satisfied` conditions.
enum class CompareOp { kEq, kNe, kIn, kNotIn, kLt, kLe, kGt, kGe, kIsNull, kNotNull };

// A value a condition compares a column with. Date columns take dates,
// literal or symbolic: `$as_of` (the report's as-of date) or `$due` (the
// instance's due date).
struct Operand {
  enum class Kind { kInteger, kReal, kText, kDate, kAsOf, kDue };
  Kind kind = Kind::kText;
  std::int64_t integer = 0;
  double real = 0;
  std::string text;
  DayNumber date = 0;
};

// `column op value`. Conditions in a list are joined with AND.
struct Condition {
  std::string column;
  CompareOp op = CompareOp::kEq;
  std::vector<Operand> values;  // one for comparisons, several for in/not_in, none for null tests
  SourceLocation location;
};
using Predicate = std::vector<Condition>;

enum class CheckKind {
  kCoverage,   // share of `where` rows that also match `satisfied` >= target
  kCount,      // number of `where` rows >= at_least
  kTask,       // the agency's tasks for this obligation (and period) are completed
  kIndicator,  // the latest measurement of an indicator >= target
};

// What happens to a coverage check whose base (the `where` rows) is empty.
enum class EmptyBase { kNotApplicable, kMet };

// Which of a task check's rows must be completed (`complete:`): all of them
// (or the share `target` of them), or any one. Default: all.
enum class TaskRowsNeeded { kAll, kAny };

struct Check {
  CheckKind kind = CheckKind::kCoverage;
  std::string table;    // coverage/count: the record table; task: "task"; indicator: "measurement"
  Predicate where;      // coverage/count/task: which rows are counted
  Predicate satisfied;  // coverage/task: which of them satisfy the duty
  double target = 1.0;  // coverage/task: a share in [0, 1]; indicator: the value to reach
  std::int64_t at_least = 0;  // count
  EmptyBase empty_base = EmptyBase::kNotApplicable;
  std::string task_obligation;  // task: the obligation_id of task rows (default: the rule's id)
  TaskRowsNeeded complete = TaskRowsNeeded::kAll;  // task
  std::string indicator;        // indicator: the measurement's indicator_id
  SourceLocation location;
};

// One entry of `depends_on`. With neither `agencies` nor `kinds`, the
// dependency is on the same agency's instance of `obligation`; otherwise on
// the instances of every listed agency and every agency of a listed kind.
struct Dependency {
  std::string obligation;
  std::vector<std::string> agencies;
  std::vector<std::string> kinds;
  int lead_time_days = 0;  // days the dependent needs after the upstream is done
  SourceLocation location;
};

// How a number of days is counted: every calendar day, or only the working
// days of rules/calendar (no weekends, public holidays or Tết).
enum class DayUnit { kCalendar, kWorking };

// The cycle of a recurring obligation and one of its periods. Labels are
// "2023-09" (month), "2023-Q3" (quarter) and "2023" (year); task rows name
// their period with the same label.
enum class Frequency { kMonth, kQuarter, kYear };
struct Period {
  Frequency frequency = Frequency::kYear;
  int year = 0;
  int index = 0;  // month 1-12, quarter 1-4, 0 for a year

  std::string Label() const;
  Date First() const;  // its first day
  Period Next() const;
  bool operator<(const Period& other) const;
  bool operator==(const Period& other) const;
};

// When an obligation falls due. One of:
//   kFixed      a date (also written `in_month: 2022-08`, `end_of_year: 2022`);
//               with `roll: next_working_day` a date that is a day off moves
//               to the next working day (Civil Code art. 148);
//   kAfter      `days` after the same agency's `after` obligation is met;
//               until then the instance is waiting and has no due date;
//   kPerRecord  every row of the check's base is due `days` after its own
//               date in `after_column` (e.g. 15 working days after created_on);
//   kRecurring  one instance per period from `first` (to `last`, or to the
//               period of the as-of date): due in the month `month_offset`
//               months after the period's first month, on `day` (0: its last
//               day) or on its `working_day`-th working day.
struct Due {
  enum class Kind { kFixed, kAfter, kPerRecord, kRecurring };
  Kind kind = Kind::kFixed;
  Date date;                          // kFixed
  bool roll_to_working_day = false;   // kFixed
  std::string after;                  // kAfter: obligation id
  std::string after_column;           // kPerRecord: a date column
  int days = 0;                       // kAfter, kPerRecord
  DayUnit unit = DayUnit::kCalendar;  // kAfter, kPerRecord
  Period first;                       // kRecurring
  std::optional<Period> last;         // kRecurring
  int month_offset = 0;               // kRecurring
  int day = 0;                        // kRecurring: 1-31, 0 = last day of the month
  int working_day = 0;                // kRecurring: n-th working day instead of `day`
  // The source gives no date (or no day): the rule picked it. Every output
  // that shows the due date says it is assumed ("thời hạn dự kiến").
  bool assumed = false;
  SourceLocation location;
};

// A number of days and how they are counted ("10 working days").
struct DayCount {
  int days = 0;
  DayUnit unit = DayUnit::kCalendar;
};

// What becomes of an open duty when the agency owing it ceases and others
// succeed it (agency_succession): it passes to the successor (on a split, to
// the main one), to every successor, or it lapses with the agency.
enum class OnSuccession { kMain, kEvery, kLapse };

// Defaults the loader applies when a rule omits the key.
inline constexpr int kDefaultWarnBeforeDays = 14;
inline constexpr int kDefaultLookbackDays = 30;

struct Obligation {
  std::string id;        // unique across the rule set; letters, digits, '-', '_', '.'
  std::string title;     // Vietnamese, as the source says it
  std::string title_en;  // optional
  std::string theme;     // the file's theme, for grouping outputs
  LegalSource source;
  Scope applies_to;
  Due due;
  // When the duty was set (the source document's date). As of an earlier
  // date the obligation has no instance. Default: always in force.
  std::optional<Date> issued_on;
  // From this date on the duty is no longer in force: as of a later date a
  // one-off obligation has no instance, and a recurring one has no period
  // that begins on or after it. Default: in force for good.
  std::optional<Date> until;
  OnSuccession on_succession = OnSuccession::kMain;
  // At risk from this many days before the due date. Its unit is also how
  // the instance's days left and days overdue are counted.
  DayCount warn_before{kDefaultWarnBeforeDays, DayUnit::kCalendar};
  // How long the work takes (`lead_time`): its latest start is the due date
  // minus this. Work not started is at risk from its latest start on. None:
  // the latest start is where the warn_before window opens.
  std::optional<DayCount> lead_time;
  int lookback_days = kDefaultLookbackDays;
  Check check;
  std::vector<Dependency> depends_on;
  std::string period;       // task checks: the task rows' period; empty = any period
  SourceLocation location;  // the rule's `id:` key
};

}  // namespace dxcomply

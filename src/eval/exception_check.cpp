#include "eval/exception_check.hpp"

#include "eval/deadlines.hpp"
#include "eval/instance_table.hpp"
#include "records/exception_reader.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace dxcomply {
namespace {

constexpr const char* kNotHonoured = "; the exception is not honoured";

std::string Where(const std::string& row_id, const std::string& column) {
  return std::string("table '") + kExceptionTable + "', row " + row_id + ", column " + column +
         ": ";
}

std::string PeriodText(const std::string& period) {
  return period.empty() ? "every period" : "period " + period;
}

// The period of `due`'s series labelled `label`, if it has one.
std::optional<Period> SeriesPeriod(const Due& due, const std::string& label) {
  if (label.size() < 4) return std::nullopt;
  const std::string year = label.substr(0, 4);
  for (Period period = due.first; period.Label().substr(0, 4) <= year; period = period.Next()) {
    if (due.last && *due.last < period) break;
    if (period.Label() == label) return period;
  }
  return std::nullopt;
}

class RowChecker {
 public:
  RowChecker(const RuleSet& rules, const AgencyDirectory& agencies, const Deadlines& deadlines,
             const std::string& database, Diagnostics& diagnostics)
      : rules_(rules),
        agencies_(agencies),
        deadlines_(deadlines),
        database_{database, 0, 0},
        diagnostics_(diagnostics) {}

  // Whether the row can be honoured on some day (and so be compared with
  // the others for overlaps).
  bool Check(const ExceptionRow& row) {
    if (!row.values_fit || row.agency < 0) return false;
    const Obligation* rule = rules_.FindObligation(row.obligation_id);
    if (rule == nullptr) {
      diagnostics_.Error(database_, "",
                         Where(row.id, "obligation_id") + "unknown obligation '" +
                             row.obligation_id + "'" + kNotHonoured);
      return false;
    }
    const GrantedException& grant = row.grant;
    const Agency& agency = agencies_.at(row.agency);
    const bool national = agency.id == kNationalAgencyId && agency.kind == "national";
    if (!InScope(rule->applies_to, agency, national)) {
      Warn(rule->id, Where(row.id, "agency_id") + "obligation '" + rule->id +
                         "' does not apply to " + agency.id + "; nothing to extend or waive");
      return false;
    }
    std::optional<Date> original_due;
    bool honoured = true;
    if (rule->due.kind == Due::Kind::kRecurring) {
      const std::optional<Period> period = row.period.empty()
                                               ? std::optional<Period>(rule->due.first)
                                               : SeriesPeriod(rule->due, row.period);
      if (!period) {
        Warn(rule->id, Where(row.id, "period") + "'" + row.period + "' is not a period of '" +
                           rule->id + "' (from " + rule->due.first.Label() +
                           (rule->due.last ? " to " + rule->due.last->Label() : "") + ")" +
                           kNotHonoured);
        return false;
      }
      original_due = deadlines_.PeriodDue(rule->due, *period);
    } else {
      if (!row.period.empty() && row.period != rule->period) {
        Warn(rule->id, Where(row.id, "period") + "'" + rule->id + "' has no period '" + row.period +
                           "'" +
                           (rule->period.empty() ? " (it is not recurring)"
                                                 : " (its period is " + rule->period + ")") +
                           kNotHonoured);
        return false;
      }
      if (rule->due.kind == Due::Kind::kFixed) original_due = deadlines_.Fixed(rule->due);
    }
    if (grant.kind == ExceptionKind::kExtension) {
      if (!grant.new_due) {
        Warn(rule->id,
             Where(row.id, "new_due") + "an extension without a new due date" + kNotHonoured);
        honoured = false;
      } else if (original_due && !(*original_due < *grant.new_due)) {
        Warn(rule->id, Where(row.id, "new_due") + FormatIsoDate(*grant.new_due) + " is not after " +
                           (row.period.empty() && rule->due.kind == Due::Kind::kRecurring
                                ? "the first period's due date "
                                : "the due date ") +
                           FormatIsoDate(*original_due) + "; the extension extends nothing");
        honoured = false;
      }
    } else if (grant.new_due) {
      Warn(rule->id, Where(row.id, "new_due") + "a waiver has no new due date; " +
                         FormatIsoDate(*grant.new_due) + " is ignored");
    }
    if (grant.expires_on && !(grant.document_date < *grant.expires_on)) {
      Warn(rule->id, Where(row.id, "expires_on") + FormatIsoDate(*grant.expires_on) +
                         " is not after document_date " + FormatIsoDate(grant.document_date) +
                         "; the exception is never in force");
      honoured = false;
    }
    return honoured;
  }

  // Two rows for one instance in force on the same day: `later` (read
  // after `earlier`) names it.
  void CheckOverlap(const ExceptionRow& earlier, const ExceptionRow& later) {
    if (earlier.obligation_id != later.obligation_id || earlier.agency != later.agency) return;
    if (!earlier.period.empty() && !later.period.empty() && earlier.period != later.period) return;
    const GrantedException& a = earlier.grant;
    const GrantedException& b = later.grant;
    const Date from = std::max(a.document_date, b.document_date);
    std::optional<Date> until = a.expires_on;
    if (b.expires_on && (!until || *b.expires_on < *until)) until = b.expires_on;
    if (until && !(from < *until)) return;
    const bool later_wins = !(b.document_date < a.document_date);
    Warn(later.obligation_id,
         Where(later.id, "document_date") + "in force on the same days as row " + earlier.id +
             " (from " + FormatIsoDate(from) +
             (until ? " to " + FormatIsoDate(*until - boost::gregorian::days(1)) : "") + ") for '" +
             later.obligation_id + "', " + later.agency_id + ", " +
             PeriodText(later.period.empty() ? earlier.period : later.period) +
             "; the later document wins (row " + (later_wins ? later.id : earlier.id) + ")");
  }

 private:
  void Warn(const std::string& rule_id, const std::string& message) {
    diagnostics_.Warning(database_, rule_id, message);
  }

  const RuleSet& rules_;
  const AgencyDirectory& agencies_;
  const Deadlines& deadlines_;
  SourceLocation database_;
  Diagnostics& diagnostics_;
};

}  // namespace

void CheckExceptions(const RuleSet& rules, RecordStore& store, const WorkCalendar& calendar,
                     Diagnostics& diagnostics) {
  std::vector<DataIssue> ignored;  // The agency table's issues are the evaluation's.
  AgencyDirectory agencies = AgencyDirectory::Read(store, ignored);
  if (std::any_of(rules.obligations.begin(), rules.obligations.end(),
                  [](const Obligation& rule) { return rule.applies_to.national; })) {
    agencies.AddPseudoAgency({kNationalAgencyId, kNationalAgencyName, "national"});
  }
  std::vector<DataIssue> issues;
  const std::vector<ExceptionRow> rows = ReadExceptions(store, agencies, issues);
  const SourceLocation database{store.path(), 0, 0};
  const Deadlines deadlines(calendar);
  RowChecker checker(rules, agencies, deadlines, store.path(), diagnostics);
  std::vector<const ExceptionRow*> honoured;
  for (const ExceptionRow& row : rows) {
    // In row order: first the values that break the contract.
    for (const DataIssue& issue : issues) {
      if (issue.row_id != row.id) continue;
      const bool agency = issue.column == ExceptionTableSpec().agency_column;
      const std::string problem = !agency ? "'" + issue.value + "' " + issue.problem
                                  : issue.value == "NULL"
                                      ? std::string("no agency")
                                      : "agency '" + issue.value + "' is not in the agency table";
      diagnostics.Error(database, "", Where(issue.row_id, issue.column) + problem + kNotHonoured);
    }
    if (checker.Check(row)) honoured.push_back(&row);
  }
  for (std::size_t j = 0; j < honoured.size(); ++j) {
    for (std::size_t i = 0; i < j; ++i) checker.CheckOverlap(*honoured[i], *honoured[j]);
  }
}

}  // namespace dxcomply

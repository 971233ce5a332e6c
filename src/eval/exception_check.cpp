#include "eval/exception_check.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "eval/deadlines.hpp"
#include "eval/instance_table.hpp"
#include "records/agency_timeline.hpp"
#include "records/exception_reader.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace dxcomply {
namespace {

// "<where>: <problem>; the exception is not honoured".
std::string NotHonoured(const std::string& message) {
  return Format(Tr("{0}; the exception is not honoured"), {message});
}

// "table 'exception', row 7, column new_due: <problem>".
std::string At(const std::string& row_id, const std::string& column, const std::string& problem) {
  return Format(Tr("table '{0}', row {1}, column {2}: {3}"),
                {kExceptionTable, row_id, column, problem});
}

std::string PeriodText(const std::string& period) {
  return period.empty() ? std::string(Tr("every period")) : Format(Tr("period {0}"), {period});
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
  RowChecker(const RuleSet& rules, const AgencyDirectory& agencies, const AgencyTimeline& timeline,
             const Deadlines& deadlines, const std::string& database, Diagnostics& diagnostics)
      : rules_(rules),
        agencies_(agencies),
        timeline_(timeline),
        deadlines_(deadlines),
        database_{database, 0, 0},
        diagnostics_(diagnostics) {}

  // Whether the row can be honoured on some day (and so be compared with
  // the others for overlaps).
  bool Check(const ExceptionRow& row) {
    if (!row.values_fit || row.agency < 0) return false;
    const Obligation* rule = rules_.FindObligation(row.obligation_id);
    if (rule == nullptr) {
      diagnostics_.Error(
          database_, "",
          At(row.id, "obligation_id",
             NotHonoured(Format(Tr("unknown obligation '{0}'"), {row.obligation_id}))));
      return false;
    }
    const GrantedException& grant = row.grant;
    const Agency& agency = agencies_.at(row.agency);
    const bool national = agency.id == kNationalAgencyId && agency.kind == "national";
    if (!InScope(rule->applies_to, agency, national)) {
      Warn(rule->id,
           At(row.id, "agency_id",
              Format(Tr("obligation '{0}' does not apply to {1}; nothing to extend or waive"),
                     {rule->id, agency.id})));
      return false;
    }
    // Its duties pass on the day before it ceases, with the exceptions in
    // force then: one granted on or after that day reaches no one.
    const DayNumber ceases = timeline_.CeasesOn(row.agency);
    if (ceases != kPlusInfinity && ToDayNumber(grant.document_date) >= ceases) {
      const std::vector<Succession>& successors = timeline_.SuccessorsOf(row.agency);
      const std::string problem =
          Format(Tr("granted on {0} to {1}, which ceased on {2}: it would never be honoured"),
                 {ShownDate(grant.document_date), agency.id, ShownDate(FromDayNumber(ceases))});
      Warn(rule->id, At(row.id, "document_date",
                        successors.empty()
                            ? problem
                            : Format(Tr("{0}; grant it to the successor {1}"),
                                     {problem, agencies_.at(successors.front().successor).id})));
      return false;
    }
    std::optional<Date> original_due;
    bool honoured = true;
    if (rule->due.kind == Due::Kind::kRecurring) {
      const std::optional<Period> period = row.period.empty()
                                               ? std::optional<Period>(rule->due.first)
                                               : SeriesPeriod(rule->due, row.period);
      if (!period) {
        const std::string series =
            rule->due.last
                ? Format(Tr("from {0} to {1}"), {rule->due.first.Label(), rule->due.last->Label()})
                : Format(Tr("from {0}"), {rule->due.first.Label()});
        Warn(rule->id, At(row.id, "period",
                          NotHonoured(Format(Tr("'{0}' is not a period of '{1}' ({2})"),
                                             {row.period, rule->id, series}))));
        return false;
      }
      original_due = deadlines_.PeriodDue(rule->due, *period);
    } else {
      if (!row.period.empty() && row.period != rule->period) {
        Warn(rule->id,
             At(row.id, "period",
                NotHonoured(rule->period.empty()
                                ? Format(Tr("'{0}' has no period '{1}' (it is not recurring)"),
                                         {rule->id, row.period})
                                : Format(Tr("'{0}' has no period '{1}' (its period is {2})"),
                                         {rule->id, row.period, rule->period}))));
        return false;
      }
      if (rule->due.kind == Due::Kind::kFixed) original_due = deadlines_.Fixed(rule->due);
    }
    if (grant.kind == ExceptionKind::kExtension) {
      if (!grant.new_due) {
        Warn(rule->id,
             At(row.id, "new_due", NotHonoured(Tr("an extension without a new due date"))));
        honoured = false;
      } else if (original_due && !(*original_due < *grant.new_due)) {
        Warn(rule->id,
             At(row.id, "new_due",
                Format(row.period.empty() && rule->due.kind == Due::Kind::kRecurring
                           ? Tr("{0} is not after the first period's due date {1}; the extension "
                                "extends nothing")
                           : Tr("{0} is not after the due date {1}; the extension extends nothing"),
                       {ShownDate(*grant.new_due), ShownDate(*original_due)})));
        honoured = false;
      }
    } else if (grant.new_due) {
      Warn(rule->id, At(row.id, "new_due",
                        Format(Tr("a waiver has no new due date; {0} is ignored"),
                               {ShownDate(*grant.new_due)})));
    }
    if (grant.expires_on && !(grant.document_date < *grant.expires_on)) {
      Warn(rule->id,
           At(row.id, "expires_on",
              Format(Tr("{0} is not after document_date {1}; the exception is never in force"),
                     {ShownDate(*grant.expires_on), ShownDate(grant.document_date)})));
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
    const std::string days =
        until ? Format(Tr("from {0} to {1}"),
                       {ShownDate(from), ShownDate(*until - boost::gregorian::days(1))})
              : Format(Tr("from {0}"), {ShownDate(from)});
    Warn(later.obligation_id,
         At(later.id, "document_date",
            Format(Tr("in force on the same days as row {0} ({1}) for '{2}', {3}, {4}; the later "
                      "document wins (row {5})"),
                   {earlier.id, days, later.obligation_id, later.agency_id,
                    PeriodText(later.period.empty() ? earlier.period : later.period),
                    later_wins ? later.id : earlier.id})));
  }

 private:
  void Warn(const std::string& rule_id, const std::string& message) {
    diagnostics_.Warning(database_, rule_id, message);
  }

  const RuleSet& rules_;
  const AgencyDirectory& agencies_;
  const AgencyTimeline& timeline_;
  const Deadlines& deadlines_;
  SourceLocation database_;
  Diagnostics& diagnostics_;
};

}  // namespace

void CheckExceptions(const RuleSet& rules, RecordStore& store, const WorkCalendar& calendar,
                     Diagnostics& diagnostics) {
  std::vector<DataIssue> ignored;  // The agency table's issues are the evaluation's.
  AgencyDirectory agencies = AgencyDirectory::Read(store, ignored);
  const AgencyTimeline timeline = AgencyTimeline::Read(store, agencies, ignored);
  if (std::any_of(rules.obligations.begin(), rules.obligations.end(),
                  [](const Obligation& rule) { return rule.applies_to.national; })) {
    agencies.AddPseudoAgency({kNationalAgencyId, kNationalAgencyName, "national"});
  }
  std::vector<DataIssue> issues;
  const std::vector<ExceptionRow> rows = ReadExceptions(store, agencies, issues);
  const SourceLocation database{store.path(), 0, 0};
  const Deadlines deadlines(calendar);
  RowChecker checker(rules, agencies, timeline, deadlines, store.path(), diagnostics);
  std::vector<const ExceptionRow*> honoured;
  for (const ExceptionRow& row : rows) {
    // In row order: first the values that break the contract.
    for (const DataIssue& issue : issues) {
      if (issue.row_id != row.id) continue;
      const bool agency = issue.column == ExceptionTableSpec().agency_column;
      const std::string problem =
          !agency ? Format(Tr("'{0}' {1}"), {issue.value, issue.problem})
          : issue.value == "NULL"
              ? std::string(Tr("no agency"))
              : Format(Tr("agency '{0}' is not in the agency table"), {issue.value});
      diagnostics.Error(database, "", At(issue.row_id, issue.column, NotHonoured(problem)));
    }
    if (checker.Check(row)) honoured.push_back(&row);
  }
  for (std::size_t j = 0; j < honoured.size(); ++j) {
    for (std::size_t i = 0; i < j; ++i) checker.CheckOverlap(*honoured[i], *honoured[j]);
  }
}

}  // namespace dxcomply

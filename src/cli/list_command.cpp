#include "cli/list_command.hpp"

#include "base/labels.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "cli/did_you_mean.hpp"
#include "cli/prepared_run.hpp"
#include "cli/run_inputs.hpp"
#include "eval/deadlines.hpp"
#include "records/agency_directory.hpp"
#include "records/agency_timeline.hpp"
#include "report/text_layout.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

namespace dxcomply {
namespace {

using Json = nlohmann::ordered_json;

// A recurring obligation's periods shown in text: the first and the last
// few (JSON has them all).
constexpr std::size_t kPeriodsShown = 5;

std::string Joined(const std::vector<std::string>& words, const std::string& separator = ", ") {
  std::string joined;
  for (const std::string& word : words) joined += (joined.empty() ? "" : separator) + word;
  return joined;
}

std::string DayDate(const Date& date) { return ShownDate(date); }

std::string Days(int days, DayUnit unit) { return DaysCount(days, unit); }

const char* FrequencyName(Frequency frequency) {
  switch (frequency) {
    case Frequency::kMonth:
      return Tr("month");
    case Frequency::kQuarter:
      return Tr("quarter");
    case Frequency::kYear:
      return Tr("year");
  }
  return "";
}

// "1 month after the period's first month, on its working day 5".
std::string RecurringDueDay(const Due& due) {
  std::string month;
  if (due.month_offset == 0) {
    month = Tr("in the period's first month");
  } else if (due.month_offset > 0) {
    month = Format(TrN("{0} month after the period's first month",
                       "{0} months after the period's first month", due.month_offset),
                   {std::to_string(due.month_offset)});
  } else {
    month = Format(TrN("{0} month before the period's first month",
                       "{0} months before the period's first month", -due.month_offset),
                   {std::to_string(-due.month_offset)});
  }
  std::string day;
  if (due.working_day > 0) {
    day = Format(Tr("its working day {0}"), {std::to_string(due.working_day)});
  } else if (due.day == 0) {
    day = Tr("its last day");
  } else {
    day = Format(Tr("day {0}"), {std::to_string(due.day)});
  }
  return Format(Tr("{0}, on {1}"), {month, day});
}

// How the obligation falls due, in one phrase.
std::string DueText(const Obligation& obligation, const Deadlines& deadlines) {
  const Due& due = obligation.due;
  switch (due.kind) {
    case Due::Kind::kFixed: {
      const Date date = deadlines.Fixed(due);
      std::string text = DayDate(date);
      if (due.roll_to_working_day && date != due.date) {
        text += Format(Tr(", moved from {0} (a day off)"), {ShownDate(due.date)});
      }
      return text;
    }
    case Due::Kind::kAfter:
      return Format(Tr("{0} after {1} is met"), {Days(due.days, due.unit), due.after});
    case Due::Kind::kPerRecord:
      return Format(Tr("each {0} row {1} after its {2}"),
                    {obligation.check.table, Days(due.days, due.unit), due.after_column});
    case Due::Kind::kRecurring:
      return due.last ? Format(Tr("every {0} from {1} to {2}, due {3}"),
                               {FrequencyName(due.first.frequency), due.first.Label(),
                                due.last->Label(), RecurringDueDay(due)})
                      : Format(Tr("every {0} from {1}, due {2}"),
                               {FrequencyName(due.first.frequency), due.first.Label(),
                                RecurringDueDay(due)});
  }
  return "";
}

std::string ScopeText(const Scope& scope) {
  std::vector<std::string> parts;
  if (!scope.kinds.empty()) parts.push_back(Format(Tr("kinds {0}"), {Joined(scope.kinds)}));
  if (!scope.agencies.empty()) {
    parts.push_back(Format(Tr("agencies {0}"), {Joined(scope.agencies)}));
  }
  if (!scope.except.empty()) parts.push_back(Format(Tr("except {0}"), {Joined(scope.except)}));
  if (scope.national) parts.push_back(Format(Tr("national ({0})"), {kNationalAgencyId}));
  return parts.empty() ? std::string(Tr("no agency")) : Joined(parts, "; ");
}

Json ScopeJson(const Scope& scope) {
  return {{"kinds", scope.kinds},
          {"agencies", scope.agencies},
          {"except", scope.except},
          {"national", scope.national}};
}

bool InForce(const Obligation& obligation, const Date& as_of) {
  return !obligation.issued_on || *obligation.issued_on <= as_of;
}

struct PeriodDue {
  std::string label;
  Date due;
};

std::vector<PeriodDue> PeriodsOf(const Obligation& obligation, const Deadlines& deadlines,
                                 const Date& as_of) {
  std::vector<PeriodDue> periods;
  if (obligation.due.kind != Due::Kind::kRecurring) return periods;
  for (const Period& period : deadlines.Periods(obligation.due, as_of)) {
    periods.push_back({period.Label(), deadlines.PeriodDue(obligation.due, period)});
  }
  return periods;
}

std::string PeriodsText(const std::vector<PeriodDue>& periods, const Date& as_of) {
  if (periods.empty()) return Format(Tr("none yet as of {0}"), {ShownDate(as_of)});
  std::vector<std::string> shown;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    if (periods.size() > kPeriodsShown && i == 1) shown.push_back("…");
    if (periods.size() > kPeriodsShown && i >= 1 && i + kPeriodsShown - 1 < periods.size()) {
      continue;
    }
    shown.push_back(Format(Tr("{0} (due {1})"), {periods[i].label, ShownDate(periods[i].due)}));
  }
  return Format(Tr("{0} as of {1}: {2}"),
                {std::to_string(periods.size()), ShownDate(as_of), Joined(shown)});
}

ExitStatus ListObligations(const ListOptions& options, const Date& as_of, std::ostream& out,
                           std::ostream& err) {
  const std::optional<std::string> folder = RulesFolder(options.rules, err);
  if (!folder) return kExitInputError;
  Diagnostics diagnostics;
  const RuleSet rules = LoadCheckedRules(*folder, diagnostics);
  const WorkCalendar calendar = LoadCalendar(*folder, diagnostics);
  if (diagnostics.HasErrors()) {
    PrintDiagnostics(diagnostics, err);
    err << Format(Tr("{0} in the rules; nothing listed"),
                  {Counted(diagnostics.error_count(),
                           TrN("{0} error", "{0} errors", diagnostics.error_count()))})
        << "\n";
    return kExitInputError;
  }
  const Deadlines deadlines(calendar);

  if (options.format == "json") {
    Json list = Json::array();
    for (const Obligation& obligation : rules.obligations) {
      Json periods = Json::array();
      for (const PeriodDue& period : PeriodsOf(obligation, deadlines, as_of)) {
        periods.push_back({{"period", period.label}, {"due", FormatIsoDate(period.due)}});
      }
      list.push_back(
          {{"id", obligation.id},
           {"title", obligation.title},
           {"title_en", obligation.title_en},
           {"theme", obligation.theme},
           {"check", CheckKindName(obligation.check.kind)},
           {"due", DueText(obligation, deadlines)},
           {"periods", periods},
           {"scope", ScopeJson(obligation.applies_to)},
           {"issued_on",
            obligation.issued_on ? Json(FormatIsoDate(*obligation.issued_on)) : Json(nullptr)},
           {"in_force", InForce(obligation, as_of)},
           {"source",
            {{"document", obligation.source.document},
             {"passage", obligation.source.passage},
             {"assumed", obligation.source.assumed}}},
           {"file", obligation.location.file},
           {"line", obligation.location.line}});
    }
    out << Json{{"format", "dxcomply-obligations"},
                {"version", 1},
                {"as_of", FormatIsoDate(as_of)},
                {"obligations", list}}
               .dump(2, ' ', false, Json::error_handler_t::replace)
        << "\n";
    return kExitOk;
  }

  out << Format(Tr("{0} in {1} · as of {2}"),
                {Counted(rules.obligations.size(),
                         TrN("{0} obligation", "{0} obligations", rules.obligations.size())),
                 *folder, DayDate(as_of)})
      << "\n";
  // The labels of each obligation's lines, padded to the longest.
  const std::string due_label = TrC("list", "due");
  const std::string periods_label = TrC("list", "periods");
  const std::string scope_label = TrC("list", "scope");
  const std::string in_force_label = TrC("list", "in force");
  const std::string source_label = Tr("source");
  const std::string assumed_label = Tr("assumed");
  std::size_t width = 8;
  for (const std::string* label :
       {&due_label, &periods_label, &scope_label, &in_force_label, &source_label, &assumed_label}) {
    width = std::max(width, DisplayWidth(*label));
  }
  const auto line = [&](const std::string& label, const std::string& value) {
    out << "  " << FitWidth(label, width) << "  " << value << "\n";
  };
  for (const Obligation& obligation : rules.obligations) {
    out << "\n"
        << obligation.id << " · " << CheckKindLabel(CheckKindName(obligation.check.kind))
        << (obligation.theme.empty() ? "" : " · " + obligation.theme) << "\n";
    out << "  " << obligation.title << "\n";
    line(due_label, DueText(obligation, deadlines));
    if (obligation.due.kind == Due::Kind::kRecurring) {
      line(periods_label, PeriodsText(PeriodsOf(obligation, deadlines, as_of), as_of));
    }
    line(scope_label, ScopeText(obligation.applies_to));
    if (obligation.issued_on) {
      line(in_force_label,
           Format(InForce(obligation, as_of) ? Tr("since {0}") : Tr("not yet: from {0}"),
                  {DayDate(*obligation.issued_on)}));
    }
    line(source_label, obligation.source.document);
    if (!obligation.source.assumed.empty()) line(assumed_label, obligation.source.assumed);
  }
  return kExitOk;
}

ExitStatus ListAgencies(const ListOptions& options, const Date& as_of, std::ostream& out,
                        std::ostream& err) {
  if (options.database.empty()) {
    err << Tr("error: ") << Tr("list agencies needs --db FILE") << "\n";
    return kExitInputError;
  }
  std::vector<std::string> kinds = kAgencyKinds;
  kinds.push_back("national");
  for (const std::string& kind : options.kinds) {
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
      err << Tr("error: ") << Format(Tr("--kind takes {0}, not '{1}'"), {Joined(kinds), kind})
          << DidYouMean(NearestIds(kind, kinds)) << "\n";
      return kExitInputError;
    }
  }
  RecordStore store = RecordStore::Open(options.database);
  std::vector<DataIssue> issues;
  // The map on `as_of`: the agencies existing then, under their names and kinds of then.
  AgencyDirectory directory = AgencyDirectory::Read(store, issues);
  const AgencyTimeline timeline = AgencyTimeline::Read(store, directory, issues);
  const DayNumber day = ToDayNumber(as_of);
  if (!timeline.empty()) timeline.ApplyTo(directory, day);
  std::vector<Agency> agencies;
  for (std::size_t i = 0; i < directory.size(); ++i) {
    if (timeline.ExistsOn(static_cast<int>(i), day)) {
      agencies.push_back(directory.at(static_cast<int>(i)));
    }
  }
  agencies.push_back({kNationalAgencyId, kNationalAgencyName, "national"});
  if (!options.kinds.empty()) {
    agencies.erase(std::remove_if(agencies.begin(), agencies.end(),
                                  [&](const Agency& agency) {
                                    return std::find(options.kinds.begin(), options.kinds.end(),
                                                     agency.kind) == options.kinds.end();
                                  }),
                   agencies.end());
  }

  if (options.format == "json") {
    Json list = Json::array();
    for (const Agency& agency : agencies) {
      list.push_back({{"id", agency.id},
                      {"name", agency.name},
                      {"kind", agency.kind},
                      {"kind_label", AgencyKindLabel(agency.kind)}});
    }
    out << Json{{"format", "dxcomply-agencies"},
                {"version", 1},
                {"as_of", FormatIsoDate(as_of)},
                {"agencies", list}}
               .dump(2, ' ', false, Json::error_handler_t::replace)
        << "\n";
    return kExitOk;
  }
  const std::string id_heading = TrC("column", "id");
  const std::string kind_heading = TrC("column", "kind");
  std::size_t id_width = DisplayWidth(id_heading);
  std::size_t kind_width = std::max<std::size_t>(10, DisplayWidth(kind_heading));
  for (const Agency& agency : agencies) {
    id_width = std::max(id_width, DisplayWidth(agency.id));
    kind_width = std::max(kind_width, DisplayWidth(AgencyKindLabel(agency.kind)));
  }
  out << Format(Tr("{0} in {1} · as of {2}"),
                {Counted(agencies.size(), TrN("{0} agency", "{0} agencies", agencies.size())),
                 store.path(), DayDate(as_of)})
      << "\n";
  out << "  " << FitWidth(id_heading, id_width) << "  " << FitWidth(kind_heading, kind_width)
      << "  " << TrC("column", "name") << "\n";
  for (const Agency& agency : agencies) {
    out << "  " << FitWidth(agency.id, id_width) << "  "
        << FitWidth(AgencyKindLabel(agency.kind), kind_width) << "  " << agency.name
        << (agency.id == kNationalAgencyId ? std::string(Tr(" (the national indicators)")) : "")
        << "\n";
  }
  return kExitOk;
}

}  // namespace

ExitStatus RunList(const ListOptions& options, std::ostream& out, std::ostream& err) {
  if (options.format != "text" && options.format != "json") {
    err << Tr("error: ") << Format(Tr("--format must be text or json, not '{0}'"), {options.format})
        << "\n";
    return kExitInputError;
  }
  Date as_of = boost::gregorian::day_clock::local_day();
  if (!options.as_of.empty()) {
    const std::optional<Date> date = ParseIsoDate(options.as_of);
    if (!date) {
      err << Tr("error: ")
          << Format(Tr("--as-of must be an ISO date YYYY-MM-DD that exists, not '{0}'"),
                    {options.as_of})
          << "\n";
      return kExitInputError;
    }
    as_of = *date;
  }
  if (options.what == "agencies") return ListAgencies(options, as_of, out, err);
  if (options.what == "obligations") {
    if (!options.kinds.empty()) {
      err << Tr("error: ")
          << Tr("--kind lists agencies of a kind; with obligations, see each one's scope") << "\n";
      return kExitInputError;
    }
    return ListObligations(options, as_of, out, err);
  }
  err << Tr("error: ")
      << Format(Tr("list takes agencies or obligations, not '{0}'"), {options.what})
      << DidYouMean(NearestIds(options.what, {"agencies", "obligations"})) << "\n";
  return kExitInputError;
}

}  // namespace dxcomply

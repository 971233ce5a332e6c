#include "cli/list_command.hpp"

#include "cli/did_you_mean.hpp"
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

std::string DayDate(const Date& date) {
  return FormatIsoDate(date) + " (" + FormatVnDate(date) + ")";
}

std::string Days(int days, DayUnit unit) {
  return std::to_string(days) + (unit == DayUnit::kWorking ? " working" : "") +
         (days == 1 ? " day" : " days");
}

const char* FrequencyName(Frequency frequency) {
  switch (frequency) {
    case Frequency::kMonth:
      return "month";
    case Frequency::kQuarter:
      return "quarter";
    case Frequency::kYear:
      return "year";
  }
  return "";
}

// "in the month after the period begins, on its 5th working day".
std::string RecurringDueDay(const Due& due) {
  std::string month;
  if (due.month_offset == 0) {
    month = "in the period's first month";
  } else if (due.month_offset > 0) {
    month = std::to_string(due.month_offset) + " month" + (due.month_offset == 1 ? "" : "s") +
            " after the period's first month";
  } else {
    month = std::to_string(-due.month_offset) + " month" + (due.month_offset == -1 ? "" : "s") +
            " before the period's first month";
  }
  std::string day;
  if (due.working_day > 0) {
    day = "its working day " + std::to_string(due.working_day);
  } else if (due.day == 0) {
    day = "its last day";
  } else {
    day = "day " + std::to_string(due.day);
  }
  return month + ", on " + day;
}

// How the obligation falls due, in one phrase.
std::string DueText(const Obligation& obligation, const Deadlines& deadlines) {
  const Due& due = obligation.due;
  switch (due.kind) {
    case Due::Kind::kFixed: {
      const Date date = deadlines.Fixed(due);
      std::string text = DayDate(date);
      if (due.roll_to_working_day && date != due.date) {
        text += ", moved from " + FormatIsoDate(due.date) + " (a day off)";
      }
      return text;
    }
    case Due::Kind::kAfter:
      return Days(due.days, due.unit) + " after " + due.after + " is met";
    case Due::Kind::kPerRecord:
      return "each " + obligation.check.table + " row " + Days(due.days, due.unit) + " after its " +
             due.after_column;
    case Due::Kind::kRecurring:
      return std::string("every ") + FrequencyName(due.first.frequency) + " from " +
             due.first.Label() + (due.last ? " to " + due.last->Label() : "") + ", due " +
             RecurringDueDay(due);
  }
  return "";
}

std::string ScopeText(const Scope& scope) {
  std::vector<std::string> parts;
  if (!scope.kinds.empty()) parts.push_back("kinds " + Joined(scope.kinds));
  if (!scope.agencies.empty()) parts.push_back("agencies " + Joined(scope.agencies));
  if (!scope.except.empty()) parts.push_back("except " + Joined(scope.except));
  if (scope.national) parts.push_back(std::string("national (") + kNationalAgencyId + ")");
  return parts.empty() ? "no agency" : Joined(parts, "; ");
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
  if (periods.empty()) return "none yet as of " + FormatIsoDate(as_of);
  std::vector<std::string> shown;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    if (periods.size() > kPeriodsShown && i == 1) shown.push_back("…");
    if (periods.size() > kPeriodsShown && i >= 1 && i + kPeriodsShown - 1 < periods.size()) {
      continue;
    }
    shown.push_back(periods[i].label + " (due " + FormatIsoDate(periods[i].due) + ")");
  }
  return std::to_string(periods.size()) + " as of " + FormatIsoDate(as_of) + ": " + Joined(shown);
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
    err << diagnostics.error_count() << " error(s) in the rules; nothing listed\n";
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

  out << rules.obligations.size() << " obligations in " << *folder << " · as of " << DayDate(as_of)
      << "\n";
  for (const Obligation& obligation : rules.obligations) {
    out << "\n"
        << obligation.id << " · " << CheckKindName(obligation.check.kind)
        << (obligation.theme.empty() ? "" : " · " + obligation.theme) << "\n";
    out << "  " << obligation.title << "\n";
    out << "  due       " << DueText(obligation, deadlines) << "\n";
    if (obligation.due.kind == Due::Kind::kRecurring) {
      out << "  periods   " << PeriodsText(PeriodsOf(obligation, deadlines, as_of), as_of) << "\n";
    }
    out << "  scope     " << ScopeText(obligation.applies_to) << "\n";
    if (obligation.issued_on) {
      out << "  in force  " << (InForce(obligation, as_of) ? "since " : "not yet: from ")
          << DayDate(*obligation.issued_on) << "\n";
    }
    out << "  source    " << obligation.source.document << "\n";
    if (!obligation.source.assumed.empty()) {
      out << "  assumed   " << obligation.source.assumed << "\n";
    }
  }
  return kExitOk;
}

ExitStatus ListAgencies(const ListOptions& options, const Date& as_of, std::ostream& out,
                        std::ostream& err) {
  if (options.database.empty()) {
    err << "error: list agencies needs --db FILE\n";
    return kExitInputError;
  }
  std::vector<std::string> kinds = kAgencyKinds;
  kinds.push_back("national");
  for (const std::string& kind : options.kinds) {
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
      err << "error: --kind takes " << Joined(kinds) << ", not '" << kind << "'"
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
      list.push_back({{"id", agency.id}, {"name", agency.name}, {"kind", agency.kind}});
    }
    out << Json{{"format", "dxcomply-agencies"},
                {"version", 1},
                {"as_of", FormatIsoDate(as_of)},
                {"agencies", list}}
               .dump(2, ' ', false, Json::error_handler_t::replace)
        << "\n";
    return kExitOk;
  }
  std::size_t id_width = 2;
  for (const Agency& agency : agencies) id_width = std::max(id_width, DisplayWidth(agency.id));
  out << agencies.size() << " agencies in " << store.path() << " · as of " << DayDate(as_of)
      << "\n";
  out << "  " << FitWidth("id", id_width) << "  " << FitWidth("kind", 10) << "  name\n";
  for (const Agency& agency : agencies) {
    out << "  " << FitWidth(agency.id, id_width) << "  " << FitWidth(agency.kind, 10) << "  "
        << agency.name << (agency.id == kNationalAgencyId ? " (the national indicators)" : "")
        << "\n";
  }
  return kExitOk;
}

}  // namespace

ExitStatus RunList(const ListOptions& options, std::ostream& out, std::ostream& err) {
  if (options.format != "text" && options.format != "json") {
    err << "error: --format must be text or json, not '" << options.format << "'\n";
    return kExitInputError;
  }
  Date as_of = boost::gregorian::day_clock::local_day();
  if (!options.as_of.empty()) {
    const std::optional<Date> date = ParseIsoDate(options.as_of);
    if (!date) {
      err << "error: --as-of must be an ISO date YYYY-MM-DD that exists, not '" << options.as_of
          << "'\n";
      return kExitInputError;
    }
    as_of = *date;
  }
  if (options.what == "agencies") return ListAgencies(options, as_of, out, err);
  if (options.what == "obligations") {
    if (!options.kinds.empty()) {
      err << "error: --kind lists agencies of a kind; with obligations, see each one's scope\n";
      return kExitInputError;
    }
    return ListObligations(options, as_of, out, err);
  }
  err << "error: list takes agencies or obligations, not '" << options.what << "'"
      << DidYouMean(NearestIds(options.what, {"agencies", "obligations"})) << "\n";
  return kExitInputError;
}

}  // namespace dxcomply

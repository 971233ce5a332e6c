// The terminal format: overdue and at-risk lists with the reason under each
// finding, then a summary. Columns count characters, so Vietnamese names
// with diacritics line up.
#include "base/labels.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "base/terminal_text.hpp"
#include "engine/finding_text.hpp"
#include "eval/classify.hpp"
#include "eval/exception_grants.hpp"
#include "report/finding_format.hpp"
#include "report/reporter.hpp"
#include "report/text_layout.hpp"

#include <algorithm>
#include <sstream>
#include <utility>

namespace dxcomply {
namespace {

constexpr std::size_t kAgencyWidth = 30;
constexpr std::size_t kObligationWidth = 28;
constexpr const char* kPriorityNote = TrNoop(
    "highest priority first: the escalation tier it is heading for, then spare days (days "
    "left less the lead time), then what it holds back");

// The summary's status columns, each as wide as its heading and at least 9.
struct CountColumns {
  std::array<std::string, kStatusCount> headings = {
      TrC("summary column", "overdue"),  TrC("summary column", "at_risk"),
      TrC("summary column", "on_track"), TrC("summary column", "waiting"),
      TrC("summary column", "met_late"), TrC("summary column", "met"),
      TrC("summary column", "waived"),   TrC("summary column", "n/a")};
  std::array<std::size_t, kStatusCount> widths{};
  CountColumns() {
    for (std::size_t i = 0; i < widths.size(); ++i) {
      widths[i] = std::max<std::size_t>(9, DisplayWidth(headings[i]) + 1);
    }
  }
};

// A status heading in bold and its colour (ANSI SGR): red overdue, yellow
// at risk, green met, cyan waived.
std::string Coloured(Status status, const std::string& text) {
  const char* colour = status == Status::kOverdue                               ? "1;31"
                       : status == Status::kAtRisk                              ? "1;33"
                       : (status == Status::kMet || status == Status::kMetLate) ? "1;32"
                       : status == Status::kWaived                              ? "1;36"
                                                                                : "1";
  return std::string("\033[") + colour + "m" + text + "\033[0m";
}

void WriteCounts(const StatusCounts& counts, std::ostream& out) {
  const CountColumns& columns = Translated<CountColumns>();
  for (std::size_t i = 0; i < counts.size(); ++i) {
    out << PadLeft(GroupThousands(counts[i]), columns.widths[i]);
  }
}

void WriteCountsHeader(const std::string& first, std::size_t width, std::ostream& out) {
  const CountColumns& columns = Translated<CountColumns>();
  out << "  " << FitWidth(first, width);
  for (std::size_t i = 0; i < columns.headings.size(); ++i) {
    out << PadLeft(columns.headings[i], columns.widths[i]);
  }
}

// explain's "label  value" lines, the labels padded to the longest.
class LabelledLines {
 public:
  void Add(std::string label, std::string value) {
    lines_.emplace_back(std::move(label), std::move(value));
  }
  void Write(std::ostream& out) const {
    std::size_t width = 12;
    for (const auto& line : lines_) width = std::max(width, DisplayWidth(line.first));
    for (const auto& [label, value] : lines_) {
      out << FitWidth(label, width) << " " << TerminalSafe(value) << "\n";
    }
  }

 private:
  std::vector<std::pair<std::string, std::string>> lines_;
};

class TextReporter : public Reporter {
 public:
  void WriteReport(const ReportView& view, std::ostream& out) override {
    const Report& report = view.report;
    const Summary& summary = view.summary;
    if (view.agency_id.empty()) {
      out << Format(Tr("dxcomply report · as of {0}"), {ShownDate(report.as_of)}) << "\n";
    } else {
      const Agency* agency = FindAgency(report, view.agency_id);
      out << Format(Tr("dxcomply check · {0} ({1}) · {2} · as of {3}"),
                    {TerminalSafe(agency ? agency->name : view.agency_id),
                     TerminalSafe(view.agency_id), agency ? AgencyKindLabel(agency->kind) : "?",
                     ShownDate(report.as_of)})
          << "\n";
    }
    if (const std::string notice = SampleDataNotice(report.dataset); !notice.empty()) {
      out << notice << "\n";
    }
    out << Format(Tr("{0} findings · {1} data-quality issues"),
                  {GroupThousands(static_cast<long long>(report.findings.size())),
                   GroupThousands(summary.data_issues)})
        << "\n";

    const std::vector<const Finding*> listed = ListedFindings(view);
    for (Status status :
         {Status::kOverdue, Status::kAtRisk, Status::kOnTrack, Status::kWaiting, Status::kMetLate,
          Status::kMet, Status::kWaived, Status::kNotApplicable}) {
      // Without --all, extended findings of other statuses are listed only
      // under EXTENDED.
      const bool problem = status == Status::kOverdue || status == Status::kAtRisk;
      if (!view.all_statuses && !problem && status != Status::kWaived) continue;
      std::vector<const Finding*> group;
      for (const Finding* finding : listed) {
        if (finding->status == status) group.push_back(finding);
      }
      if (group.empty() && !problem) continue;
      WriteGroup(status, group, view.colour, out);
    }
    WriteExtensions(listed, view.colour, out);
    WriteSummary(view, out);
    WriteDataIssues(report, out);
  }

  void WriteExplanation(const Explanation& explanation, std::ostream& out) override {
    const Finding& f = explanation.finding;
    out << f.obligation->id << " · " << TerminalSafe(f.agency->name) << " ("
        << TerminalSafe(f.agency->id) << ")";
    if (!f.period.empty()) out << Format(Tr(" · period {0}"), {TerminalSafe(f.period)});
    out << "\n" << TerminalSafe(f.obligation->title) << "\n";
    // The rule's English title, for English readers only.
    if (!explanation.rule.title_en.empty() && CurrentLanguage() == Language::kEnglish) {
      out << TerminalSafe(explanation.rule.title_en) << "\n";
    }
    if (const std::string notice = SampleDataNotice(explanation.dataset); !notice.empty()) {
      out << notice << "\n";
    }
    out << "\n";
    LabelledLines lines;
    lines.Add(Tr("status"), StatusWithDaysText(f));
    lines.Add(Tr("reason"), f.reason);
    if (f.grounds != 0) {
      std::string grounds;
      for (RiskGround ground : GroundsIn(f.grounds)) {
        grounds += (grounds.empty() ? "" : ", ") + RiskGroundLabel(ground);
      }
      lines.Add(Tr("grounds"), grounds);
    }
    if (f.priority_rank > 0) {
      lines.Add(Tr("priority"),
                f.heading_tier > 0
                    ? Format(Tr("rank {0} of the at-risk list, heading for escalation tier {1}"),
                             {std::to_string(f.priority_rank), std::to_string(f.heading_tier)})
                    : Format(Tr("rank {0} of the at-risk list"), {std::to_string(f.priority_rank)}));
    }
    lines.Add(Tr("check"), CheckKindLabel(f.obligation->check_kind));
    lines.Add(Tr("target"), TargetText(f));
    {
      std::string due = f.due ? ShownDate(*f.due) : "- (" + f.reason + ")";
      if (f.original_due) {
        due = Format(Tr("{0}, extended from {1}"), {due, ShownDate(*f.original_due)});
      }
      lines.Add(TrC("explain", "due"), due);
    }
    if (f.exception) {
      const GrantedException& grant = *f.exception;
      lines.Add(Tr("exception"),
                grant.kind == ExceptionKind::kExtension
                    ? Format(Tr("extension to {0} granted by {1}, exception row {2}"),
                             {ShownDate(*grant.new_due), DocumentText(grant), grant.row_id})
                    : Format(Tr("waiver granted by {0}, exception row {1}"),
                             {DocumentText(grant), grant.row_id}));
      if (!grant.reason.empty()) lines.Add("", "\"" + grant.reason + "\"");
      if (grant.expires_on) {
        lines.Add("", Format(Tr("expires on {0}"), {ShownDate(*grant.expires_on)}));
      }
    }
    if (f.day_unit != DayUnit::kCalendar) {
      lines.Add(Tr("days count"), Format(Tr("in {0}"), {DayUnitLabel(f.day_unit)}));
    }
    lines.Add("v(T)", ShownDate(f.as_of) + "  " + MeasureText(f, f.at_as_of));
    lines.Add("v(T-W)", ShownDate(f.lookback_date) + "  " + MeasureText(f, f.at_lookback));
    lines.Add(Tr("v(due)"), ShownDate(f.due && *f.due < f.as_of ? *f.due : f.as_of) + "  " +
                                MeasureText(f, f.at_due));
    if (f.projection) {
      lines.Add(Tr("projection"), Format(Tr("{0} by the due date"), {ProjectionText(f)}));
    } else if (f.obligation->check_kind == "task" &&
               (f.status == Status::kAtRisk || f.status == Status::kOnTrack)) {
      lines.Add(Tr("projection"), Tr("- (no task's reported progress to project from)"));
    } else {
      lines.Add(Tr("projection"), Tr("- (only for targets not reached before the due date)"));
    }
    if (explanation.upstream.empty()) {
      lines.Add(Tr("depends on"), Tr("nothing"));
    } else {
      for (std::size_t i = 0; i < explanation.upstream.size(); ++i) {
        lines.Add(i == 0 ? Tr("depends on") : "", UpstreamText(explanation.upstream[i]));
      }
    }
    if (f.latest_start) {
      lines.Add(Tr("start by"),
                Format(Tr("{0} (spare {1}: days left less the lead time)"),
                       {ShownDate(*f.latest_start), CountText(*f.spare_days, f.day_unit)}));
    }
    if (f.latest_finish) {
      lines.Add(Tr("finish by"), Format(Tr("{0} (slack {1}: own due date and what waits on it)"),
                                        {ShownDate(*f.latest_finish),
                                         DaysCount(*f.slack_days, DayUnit::kCalendar)}));
    }
    if (f.status == Status::kOverdue || f.status == Status::kAtRisk) {
      lines.Add(
          Tr("holds back"),
          Format(Tr("{0} instances of {1} agencies directly, {2} of {3} in all"),
                 {GroupThousands(f.holds_back_direct), GroupThousands(f.holds_back_agencies_direct),
                  GroupThousands(f.holds_back), GroupThousands(f.holds_back_agencies)}));
    }
    if (f.blocked_by.empty()) {
      lines.Add(Tr("blocked by"), Tr("nothing"));
    } else {
      for (std::size_t i = 0; i < f.blocked_by.size(); ++i) {
        lines.Add(i == 0 ? Tr("blocked by") : "", ChainText(f.blocked_by[i]));
      }
    }
    lines.Add(Tr("source"), f.obligation->source.document);
    if (!f.obligation->source.passage.empty()) {
      lines.Add("", "\"" + f.obligation->source.passage + "\"");
    }
    if (!f.obligation->source.assumed.empty()) {
      lines.Add(Tr("assumed"), f.obligation->source.assumed);
    }
    lines.Add(Tr("data issues"), Format(Tr("{0} of this agency's rows in the table read"),
                                        {GroupThousands(f.data_issues)}));
    lines.Write(out);

    out << "\n" << RecordsHeading(f, explanation) << "\n";
    if (explanation.records.empty()) out << "  " << Tr("(none)") << "\n";
    for (const CounterRecord& record : explanation.records) {
      out << "  " << record.table << " " << TerminalSafe(record.id);
      if (!record.label.empty()) out << "  " << TerminalSafe(record.label);
      out << "\n   ";
      for (const std::string& detail : record.details) out << " " << TerminalSafe(detail);
      out << "\n";
    }
  }

 private:
  static const Agency* FindAgency(const Report& report, const std::string& id) {
    for (const Agency& agency : report.agencies) {
      if (agency.id == id) return &agency;
    }
    return nullptr;
  }

  static std::string UpstreamText(const InstanceRef& ref) {
    std::string text = DescribeRef(ref);
    if (ref.status != Status::kOverdue && ref.status != Status::kAtRisk) {
      text += " (" + StatusLabel(ref.status) + ")";
    }
    return text;
  }

  static std::string ChainText(const BlockerChain& chain) {
    std::string text;
    for (std::size_t i = 0; i < chain.chain.size(); ++i) {
      text += (i == 0 ? "" : " <- ") + DescribeRef(chain.chain[i]);
    }
    if (!chain.via_tasks.empty()) text += " [" + chain.via_tasks + "]";
    return text;
  }

  static std::string RecordsHeading(const Finding& f, const Explanation& explanation) {
    const std::string limit = std::to_string(explanation.record_limit);
    if (f.obligation->check_kind == "count")
      return Format(Tr("records counted on {0} (first {1}):"), {ShownDate(f.as_of), limit});
    if (f.obligation->check_kind == "indicator")
      return Format(Tr("latest measurements (first {0}):"), {limit});
    return Format(Tr("records that count against it on {0} (first {1}):"),
                  {ShownDate(f.as_of), limit});
  }

  static void WriteGroup(Status status, const std::vector<const Finding*>& group, bool colour,
                         std::ostream& out) {
    const std::string heading = std::string(StatusHeading(status)) + " (" +
                                GroupThousands(static_cast<long long>(group.size())) + ")";
    out << "\n" << (colour ? Coloured(status, heading) : heading) << "\n";
    if (group.empty()) {
      out << "  " << Tr("none") << "\n";
      return;
    }
    const std::string days = status == Status::kOverdue ? Tr("days late")
                             : (status == Status::kAtRisk || status == Status::kOnTrack)
                                 ? Tr("days left")
                                 : "";
    const bool problems = status == Status::kOverdue || status == Status::kAtRisk;
    const std::string holds_back = TrC("column", "holds back");
    const std::size_t days_width = std::max<std::size_t>(9, DisplayWidth(days));
    const std::size_t holds_width = std::max<std::size_t>(10, DisplayWidth(holds_back));
    // The at-risk list shows its priority's key (README "Which risks first").
    const bool ranked = status == Status::kAtRisk;
    const std::string rank = TrC("column", "rank");
    const std::string tier = TrC("column", "tier");
    const std::string spare = TrC("column", "spare");
    const std::size_t rank_width = std::max<std::size_t>(4, DisplayWidth(rank));
    const std::size_t tier_width = std::max<std::size_t>(4, DisplayWidth(tier));
    const std::size_t spare_width = std::max<std::size_t>(5, DisplayWidth(spare));
    const std::size_t ranked_width = ranked ? rank_width + tier_width + spare_width + 6 : 0;
    if (ranked) out << "  " << Tr(kPriorityNote) << "\n";
    out << "  ";
    if (ranked) {
      out << PadLeft(rank, rank_width) << "  " << PadLeft(tier, tier_width) << "  "
          << PadLeft(spare, spare_width) << "  ";
    }
    out << PadLeft(days, days_width)
        << (problems ? "  " + PadLeft(holds_back, holds_width) : "") << "  "
        << FitWidth(TrC("column", "agency"), kAgencyWidth) << "  "
        << FitWidth(TrC("column", "obligation"), kObligationWidth) << "  "
        << FitWidth(TrC("column", "due"), 10) << "  " << TrC("column", "now") << "\n";
    // The reason goes under the agency column.
    const std::string indent(2 + ranked_width + days_width + (problems ? 2 + holds_width : 0) + 2,
                             ' ');
    for (const Finding* f : group) {
      std::string obligation = f->obligation->id + (f->period.empty() ? "" : " " + f->period);
      out << "  ";
      if (ranked) {
        out << PadLeft(std::to_string(f->priority_rank), rank_width) << "  "
            << PadLeft(f->heading_tier ? std::to_string(f->heading_tier) : "", tier_width) << "  "
            << PadLeft(f->spare_days ? std::to_string(*f->spare_days) : "", spare_width) << "  ";
      }
      out << PadLeft(DaysText(*f), days_width)
          << (problems
                  ? "  " + PadLeft(f->holds_back ? GroupThousands(f->holds_back) : "", holds_width)
                  : "")
          << "  " << FitWidth(f->agency->name, kAgencyWidth) << "  "
          << FitWidth(obligation, kObligationWidth) << "  " << FitWidth(ShownDueText(*f), 10)
          << "  " << MeasureText(*f, f->at_as_of) << "\n";
      out << indent << TerminalSafe(f->reason) << "\n";
    }
  }

  // The extensions in force among the listed findings, whatever their
  // status: both due dates and the document.
  static void WriteExtensions(const std::vector<const Finding*>& listed, bool colour,
                              std::ostream& out) {
    std::vector<const Finding*> extended;
    for (const Finding* finding : listed) {
      if (finding->exception && finding->exception->kind == ExceptionKind::kExtension) {
        extended.push_back(finding);
      }
    }
    if (extended.empty()) return;
    const std::string heading = Tr("EXTENDED") + std::string(" (") +
                                GroupThousands(static_cast<long long>(extended.size())) + ")";
    out << "\n" << (colour ? "\033[1m" + heading + "\033[0m" : heading) << "\n";
    const std::string extended_to = TrC("column", "extended to");
    const std::size_t extended_width = std::max<std::size_t>(11, DisplayWidth(extended_to));
    out << "  " << FitWidth(TrC("column", "agency"), kAgencyWidth) << "  "
        << FitWidth(TrC("column", "obligation"), kObligationWidth) << "  "
        << FitWidth(TrC("column", "due"), 10) << "  " << FitWidth(extended_to, extended_width)
        << "  " << TrC("column", "now") << "\n";
    for (const Finding* f : extended) {
      const GrantedException& grant = *f->exception;
      const std::string obligation = f->obligation->id + (f->period.empty() ? "" : " " + f->period);
      out << "  " << FitWidth(f->agency->name, kAgencyWidth) << "  "
          << FitWidth(obligation, kObligationWidth) << "  "
          << FitWidth(f->original_due ? ShownDate(*f->original_due) : "-", 10) << "  "
          << FitWidth(ShownDate(*grant.new_due), extended_width) << "  " << StatusWithDaysText(*f)
          << "\n";
      const std::string by = Format(Tr("by {0}"), {DocumentText(grant)});
      out << "  " << std::string(kAgencyWidth + 2, ' ')
          << (grant.reason.empty() ? by : Format(Tr("{0}: {1}"), {by, grant.reason})) << "\n";
    }
  }

  static void WriteSummary(const ReportView& view, std::ostream& out) {
    const Summary& summary = view.summary;
    out << "\n" << Tr("SUMMARY") << "\n";
    WriteCountsHeader(TrC("summary", "findings"), kObligationWidth + 2, out);
    out << "\n  " << FitWidth(TrC("summary", "all"), kObligationWidth + 2);
    WriteCounts(summary.statuses, out);
    out << "\n\n";
    WriteCountsHeader(Tr("by obligation"), kObligationWidth + 2, out);
    out << "   " << (view.agency_id.empty() ? Tr("national total") : Tr("total")) << "\n";
    for (const ObligationSummary& o : summary.obligations) {
      out << "  " << FitWidth(o.obligation_id, kObligationWidth + 2);
      WriteCounts(o.statuses, out);
      out << "   " << NationalTotalText(o) << "\n";
    }
    if (view.agency_id.empty()) {
      out << "\n";
      WriteCountsHeader(Tr("by agency kind"), kObligationWidth + 2, out);
      out << "\n";
      for (const auto& [kind, counts] : summary.kinds) {
        out << "  " << FitWidth(AgencyKindLabel(kind), kObligationWidth + 2);
        WriteCounts(counts, out);
        out << "\n";
      }
    }
  }

  static void WriteDataIssues(const Report& report, std::ostream& out) {
    out << "\n"
        << Format(Tr("DATA QUALITY ({0})"),
                  {GroupThousands(static_cast<long long>(report.data_issues.size()))})
        << "\n";
    if (report.data_issues.empty()) {
      out << "  " << Tr("none") << "\n";
      return;
    }
    for (const DataIssue& issue : report.data_issues) {
      out << "  " << issue.table << " " << TerminalSafe(issue.row_id) << " " << issue.column
          << " = " << TerminalSafe(issue.value) << ": " << TerminalSafe(issue.problem) << "\n";
    }
  }
};

}  // namespace

std::unique_ptr<Reporter> MakeTextReporter() { return std::make_unique<TextReporter>(); }

}  // namespace dxcomply

// The terminal format: overdue and at-risk lists with the reason under each
// finding, then a summary. Columns count characters, so Vietnamese names
// with diacritics line up.
#include "engine/finding_text.hpp"
#include "eval/classify.hpp"
#include "eval/exception_grants.hpp"
#include "report/finding_format.hpp"
#include "report/reporter.hpp"
#include "report/text_layout.hpp"

#include <sstream>

namespace dxcomply {
namespace {

constexpr std::size_t kAgencyWidth = 30;
constexpr std::size_t kObligationWidth = 28;
constexpr const char* kPriorityNote =
    "highest priority first: the escalation tier it is heading for, then spare days (days "
    "left less the lead time), then what it holds back";

const char* StatusHeading(Status status) {
  switch (status) {
    case Status::kOverdue:
      return "OVERDUE";
    case Status::kAtRisk:
      return "AT RISK";
    case Status::kOnTrack:
      return "ON TRACK";
    case Status::kWaiting:
      return "WAITING";
    case Status::kMetLate:
      return "MET LATE";
    case Status::kMet:
      return "MET";
    case Status::kWaived:
      return "WAIVED";
    case Status::kNotApplicable:
      return "NOT APPLICABLE";
  }
  return "";
}

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
  for (int count : counts) out << PadLeft(GroupThousands(count), 9);
}

void WriteCountsHeader(const std::string& first, std::size_t width, std::ostream& out) {
  out << "  " << FitWidth(first, width);
  for (const char* name :
       {"overdue", "at_risk", "on_track", "waiting", "met_late", "met", "waived", "n/a"}) {
    out << PadLeft(name, 9);
  }
}

class TextReporter : public Reporter {
 public:
  void WriteReport(const ReportView& view, std::ostream& out) override {
    const Report& report = view.report;
    const Summary& summary = view.summary;
    if (view.agency_id.empty()) {
      out << "dxcomply report · as of " << FormatIsoDate(report.as_of) << " ("
          << FormatVnDate(report.as_of) << ")\n";
    } else {
      const Agency* agency = FindAgency(report, view.agency_id);
      out << "dxcomply check · " << (agency ? agency->name : view.agency_id) << " ("
          << view.agency_id << (agency ? ", " + agency->kind : "") << ") · as of "
          << FormatIsoDate(report.as_of) << " (" << FormatVnDate(report.as_of) << ")\n";
    }
    if (const std::string notice = SampleDataNotice(report.dataset); !notice.empty()) {
      out << notice << "\n";
    }
    out << GroupThousands(static_cast<long long>(report.findings.size())) << " findings · "
        << GroupThousands(summary.data_issues) << " data-quality issues\n";

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
    out << f.obligation->id << " · " << f.agency->name << " (" << f.agency->id << ")";
    if (!f.period.empty()) out << " · period " << f.period;
    out << "\n" << f.obligation->title << "\n";
    if (!explanation.rule.title_en.empty()) out << explanation.rule.title_en << "\n";
    if (const std::string notice = SampleDataNotice(explanation.dataset); !notice.empty()) {
      out << notice << "\n";
    }
    out << "\n";
    Line("status", StatusWithDaysText(f), out);
    Line("reason", f.reason, out);
    if (f.grounds != 0) {
      std::string grounds;
      for (RiskGround ground : GroundsIn(f.grounds)) {
        grounds += (grounds.empty() ? "" : ", ") + std::string(RiskGroundName(ground));
      }
      Line("grounds", grounds, out);
    }
    if (f.priority_rank > 0) {
      Line("priority",
           "rank " + std::to_string(f.priority_rank) + " of the at-risk list" +
               (f.heading_tier > 0
                    ? ", heading for escalation tier " + std::to_string(f.heading_tier)
                    : ""),
           out);
    }
    Line("check", f.obligation->check_kind, out);
    Line("target", TargetText(f), out);
    Line("due",
         (f.due ? FormatIsoDate(*f.due) + " (" + FormatVnDate(*f.due) + ")"
                : "- (" + f.reason + ")") +
             (f.original_due ? ", extended from " + FormatIsoDate(*f.original_due) + " (" +
                                   FormatVnDate(*f.original_due) + ")"
                             : ""),
         out);
    if (f.exception) {
      const GrantedException& grant = *f.exception;
      Line("exception",
           std::string(ExceptionKindName(grant.kind)) +
               (grant.kind == ExceptionKind::kExtension
                    ? " to " + FormatIsoDate(*grant.new_due) + " (" + FormatVnDate(*grant.new_due) +
                          ")"
                    : "") +
               " granted by " + DocumentText(grant) + ", exception row " + grant.row_id,
           out);
      if (!grant.reason.empty()) Line("", "\"" + grant.reason + "\"", out);
      if (grant.expires_on) {
        Line("",
             "expires on " + FormatIsoDate(*grant.expires_on) + " (" +
                 FormatVnDate(*grant.expires_on) + ")",
             out);
      }
    }
    if (f.day_unit != DayUnit::kCalendar)
      Line("days count", std::string("in ") + DayUnitName(f.day_unit), out);
    Line("v(T)", FormatIsoDate(f.as_of) + "  " + MeasureText(f, f.at_as_of), out);
    Line("v(T-W)", FormatIsoDate(f.lookback_date) + "  " + MeasureText(f, f.at_lookback), out);
    Line("v(due)",
         FormatIsoDate(f.due && *f.due < f.as_of ? *f.due : f.as_of) + "  " +
             MeasureText(f, f.at_due),
         out);
    if (f.projection) {
      Line("projection", ProjectionText(f) + " by the due date", out);
    } else if (f.obligation->check_kind == "task" &&
               (f.status == Status::kAtRisk || f.status == Status::kOnTrack)) {
      Line("projection", "- (no task's reported progress to project from)", out);
    } else {
      Line("projection", "- (only for targets not reached before the due date)", out);
    }
    if (explanation.upstream.empty()) {
      Line("depends on", "nothing", out);
    } else {
      for (std::size_t i = 0; i < explanation.upstream.size(); ++i) {
        Line(i == 0 ? "depends on" : "", UpstreamText(explanation.upstream[i]), out);
      }
    }
    if (f.latest_start) {
      Line("start by",
           FormatIsoDate(*f.latest_start) + " (spare " + CountText(*f.spare_days, f.day_unit) +
               ": days left less the lead time)",
           out);
    }
    if (f.latest_finish) {
      Line("finish by",
           FormatIsoDate(*f.latest_finish) + " (slack " + std::to_string(*f.slack_days) +
               " days: own due date and what waits on it)",
           out);
    }
    if (f.status == Status::kOverdue || f.status == Status::kAtRisk) {
      Line("holds back",
           std::to_string(f.holds_back_direct) + " instances of " +
               std::to_string(f.holds_back_agencies_direct) + " agencies directly, " +
               std::to_string(f.holds_back) + " of " + std::to_string(f.holds_back_agencies) +
               " in all",
           out);
    }
    if (f.blocked_by.empty()) {
      Line("blocked by", "nothing", out);
    } else {
      for (std::size_t i = 0; i < f.blocked_by.size(); ++i) {
        Line(i == 0 ? "blocked by" : "", ChainText(f.blocked_by[i]), out);
      }
    }
    Line("source", f.obligation->source.document, out);
    if (!f.obligation->source.passage.empty())
      Line("", "\"" + f.obligation->source.passage + "\"", out);
    if (!f.obligation->source.assumed.empty()) Line("assumed", f.obligation->source.assumed, out);
    Line("data issues", std::to_string(f.data_issues) + " of this agency's rows in the table read",
         out);

    out << "\n" << RecordsHeading(f, explanation) << "\n";
    if (explanation.records.empty()) out << "  (none)\n";
    for (const CounterRecord& record : explanation.records) {
      out << "  " << record.table << " " << record.id;
      if (!record.label.empty()) out << "  " << record.label;
      out << "\n   ";
      for (const std::string& detail : record.details) out << " " << detail;
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

  static void Line(const std::string& label, const std::string& value, std::ostream& out) {
    out << FitWidth(label, 12) << " " << value << "\n";
  }

  static std::string UpstreamText(const InstanceRef& ref) {
    std::string text = DescribeRef(ref);
    if (ref.status != Status::kOverdue && ref.status != Status::kAtRisk) {
      text += " (" + std::string(StatusName(ref.status)) + ")";
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
    const std::string first = "first " + std::to_string(explanation.record_limit);
    if (f.obligation->check_kind == "count")
      return "records counted on " + FormatIsoDate(f.as_of) + " (" + first + "):";
    if (f.obligation->check_kind == "indicator") return "latest measurements (" + first + "):";
    return "records that count against it on " + FormatIsoDate(f.as_of) + " (" + first + "):";
  }

  static void WriteGroup(Status status, const std::vector<const Finding*>& group, bool colour,
                         std::ostream& out) {
    const std::string heading = std::string(StatusHeading(status)) + " (" +
                                GroupThousands(static_cast<long long>(group.size())) + ")";
    out << "\n" << (colour ? Coloured(status, heading) : heading) << "\n";
    if (group.empty()) {
      out << "  none\n";
      return;
    }
    const char* days = status == Status::kOverdue                                  ? "days late"
                       : (status == Status::kAtRisk || status == Status::kOnTrack) ? "days left"
                                                                                   : "";
    const bool problems = status == Status::kOverdue || status == Status::kAtRisk;
    // The at-risk list shows its priority's key (README "Which risks first").
    const bool ranked = status == Status::kAtRisk;
    if (ranked) out << "  " << kPriorityNote << "\n";
    out << "  " << (ranked ? "rank  tier  spare  " : "") << PadLeft(days, 9)
        << (problems ? "  holds back" : "") << "  " << FitWidth("agency", kAgencyWidth) << "  "
        << FitWidth("obligation", kObligationWidth) << "  due         now\n";
    for (const Finding* f : group) {
      std::string obligation = f->obligation->id + (f->period.empty() ? "" : " " + f->period);
      out << "  ";
      if (ranked) {
        out << PadLeft(std::to_string(f->priority_rank), 4)
            << PadLeft(f->heading_tier ? std::to_string(f->heading_tier) : "", 6)
            << PadLeft(f->spare_days ? std::to_string(*f->spare_days) : "", 7) << "  ";
      }
      out << PadLeft(DaysText(*f), 9)
          << (problems ? PadLeft(f->holds_back ? std::to_string(f->holds_back) : "", 12) : "")
          << "  " << FitWidth(f->agency->name, kAgencyWidth) << "  "
          << FitWidth(obligation, kObligationWidth) << "  " << FitWidth(DueText(*f), 10) << "  "
          << MeasureText(*f, f->at_as_of) << "\n";
      out << "  " << std::string((problems ? 23 : 11) + (ranked ? 19 : 0), ' ') << f->reason
          << "\n";
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
    const std::string heading =
        "EXTENDED (" + GroupThousands(static_cast<long long>(extended.size())) + ")";
    out << "\n" << (colour ? "\033[1m" + heading + "\033[0m" : heading) << "\n";
    out << "  " << FitWidth("agency", kAgencyWidth) << "  "
        << FitWidth("obligation", kObligationWidth) << "  due         extended to  now\n";
    for (const Finding* f : extended) {
      const GrantedException& grant = *f->exception;
      const std::string obligation = f->obligation->id + (f->period.empty() ? "" : " " + f->period);
      out << "  " << FitWidth(f->agency->name, kAgencyWidth) << "  "
          << FitWidth(obligation, kObligationWidth) << "  "
          << FitWidth(f->original_due ? FormatIsoDate(*f->original_due) : "-", 10) << "  "
          << FitWidth(FormatIsoDate(*grant.new_due), 11) << "  " << StatusWithDaysText(*f) << "\n";
      out << "  " << std::string(kAgencyWidth + 2, ' ') << "by " << DocumentText(grant)
          << (grant.reason.empty() ? "" : ": " + grant.reason) << "\n";
    }
  }

  static void WriteSummary(const ReportView& view, std::ostream& out) {
    const Summary& summary = view.summary;
    out << "\nSUMMARY\n";
    WriteCountsHeader("findings", kObligationWidth + 2, out);
    out << "\n  " << FitWidth("all", kObligationWidth + 2);
    WriteCounts(summary.statuses, out);
    out << "\n\n";
    WriteCountsHeader("by obligation", kObligationWidth + 2, out);
    out << (view.agency_id.empty() ? "   national total\n" : "   total\n");
    for (const ObligationSummary& o : summary.obligations) {
      out << "  " << FitWidth(o.obligation_id, kObligationWidth + 2);
      WriteCounts(o.statuses, out);
      out << "   " << NationalTotalText(o) << "\n";
    }
    if (view.agency_id.empty()) {
      out << "\n";
      WriteCountsHeader("by agency kind", kObligationWidth + 2, out);
      out << "\n";
      for (const auto& [kind, counts] : summary.kinds) {
        out << "  " << FitWidth(kind, kObligationWidth + 2);
        WriteCounts(counts, out);
        out << "\n";
      }
    }
  }

  static void WriteDataIssues(const Report& report, std::ostream& out) {
    out << "\nDATA QUALITY (" << GroupThousands(static_cast<long long>(report.data_issues.size()))
        << ")\n";
    if (report.data_issues.empty()) {
      out << "  none\n";
      return;
    }
    for (const DataIssue& issue : report.data_issues) {
      out << "  " << issue.table << " " << issue.row_id << " " << issue.column << " = "
          << issue.value << ": " << issue.problem << "\n";
    }
  }
};

}  // namespace

std::unique_ptr<Reporter> MakeTextReporter() { return std::make_unique<TextReporter>(); }

}  // namespace dxcomply

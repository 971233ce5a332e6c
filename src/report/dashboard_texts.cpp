#include "report/dashboard_texts.hpp"

#include "base/language.hpp"
#include "base/messages.hpp"
#include "base/shown_format.hpp"

#include <string>
#include <string_view>

namespace dxcomply {
namespace {

struct Text {
  std::string_view key;  // the name templates/dashboard.html reads it by
  const char* english;   // the catalogue's key
};

// In the order the page shows them, roughly. A format's {0}, {1} are
// figures or names the page fills in.
constexpr Text kTexts[] = {
    {"title", TrNoop("Digital transformation: obligations and deadlines")},
    {"asOf", TrNoop("Data as of {0}")},
    {"sample", TrNoop("SAMPLE DATA")},
    {"navSummary", TrNoop("Overview")},
    {"navAgencies", TrNoop("Agencies")},
    {"navOverdue", TrNoop("Overdue")},
    {"navAtRisk", TrNoop("At risk")},
    {"navTimeline", TrNoop("Coming due")},
    {"navObligations", TrNoop("Obligations")},
    {"navNational", TrNoop("National indicators")},
    {"navDataQuality", TrNoop("Data quality")},
    {"findAgency", TrNoop("Find an agency (with or without diacritics)")},
    {"searchAgency", TrNoop("Find an agency")},
    {"searchAgencyHint", TrNoop("name or id, with or without diacritics")},
    {"searchObligation", TrNoop("Find an obligation")},
    {"searchObligationHint", TrNoop("the obligation's name or id")},
    {"status", TrNoop("Status")},
    {"kind", TrNoop("Agency kind")},
    {"theme", TrNoop("Theme")},
    {"obligation", TrNoop("Obligation")},
    {"all", TrNoop("All")},
    {"allListed", TrNoop("Overdue and at risk")},
    {"agencyAny", TrNoop("All agencies")},
    {"agencyOverdue", TrNoop("With an overdue obligation")},
    {"agencyAtRisk", TrNoop("With an obligation at risk")},
    {"agencyClear", TrNoop("Nothing overdue or at risk")},
    {"summary", TrNoop("National overview")},
    {"byKind", TrNoop("By agency kind")},
    {"summaryLine",
     TrNoop("{0} agencies · {1} findings (obligation × agency × period) · {2} data issues")},
    {"agencies", TrNoop("Agencies × obligations")},
    {"agenciesNote",
     TrNoop("Each cell is the agency's worst status for the obligation (a recurring obligation: "
            "its worst period). Point at a column's heading for the obligation's name; click a "
            "heading to sort; click an agency's name for its details.")},
    {"notOwed", TrNoop("not owed")},
    {"agency", TrNoop("Agency")},
    {"findings", TrNoop("To act on: overdue and at risk")},
    {"findingsNote",
     TrNoop("By default: the longest overdue first, then those at risk in priority order. Click "
            "a column's heading to sort; click ▸ for the full reason, what blocks it and its "
            "document.")},
    {"days", TrNoop("Days")},
    {"daysLate", TrNoop("days overdue")},
    {"daysLeft", TrNoop("days left")},
    {"overdueDays", TrNoop("overdue by {0}")},
    {"leftDays", TrNoop("{0} left")},
    {"due", TrNoop("Due")},
    {"now", TrNoop("Now")},
    {"target", TrNoop("target {0}")},
    {"holdsBack", TrNoop("Holds back")},
    {"holdsBackTitle", TrNoop("the obligations (of agencies) waiting on this one")},
    {"reason", TrNoop("Reason")},
    {"open", TrNoop("▸ details")},
    {"close", TrNoop("▾ fold")},
    {"loading", TrNoop("Loading…")},
    {"blockedBy", TrNoop("Waiting on (blocked by):")},
    {"via", TrNoop("via")},
    {"viaTasks", TrNoop("via tasks {0}")},
    {"task", TrNoop("task {0}")},
    {"taskTitled", TrNoop("task {0} “{1}”")},
    {"notCompleted", TrNoop("not completed")},
    {"dataIssuesText", TrNoop("⚠ {0} data issues in the records this obligation reads.")},
    {"source", TrNoop("Document")},
    {"passage", TrNoop("passage")},
    {"citation", TrNoop("Source: {0}")},
    {"assumed", TrNoop("The rule's assumption: {0}")},
    {"projection", TrNoop("projected by the due date: {0}")},
    {"none", TrNoop("None.")},
    {"waitingDue", TrNoop("not yet counted")},
    {"dueAssumed", TrNoop("assumed date")},
    {"extendedFrom", TrNoop("extended from {0} by {1}")},
    {"dueAssumedTitle",
     TrNoop("Assumed due date: the document sets no deadline; the rule chose this date")},
    {"timeline", TrNoop("Coming due")},
    {"timelineNote", TrNoop("Due dates in the next {0} days: the agencies due, by status.")},
    {"today", TrNoop("today")},
    {"inDays", TrNoop("{0} days left")},
    {"showList", TrNoop("show the list")},
    {"month", TrNoop("month {0}/{1}")},
    {"obligations", TrNoop("By obligation")},
    {"check", TrNoop("Check")},
    {"nationalTotal", TrNoop("National total")},
    {"national", TrNoop("National indicators")},
    {"nationalNote", TrNoop("The country's own indicators (owed by no single agency).")},
    {"dataQuality", TrNoop("Data quality")},
    {"dataQualityNote",
     TrNoop("Values in the records that break the data rules. Each such value counts as "
            "missing; the checks go on.")},
    {"issueTable", TrNoop("Table")},
    {"issueRow", TrNoop("Row")},
    {"issueColumn", TrNoop("Column")},
    {"issueValue", TrNoop("Value")},
    {"issueProblem", TrNoop("Problem")},
    {"issueAgency", TrNoop("Agency")},
    {"back", TrNoop("← Whole country")},
    {"noAgency", TrNoop("No agency has the id {0}")},
    {"agencyFindings", TrNoop("The agency's obligations")},
    {"agencyMissing",
     TrNoop("The agency's details could not be loaded (file {0}). Copy the whole dashboard/ "
            "folder together with dashboard.html.")},
    {"agencyStale", TrNoop("The agency's details file belongs to another export (of {0}).")},
    {"noRows", TrNoop("No row matches.")},
    {"perPage", TrNoop("rows/page")},
    {"page", TrNoop("Page {0}/{1}")},
    {"prev", TrNoop("‹ Previous")},
    {"next", TrNoop("Next ›")},
    {"period", TrNoop("period {0}")},
    {"priority", TrNoop("Priority")},
    {"priorityTitle",
     TrNoop("The at-risk list's priority order (1 first): the warning tier coming next, then the "
            "days left to start, then the agencies and obligations waiting")},
    {"headingTier", TrNoop("heading for warning tier {0}")},
    {"noHeadingTier", TrNoop("not heading for any warning tier")},
    {"rank", TrNoop("priority {0}")},
    {"rankTier", TrNoop("warning tier {0}")},
    {"rankSpare", TrNoop("{0} days left to start")},
    {"grounds", TrNoop("Signs of risk: {0}")},
    {"latestStart", TrNoop("start before {0}")},
};

}  // namespace

void WriteDashboardTexts(JsonStream& out) {
  out.Newline().Key("language").String(LanguageCode(CurrentLanguage()));
  out.Key("thousands").String(std::string(1, ThousandsSeparator()));
  out.Key("decimal").String(std::string(1, DecimalSeparator()));
  out.Newline().Key("texts").BeginObject();
  for (const Text& text : kTexts) out.Newline().Key(text.key).String(Tr(text.english));
  out.Newline().EndObject();
}

}  // namespace dxcomply

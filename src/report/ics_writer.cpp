#include "report/ics_writer.hpp"

#include "base/labels.hpp"
#include "base/messages.hpp"
#include "base/percent_encoding.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "engine/finding_text.hpp"
#include "eval/classify.hpp"
#include "eval/exception_grants.hpp"
#include "report/finding_format.hpp"
#include "base/utf8.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace dxcomply {
namespace {

constexpr std::size_t kMaxLineOctets = 75;  // RFC 5545 3.1, without the CRLF

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Appends one content line, folded: a continuation line starts with a space,
// which counts in its 75 octets.
void AppendFolded(std::string_view line, std::string& out) {
  std::size_t limit = kMaxLineOctets;
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && IsUtf8Continuation(line[cut])) --cut;
    if (cut == 0) cut = limit;  // not UTF-8 at all: octets are all RFC 5545 asks for
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kMaxLineOctets - 1;
  }
  out.append(line);
  out += "\r\n";
}

std::string EscapeText(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        escaped += "\\\\";
        break;
      case ';':
        escaped += "\\;";
        break;
      case ',':
        escaped += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        escaped += "\\n";
        break;
      case '\n':
        escaped += "\\n";
        break;
      case '\t':
        escaped += c;
        break;
      default: {
        // Other controls are not TSAFE-CHARs (RFC 5545 3.3.11); the text
        // must be UTF-8, so invalid bytes from records become U+FFFD.
        const auto byte = static_cast<unsigned char>(c);
        const std::size_t length = Utf8SequenceLength(text, i);
        if (length == 0) {
          escaped += "\uFFFD";
        } else if (length == 1) {
          escaped += (byte < 0x20 || byte == 0x7F) ? ' ' : c;
        } else {
          escaped.append(text, i, length);
          i += length - 1;
        }
      }
    }
  }
  return escaped;
}

std::string UidPart(const std::string& text) { return PercentEncoded(text, true); }

std::string IcsDate(const Date& date) {
  std::string iso = FormatIsoDate(date);
  iso.erase(std::remove(iso.begin(), iso.end(), '-'), iso.end());
  return iso;
}

std::string EventSummary(const Finding& finding) {
  std::string summary =
      finding.obligation->title.empty() ? finding.obligation->id : finding.obligation->title;
  if (!finding.period.empty()) summary += " (" + finding.period + ")";
  return summary;
}

std::string StatusText(const Finding& finding) {
  return Format(Tr("{0}, as of {1}"), {StatusWithDaysText(finding), ShownDate(finding.as_of)});
}

// Unescaped; one "label: value" per line, like `dxcomply explain`.
std::string Description(const Finding& finding) {
  const auto line = [](const char* label, const std::string& value) {
    return Format(Tr("{0}: {1}"), {label, value});
  };
  std::string text = line(TrC("field", "obligation"), finding.obligation->id);
  if (!finding.period.empty()) text += Format(Tr(", period {0}"), {finding.period});
  text +=
      "\n" + line(TrC("field", "agency"), finding.agency->name + " (" + finding.agency->id + ")");
  text += "\n" + line(Tr("status"), StatusText(finding));
  text += "\n" + line(Tr("reason"), finding.reason);
  std::string due = finding.due_assumed ? Format(Tr("{0}, assumed"), {ShownDate(*finding.due)})
                                        : ShownDate(*finding.due);
  if (finding.original_due) {
    due = Format(Tr("{0}, extended from {1}"), {due, ShownDate(*finding.original_due)});
  }
  text += "\n" + line(TrC("explain", "due"), due);
  if (finding.exception) {
    text += "\n" + line(Tr("exception"),
                        Format(Tr("{0} by {1}"), {ExceptionKindLabel(finding.exception->kind),
                                                  DocumentText(*finding.exception)}));
  }
  if (!finding.inherited_from.empty()) {
    text += "\n" + line(Tr("inherited from"), OriginsText(finding.inherited_from));
  }
  const LegalSource& source = finding.obligation->source;
  if (!source.document.empty()) text += "\n" + line(Tr("source"), source.document);
  if (!source.passage.empty()) text += "\n" + line(Tr("passage"), source.passage);
  if (!source.assumed.empty()) text += "\n" + line(Tr("assumed"), source.assumed);
  return text;
}

void AppendTimeZone(std::string& out) {
  // tzdata: Asia/Ho_Chi_Minh has been UTC+7 since 1975-06-13 (UTC+8 before).
  for (const char* line :
       {"BEGIN:VTIMEZONE", "TZID:Asia/Ho_Chi_Minh", "BEGIN:STANDARD", "DTSTART:19750613T000000",
        "TZOFFSETFROM:+0800", "TZOFFSETTO:+0700", "TZNAME:+07", "END:STANDARD", "END:VTIMEZONE"}) {
    AppendFolded(line, out);
  }
}

void AppendEvent(const Finding& finding, const std::string& dtstamp, std::string& out) {
  const Date& due = *finding.due;
  const std::string summary = EventSummary(finding);
  AppendFolded("BEGIN:VEVENT", out);
  AppendFolded("UID:" + EventUid(finding), out);
  AppendFolded("DTSTAMP:" + dtstamp, out);
  AppendFolded("DTSTART;VALUE=DATE:" + IcsDate(due), out);
  AppendFolded("DTEND;VALUE=DATE:" + IcsDate(due + boost::gregorian::days(1)), out);
  AppendFolded("SUMMARY:" + EscapeText(summary), out);
  AppendFolded("DESCRIPTION:" + EscapeText(Description(finding)), out);
  if (!finding.obligation->theme.empty())
    AppendFolded("CATEGORIES:" + EscapeText(finding.obligation->theme), out);
  AppendFolded("SEQUENCE:0", out);
  AppendFolded("TRANSP:TRANSPARENT", out);
  AppendFolded("BEGIN:VALARM", out);
  AppendFolded("ACTION:DISPLAY", out);
  AppendFolded("DESCRIPTION:" + EscapeText(Format(Tr("Due {0}: {1}"), {ShownDate(due), summary})),
               out);
  // 01:00 UTC is 08:00 in Vietnam; absolute triggers must be in UTC.
  AppendFolded("TRIGGER;VALUE=DATE-TIME:" + IcsDate(finding.warn_from.value_or(due)) + "T010000Z",
               out);
  AppendFolded("END:VALARM", out);
  AppendFolded("END:VEVENT", out);
}

}  // namespace

bool IsUpcomingDeadline(const Finding& finding, const Date& as_of) {
  if (!finding.due || *finding.due < as_of) return false;
  return !NothingOwed(finding.status);
}

std::string EventUid(const Finding& finding) {
  std::string uid = UidPart(finding.obligation->id) + "+";
  if (!finding.period.empty()) uid += UidPart(finding.period) + "+";
  return uid + UidPart(finding.agency->id) + "@dxcomply";
}

namespace {

// " · <the sample-data notice>" for sample data, else "".
std::string SampleSuffix(const Dataset& dataset) {
  const std::string notice = SampleDataNotice(dataset);
  return notice.empty() ? "" : " · " + notice;
}

// The calendar of one agency from its upcoming findings, in any order.
std::string CalendarText(const Report& report, const std::string& agency_id,
                         const std::string& name, std::vector<const Finding*> events) {
  std::stable_sort(events.begin(), events.end(), [](const Finding* a, const Finding* b) {
    return std::tie(*a->due, a->obligation->id, a->period) <
           std::tie(*b->due, b->obligation->id, b->period);
  });
  const std::string dtstamp = IcsDate(report.as_of) + "T000000Z";
  std::string out;
  AppendFolded("BEGIN:VCALENDAR", out);
  AppendFolded("VERSION:2.0", out);
  AppendFolded("PRODID:-//dxcomply//dxcomply//VI", out);
  AppendFolded("CALSCALE:GREGORIAN", out);
  AppendFolded("METHOD:PUBLISH", out);
  AppendFolded("X-WR-CALNAME:" + EscapeText(name), out);
  AppendFolded(
      "X-WR-CALDESC:" + EscapeText(Format(Tr("dxcomply: upcoming deadlines of {0} ({1}) as of {2}"),
                                          {name, agency_id, ShownDate(report.as_of)}) +
                                   SampleSuffix(report.dataset)),
      out);
  AppendTimeZone(out);
  for (const Finding* finding : events) AppendEvent(*finding, dtstamp, out);
  AppendFolded("END:VCALENDAR", out);
  return out;
}

}  // namespace

std::string AgencyCalendar(const Report& report, const std::string& agency_id) {
  std::vector<const Finding*> events;
  const std::string* name = nullptr;
  for (const Agency& agency : report.agencies) {
    if (name == nullptr && agency.id == agency_id) name = &agency.name;
  }
  for (const Finding& finding : report.findings) {
    if (finding.agency->id != agency_id) continue;
    if (name == nullptr) name = &finding.agency->name;
    if (IsUpcomingDeadline(finding, report.as_of)) events.push_back(&finding);
  }
  return CalendarText(report, agency_id, name != nullptr ? *name : agency_id, std::move(events));
}

void ForEachAgencyCalendar(
    const Report& report,
    const std::function<void(const Agency& agency, const std::string& calendar)>& visit) {
  ForEachAgencyCalendar(
      report, [](const Agency&) { return true; }, visit);
}

void ForEachAgencyCalendar(
    const Report& report, const std::function<bool(const Agency& agency)>& wanted,
    const std::function<void(const Agency& agency, const std::string& calendar)>& visit) {
  // One pass over the findings for every agency, not one per agency.
  std::unordered_map<std::string, std::vector<const Finding*>> events;
  for (const Finding& finding : report.findings) {
    if (IsUpcomingDeadline(finding, report.as_of)) events[finding.agency->id].push_back(&finding);
  }
  for (const Agency& agency : report.agencies) {
    if (!wanted(agency)) continue;
    const auto found = events.find(agency.id);
    visit(agency, CalendarText(report, agency.id, agency.name,
                               found == events.end() ? std::vector<const Finding*>()
                                                     : std::move(found->second)));
  }
}

}  // namespace dxcomply

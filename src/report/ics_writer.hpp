// iCalendar (RFC 5545) files: one per agency, one event per upcoming
// deadline of that agency, with the obligation's title, its legal source and
// an alarm `warn_before` ahead. UIDs are stable (obligation, period, agency),
// so importing a newer file updates the events instead of duplicating them.
//
// The file, byte for byte (every line ends in CRLF and is folded at 75
// octets, never inside a UTF-8 sequence; TEXT values escape \ ; , and
// newlines as \\ \; \, \n):
//
//   BEGIN:VCALENDAR
//   VERSION:2.0 / PRODID:-//dxcomply//dxcomply//VI / CALSCALE:GREGORIAN /
//   METHOD:PUBLISH / X-WR-CALNAME:<agency name, Vietnamese> /
//   X-WR-CALDESC:dxcomply: upcoming deadlines of <name> (<id>) as of <T>
//   a VTIMEZONE for Asia/Ho_Chi_Minh (UTC+7). No property refers to it: it
//     says where the dates are meant, and it keeps a calendar without events
//     valid, since RFC 5545's grammar wants at least one component.
//   one VEVENT per upcoming deadline, by due date, then obligation, period:
//     UID          EventUid() below
//     DTSTAMP      the as-of date at 00:00 UTC, never the clock: the same
//                  report gives the same bytes
//     DTSTART;VALUE=DATE the due date, DTEND;VALUE=DATE the day after
//                  (an all-day event)
//     SUMMARY      the obligation's Vietnamese title, then " (<period>)"
//     DESCRIPTION  obligation, agency, status with days left, reason, due
//                  date (and the one an extension moved it from), the
//                  extension's document, legal source document, passage and
//                  assumption
//     CATEGORIES   the obligation's theme
//     SEQUENCE:0   always. RFC 5546 orders revisions of one UID by SEQUENCE
//                  and then DTSTAMP; DTSTAMP grows with the as-of date, so a
//                  newer report is the newer revision. A number derived from
//                  the due date would go down when a due date moves earlier
//                  (per-record checks), and clients would drop that update.
//     TRANSP:TRANSPARENT (a deadline does not make anyone busy)
//     VALARM       ACTION:DISPLAY, DESCRIPTION "Hạn dd/mm/yyyy: <summary>",
//                  TRIGGER;VALUE=DATE-TIME:<warn_from>T010000Z, 08:00 in
//                  Vietnam on the day the warn_before window opens (counted
//                  in the rule's unit, which may be working days, so a
//                  relative -PnD trigger would be wrong). Kept when that day
//                  is already past. Without warn_from: 08:00 on the due date.
//   END:VCALENDAR
//
// Control characters other than newline and tab (not allowed in TEXT) are
// written as spaces.
#pragma once

#include "dxcomply/finding.hpp"

#include <functional>
#include <string>

namespace dxcomply {

// The calendar of `agency_id`'s upcoming deadlines in `report`.
// Deterministic: the same report gives the same bytes. An agency without
// upcoming deadlines (or unknown to the report) gets a valid calendar
// without events; its name is the agency's name in report.agencies, else
// in its findings, else the id.
std::string AgencyCalendar(const Report& report, const std::string& agency_id);

// AgencyCalendar(report, agency.id) for every agency of report.agencies, in
// their order, from one pass over the findings.
void ForEachAgencyCalendar(
    const Report& report,
    const std::function<void(const Agency& agency, const std::string& calendar)>& visit);
// The same for the agencies `wanted` says yes to (the nightly batch writes
// only the calendars that changed).
void ForEachAgencyCalendar(
    const Report& report, const std::function<bool(const Agency& agency)>& wanted,
    const std::function<void(const Agency& agency, const std::string& calendar)>& visit);

// The upcoming rule: a finding is an upcoming deadline as of `as_of` when it
// has a due date on or after `as_of` and its status is neither met, met_late,
// waived nor not_applicable (an extended one: on its new due date). In
// practice that is at_risk and on_track (an overdue instance's due date is
// past; a waiting one has no due date yet).
bool IsUpcomingDeadline(const Finding& finding, const Date& as_of);

// "<obligation>+<period>+<agency>@dxcomply", or "<obligation>+<agency>@dxcomply"
// without a period: the same instance gets the same UID in every run, and
// different instances never share one. Each part keeps A-Z a-z 0-9 . _ -
// and percent-encodes any other byte, so '+' only separates (ids may contain
// '-', so "-" could not) and the UID is ASCII.
std::string EventUid(const Finding& finding);

}  // namespace dxcomply

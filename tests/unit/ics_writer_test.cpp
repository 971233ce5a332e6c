// AgencyCalendar() on hand-made reports: the exact text of a small calendar,
// folding at 75 octets never inside a UTF-8 sequence, TEXT escaping, stable
// and unique UIDs, and which findings are upcoming deadlines.
#include "report/ics_writer.hpp"

#include "base/language.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>  // prints Date in failures
#include <boost/test/unit_test.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace dxcomply {
namespace {

const Date kAsOf(2022, 11, 1);

// `f` with its obligation text changed by `change` (a copy: the text is shared).
template <typename Change>
void ChangeText(Finding& f, Change change) {
  ObligationText text = *f.obligation;
  change(text);
  f.obligation = std::make_shared<const ObligationText>(std::move(text));
}

Finding Drill() {
  Finding f;
  f.obligation = std::make_shared<const ObligationText>(ObligationText{
      "drill",
      "Diễn tập thực chiến an toàn thông tin mạng",
      "An toàn, an ninh mạng",
      "task",
      {"Báo cáo sơ kết, slide 21", "Tổ chức diễn tập; ít nhất 1 lần/năm", "Due 30/11."}});
  f.agency = std::make_shared<const Agency>(Agency{"HA-NOI", "Hà Nội", "province"});
  f.period = "2022";
  f.status = Status::kAtRisk;
  f.reason = "not completed; due in 29 days (2022-11-30)";
  f.as_of = kAsOf;
  f.due = Date(2022, 11, 30);
  f.warn_from = Date(2022, 11, 16);
  f.days_left = 29;
  return f;
}

// A finding of `agency` with only what the calendar reads.
Finding Make(const std::string& obligation, const std::string& agency, Status status,
             std::optional<Date> due, const std::string& period = "") {
  Finding f;
  ObligationText text;
  text.id = obligation;
  text.title = "Title of " + obligation;
  f.obligation = std::make_shared<const ObligationText>(std::move(text));
  f.agency = std::make_shared<const Agency>(Agency{agency, agency, "province"});
  f.period = period;
  f.status = status;
  f.as_of = kAsOf;
  f.due = due;
  if (due) f.warn_from = *due - boost::gregorian::days(14);
  return f;
}

Report MakeReport(std::vector<Finding> findings) {
  Report report;
  report.as_of = kAsOf;
  report.agencies = {{"HA-NOI", "Hà Nội", "province"}, {"HUE", "Huế", "province"}};
  report.findings = std::move(findings);
  return report;
}

// Physical lines, without their CRLF; fails when one lacks it.
std::vector<std::string> PhysicalLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find("\r\n", start);
    BOOST_TEST_REQUIRE(end != std::string::npos, "a line without CRLF at octet " << start);
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

// RFC 5545 3.1 unfolding: a line starting with a space continues the previous one.
std::vector<std::string> ContentLines(const std::string& text) {
  std::vector<std::string> lines;
  for (const std::string& line : PhysicalLines(text)) {
    if (!line.empty() && line[0] == ' ') {
      BOOST_TEST_REQUIRE(!lines.empty());
      lines.back() += line.substr(1);
    } else {
      lines.push_back(line);
    }
  }
  return lines;
}

std::vector<std::string> Properties(const std::string& text, const std::string& prefix) {
  std::vector<std::string> found;
  for (const std::string& line : ContentLines(text)) {
    if (line.compare(0, prefix.size(), prefix) == 0) found.push_back(line.substr(prefix.size()));
  }
  return found;
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

BOOST_AUTO_TEST_SUITE(ics_writer)

BOOST_AUTO_TEST_CASE(small_calendar_exact_text) {
  const std::string expected =
      "BEGIN:VCALENDAR\r\n"
      "VERSION:2.0\r\n"
      "PRODID:-//dxcomply//dxcomply//VI\r\n"
      "CALSCALE:GREGORIAN\r\n"
      "METHOD:PUBLISH\r\n"
      "X-WR-CALNAME:Hà Nội\r\n"
      "X-WR-CALDESC:dxcomply: upcoming deadlines of Hà Nội (HA-NOI) as of 2022-\r\n"
      " 11-01\r\n"
      "BEGIN:VTIMEZONE\r\n"
      "TZID:Asia/Ho_Chi_Minh\r\n"
      "BEGIN:STANDARD\r\n"
      "DTSTART:19750613T000000\r\n"
      "TZOFFSETFROM:+0800\r\n"
      "TZOFFSETTO:+0700\r\n"
      "TZNAME:+07\r\n"
      "END:STANDARD\r\n"
      "END:VTIMEZONE\r\n"
      "BEGIN:VEVENT\r\n"
      "UID:drill+2022+HA-NOI@dxcomply\r\n"
      "DTSTAMP:20221101T000000Z\r\n"
      "DTSTART;VALUE=DATE:20221130\r\n"
      "DTEND;VALUE=DATE:20221201\r\n"
      "SUMMARY:Diễn tập thực chiến an toàn thông tin mạng (2022)\r\n"
      "DESCRIPTION:obligation: drill\\, period 2022\\nagency: Hà Nội (HA-NOI)\\nst\r\n"
      " atus: at risk\\, 29 days left\\, as of 2022-11-01\\nreason: not completed\\; d\r\n"
      " ue in 29 days (2022-11-30)\\ndue: 2022-11-30\\nsource: Báo cáo sơ kết\\,\r\n"
      "  slide 21\\npassage: Tổ chức diễn tập\\; ít nhất 1 lần/năm\\nas\r\n"
      " sumed: Due 30/11.\r\n"
      "CATEGORIES:An toàn\\, an ninh mạng\r\n"
      "SEQUENCE:0\r\n"
      "TRANSP:TRANSPARENT\r\n"
      "BEGIN:VALARM\r\n"
      "ACTION:DISPLAY\r\n"
      "DESCRIPTION:Due 2022-11-30: Diễn tập thực chiến an toàn thông tin\r\n"
      "  mạng (2022)\r\n"
      "TRIGGER;VALUE=DATE-TIME:20221116T010000Z\r\n"
      "END:VALARM\r\n"
      "END:VEVENT\r\n"
      "END:VCALENDAR\r\n";
  const Report report = MakeReport({Drill()});
  BOOST_TEST(AgencyCalendar(report, "HA-NOI") == expected);
  BOOST_TEST(AgencyCalendar(report, "HA-NOI") == AgencyCalendar(report, "HA-NOI"));
}

// What agencies read by default: the description's labels, the status and
// the dates in Vietnamese (dd/mm/yyyy); the record's own texts as they are.
BOOST_AUTO_TEST_CASE(descriptions_are_vietnamese_by_default) {
  ScopedLanguage vietnamese(Language::kVietnamese);
  const std::string calendar = AgencyCalendar(MakeReport({Drill()}), "HA-NOI");
  BOOST_TEST(Properties(calendar, "X-WR-CALDESC:") ==
                 std::vector<std::string>{
                     "dxcomply: các hạn sắp tới của Hà Nội (HA-NOI)\\, tính đến ngày 01/11/2022"},
             boost::test_tools::per_element());
  BOOST_TEST(Properties(calendar, "DESCRIPTION:") ==
                 (std::vector<std::string>{
                     "nhiệm vụ: drill\\, kỳ 2022\\ncơ quan: Hà Nội (HA-NOI)\\ntrạng thái: có "
                     "nguy cơ chậm\\, còn 29 ngày\\, tính đến ngày 01/11/2022\\nlý do: not "
                     "completed\\; due in 29 days (2022-11-30)\\nhạn: 30/11/2022\\ncăn cứ: Báo "
                     "cáo sơ kết\\, slide 21\\ntrích: Tổ chức diễn tập\\; ít nhất 1 "
                     "lần/năm\\ngiả định: Due 30/11.",
                     "Hạn 30/11/2022: Diễn tập thực chiến an toàn thông tin mạng (2022)"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(agency_without_upcoming_deadlines_gets_an_empty_calendar) {
  const Report report = MakeReport({Drill(), Make("done", "HUE", Status::kMet, kAsOf)});
  const std::string calendar = AgencyCalendar(report, "HUE");
  BOOST_TEST(calendar.find("BEGIN:VEVENT") == std::string::npos);
  const std::vector<std::string> lines = ContentLines(calendar);
  BOOST_TEST(lines.front() == "BEGIN:VCALENDAR");
  BOOST_TEST(lines.back() == "END:VCALENDAR");
  BOOST_TEST(Properties(calendar, "X-WR-CALNAME:") == std::vector<std::string>{"Huế"});
  // A component keeps it valid: RFC 5545 wants at least one.
  BOOST_TEST(Properties(calendar, "BEGIN:") ==
             (std::vector<std::string>{"VCALENDAR", "VTIMEZONE", "STANDARD"}));
}

BOOST_AUTO_TEST_CASE(upcoming_rule) {
  struct Row {
    Status status;
    std::optional<Date> due;
    bool upcoming;
  };
  const Date before = kAsOf - boost::gregorian::days(1);
  const Date after = kAsOf + boost::gregorian::days(10);
  const std::vector<Row> rows = {
      {Status::kAtRisk, kAsOf, true},  // due today, not reached: still upcoming
      {Status::kAtRisk, after, true},          {Status::kOnTrack, after, true},
      {Status::kOverdue, after, true},  // per-record checks; not seen in practice
      {Status::kOverdue, before, false},       {Status::kMet, after, false},
      {Status::kMetLate, after, false},        {Status::kNotApplicable, after, false},
      {Status::kWaiting, std::nullopt, false}, {Status::kOnTrack, before, false},
  };
  for (const Row& row : rows) {
    const Finding f = Make("x", "HUE", row.status, row.due);
    BOOST_TEST(IsUpcomingDeadline(f, kAsOf) == row.upcoming,
               StatusName(row.status) << " due " << (row.due ? FormatIsoDate(*row.due) : "-"));
  }

  // In the calendar: only HUE's upcoming ones, ordered by due date.
  const Report report = MakeReport({
      Make("late", "HUE", Status::kOverdue, before),
      Make("b-next", "HUE", Status::kOnTrack, after),
      Make("a-today", "HUE", Status::kAtRisk, kAsOf),
      Make("met", "HUE", Status::kMet, after),
      Make("wait", "HUE", Status::kWaiting, std::nullopt),
      Make("other", "HA-NOI", Status::kAtRisk, after),
  });
  BOOST_TEST(Properties(AgencyCalendar(report, "HUE"), "UID:") ==
             (std::vector<std::string>{"a-today+HUE@dxcomply", "b-next+HUE@dxcomply"}));
}

BOOST_AUTO_TEST_CASE(alarm_opens_the_warn_before_window_at_8_in_vietnam) {
  Finding past_window = Make("x", "HUE", Status::kAtRisk, kAsOf + boost::gregorian::days(3));
  past_window.warn_from = Date(2022, 10, 20);  // working days, already past: kept
  Finding no_window = Make("y", "HUE", Status::kOnTrack, Date(2023, 1, 2));
  no_window.warn_from = std::nullopt;
  const std::string calendar = AgencyCalendar(MakeReport({past_window, no_window}), "HUE");
  BOOST_TEST(Properties(calendar, "TRIGGER;VALUE=DATE-TIME:") ==
             (std::vector<std::string>{"20221020T010000Z", "20230102T010000Z"}));
  BOOST_TEST(Properties(calendar, "ACTION:") == (std::vector<std::string>{"DISPLAY", "DISPLAY"}));
}

BOOST_AUTO_TEST_CASE(long_vietnamese_lines_fold_at_75_octets_between_characters) {
  const std::string words =
      "Hoàn thành giám sát an toàn thông tin mạng cho 100% các hệ thống thông tin cấp độ 3, "
      "4, 5 — ưu tiên hạ tầng số, nền tảng số, dữ liệu số; bảo đảm an toàn ";
  // Every shift moves the cuts across every position within the 2- and
  // 3-octet sequences (ạ, ố, ư, —).
  for (int shift = 0; shift < 6; ++shift) {
    Finding f = Drill();
    ChangeText(f, [&](ObligationText& text) {
      text.title = std::string(shift, 'x') + words + words + words;
    });
    f.period.clear();
    const std::string calendar = AgencyCalendar(MakeReport({f}), "HA-NOI");
    for (const std::string& line : PhysicalLines(calendar)) {
      BOOST_TEST(line.size() <= 75u, line);
      BOOST_TEST(!line.empty());
      const std::size_t first = line[0] == ' ' ? 1 : 0;
      BOOST_TEST_REQUIRE(line.size() > first);
      BOOST_TEST(!IsContinuationByte(line[first]), "starts inside a UTF-8 sequence: " << line);
      BOOST_TEST(line.find('\r') == std::string::npos);
      BOOST_TEST(line.find('\n') == std::string::npos);
    }
    std::string escaped_title = f.obligation->title;  // only ',' and ';' need escaping here
    for (std::size_t i = 0; i < escaped_title.size(); ++i) {
      if (escaped_title[i] == ',' || escaped_title[i] == ';') escaped_title.insert(i++, "\\");
    }
    BOOST_TEST(Properties(calendar, "SUMMARY:") == std::vector<std::string>{escaped_title});
  }
}

BOOST_AUTO_TEST_CASE(text_values_are_escaped) {
  Finding f = Make("x", "HUE", Status::kAtRisk, kAsOf);
  ChangeText(f, [](ObligationText& text) {
    text.title = "a,b;c\\d\ne\r\nf\tg\x01h";
    text.theme = "Hạ tầng, nền tảng";
  });
  const std::string calendar = AgencyCalendar(MakeReport({f}), "HUE");
  BOOST_TEST(Properties(calendar, "SUMMARY:") ==
             std::vector<std::string>{"a\\,b\\;c\\\\d\\ne\\nf\tg h"});
  BOOST_TEST(Properties(calendar, "CATEGORIES:") ==
             std::vector<std::string>{"Hạ tầng\\, nền tảng"});

  Report report = MakeReport({});
  report.agencies.push_back({"X", "Sở A; Sở B, \"C\"", "province"});
  BOOST_TEST(Properties(AgencyCalendar(report, "X"), "X-WR-CALNAME:") ==
             std::vector<std::string>{"Sở A\\; Sở B\\, \"C\""});
}

BOOST_AUTO_TEST_CASE(every_agency_calendar_from_one_pass_is_each_agency_calendar) {
  const Report report = MakeReport({Drill(), Make("done", "HUE", Status::kMet, kAsOf),
                                    Make("upcoming", "HUE", Status::kOnTrack, Date(2022, 12, 1))});
  std::vector<std::string> agencies;
  ForEachAgencyCalendar(report, [&](const Agency& agency, const std::string& calendar) {
    agencies.push_back(agency.id);
    BOOST_TEST(calendar == AgencyCalendar(report, agency.id), agency.id);
  });
  BOOST_TEST(agencies == (std::vector<std::string>{"HA-NOI", "HUE"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(uids_are_stable_and_unique) {
  // Stable: the same instance keeps its UID whatever its status, due date or text.
  Finding early = Make("action-plan", "NGHE-AN", Status::kOnTrack, Date(2022, 12, 15), "2023");
  Finding later = early;
  later.status = Status::kAtRisk;
  later.due = Date(2022, 12, 20);
  ChangeText(later, [](ObligationText& text) { text.title = "changed"; });
  later.as_of = Date(2022, 11, 8);
  BOOST_TEST(EventUid(early) == "action-plan+2023+NGHE-AN@dxcomply");
  BOOST_TEST(EventUid(later) == EventUid(early));

  // Unique: instances whose parts run together with '-' still differ.
  const std::vector<Finding> instances = {
      Make("a", "X", Status::kAtRisk, kAsOf, "2022"),
      Make("a-2022", "X", Status::kAtRisk, kAsOf),
      Make("a", "2022-X", Status::kAtRisk, kAsOf),
      Make("a", "2022+X", Status::kAtRisk, kAsOf),
      Make("a+2022", "X", Status::kAtRisk, kAsOf),
      Make("a", "X", Status::kAtRisk, kAsOf, "2022-Q1"),
      Make("a", "X", Status::kAtRisk, kAsOf, "2022-Q1+X"),
      Make("a", "X", Status::kAtRisk, kAsOf),
      Make("a", "Y", Status::kAtRisk, kAsOf),
  };
  std::set<std::string> uids;
  for (const Finding& f : instances) {
    const std::string uid = EventUid(f);
    BOOST_TEST(uids.insert(uid).second, "duplicate UID " << uid);
    for (const char c : uid) BOOST_TEST((c > ' ' && c < 0x7F), uid);
  }
  BOOST_TEST(EventUid(instances[3]) == "a+2022%2BX@dxcomply");
  BOOST_TEST(EventUid(Make("a", "HÀ NỘI", Status::kAtRisk, kAsOf)) ==
             "a+H%C3%80%20N%E1%BB%98I@dxcomply");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

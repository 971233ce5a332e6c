// ReminderComposer on hand-made reports: who gets a letter, what a letter
// says about each finding (in Vietnamese, from the Finding's fields), the
// reply date in working days, escaping, and template errors.
#include "remind/reminder_letters.hpp"

#include "support/test_files.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace dxcomply {
namespace {

const Agency kNgheAn{"NGHE-AN", "Nghệ An", "province"};
const Agency kHaNoi{"HA-NOI", "Hà Nội", "province"};
const Agency kBca{"BCA", "Bộ Công an", "ministry"};
const Agency kBtp{"BTP", "Bộ Tư pháp", "ministry"};
const Agency kNational{kNationalAgencyId, kNationalAgencyName, "national"};

const Date kAsOf(2022, 11, 1);

std::string RepoTemplates() { return std::string(DXCOMPLY_SOURCE_DIR) + "/templates"; }

Obligation Rule(const std::string& id, CheckKind kind, const std::string& table) {
  Obligation obligation;
  obligation.id = id;
  obligation.title = "Nhiệm vụ " + id;
  obligation.check.kind = kind;
  obligation.check.table = table;
  return obligation;
}

// The National Committee until 13/3/2025, then the Government's Steering
// Committee (as rules/authorities.yaml says it).
std::vector<Authority> Authorities() {
  Authority committee;
  committee.until = Date(2025, 3, 13);
  committee.body = "Ủy ban Quốc gia về chuyển đổi số";
  committee.head = "Thủ tướng Chính phủ";
  committee.standing_body_agency = "BTTTT";
  committee.standing_body_name = "Bộ Thông tin và Truyền thông";
  committee.reply_to_name = "Bộ Thông tin và Truyền thông (Cục Chuyển đổi số quốc gia)";
  committee.letterhead = {"BỘ THÔNG TIN", "VÀ TRUYỀN THÔNG"};
  committee.signing_title = {"KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"};
  committee.reference_suffix = "BTTTT-CĐSQG";
  Authority steering;
  steering.from = Date(2025, 3, 13);
  steering.body = "Ban Chỉ đạo của Chính phủ";
  steering.head = "Thủ tướng Chính phủ";
  steering.standing_body_agency = "BKHCN";
  steering.standing_body_name = steering.reply_to_name = "Bộ Khoa học và Công nghệ";
  steering.letterhead = {"BỘ KHOA HỌC VÀ CÔNG NGHỆ"};
  steering.signing_title = {"KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "(ký thay)"};
  steering.reference_suffix = "BKHCN-CĐSQG";
  return {committee, steering};
}

RuleSet Rules() {
  RuleSet rules;
  rules.obligations = {Rule("classify", CheckKind::kCoverage, "information_system"),
                       Rule("monitor", CheckKind::kCoverage, "information_system"),
                       Rule("staff", CheckKind::kCount, "security_staff"),
                       Rule("plan", CheckKind::kTask, "task"),
                       Rule("dossiers", CheckKind::kIndicator, "measurement")};
  rules.authorities = Authorities();
  return rules;
}

Measure Share(std::int64_t numerator, std::int64_t denominator) {
  return Measure{true, static_cast<double>(numerator) / static_cast<double>(denominator), numerator,
                 denominator};
}

// A finding as the engine makes one, with the fields letters read.
Finding Make(const std::string& obligation, const Agency& agency, Status status,
             const std::string& check_kind = "coverage") {
  Finding finding;
  ObligationText text;
  text.id = obligation;
  text.title = "Nhiệm vụ " + obligation;
  text.check_kind = check_kind;
  text.source.document = "Sơ kết công tác chuyển đổi số 6 tháng đầu năm 2022 (seeds/002), slide 21";
  text.source.passage = "Đoạn trích nguồn của " + obligation;
  finding.obligation = std::make_shared<const ObligationText>(std::move(text));
  finding.agency = std::make_shared<const Agency>(agency);
  finding.status = status;
  finding.reason = "ENGLISH REASON";
  finding.as_of = kAsOf;
  finding.lookback_date = kAsOf - boost::gregorian::days(30);
  finding.target = 1.0;
  finding.at_as_of = finding.at_lookback = finding.at_due = Share(3, 4);
  if (status == Status::kOverdue) {
    finding.due = Date(2022, 9, 30);
    finding.days_overdue = 32;
  } else {
    finding.due = Date(2022, 11, 15);
    finding.warn_from = Date(2022, 11, 1);
    finding.days_left = 14;
    finding.projection = finding.at_as_of.value;
  }
  return finding;
}

Report MakeReport(std::vector<Finding> findings) {
  Report report;
  report.as_of = kAsOf;
  report.agencies = {kBca, kBtp, kHaNoi, kNgheAn};
  report.findings = std::move(findings);
  return report;
}

ReminderSettings Settings(const std::string& folder) {
  ReminderSettings settings;
  settings.templates_dir = folder;
  return settings;
}

// A templates folder whose Markdown template is `markdown` (the HTML one
// renders the same placeholders).
class Templates {
 public:
  explicit Templates(const std::string& markdown, const std::string& html = "<p>{{title}}</p>") {
    folder_.Write(kMarkdownTemplateName, markdown);
    folder_.Write(kHtmlTemplateName, html);
  }
  const std::string& path() const { return folder_.path(); }

 private:
  testing::TempFolder folder_;
};

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

int Occurrences(const std::string& text, const std::string& part) {
  int count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++count;
  }
  return count;
}

BOOST_AUTO_TEST_SUITE(reminder_letters)

BOOST_AUTO_TEST_CASE(one_letter_per_agency_with_anything_overdue_or_at_risk) {
  const Report report = MakeReport({
      Make("classify", kNgheAn, Status::kOverdue),
      Make("classify", kBca, Status::kOverdue),
      Make("plan", kNgheAn, Status::kOverdue, "task"),
      Make("monitor", kNgheAn, Status::kAtRisk),
      Make("monitor", kBtp, Status::kOnTrack),
      Make("plan", kBtp, Status::kMet, "task"),
      Make("classify", kBtp, Status::kMetLate),
      Make("dossiers", kNational, Status::kOverdue, "indicator"),
  });
  BOOST_TEST(AgenciesToRemind(report) == (std::vector<std::string>{"BCA", "NGHE-AN"}),
             boost::test_tools::per_element());

  const RuleSet rules = Rules();
  const WorkCalendar calendar = WorkCalendar::Statutory();
  const ReminderComposer composer(Settings(RepoTemplates()), rules, calendar);
  const std::vector<ReminderLetter> letters = composer.Compose(report);
  BOOST_TEST_REQUIRE(letters.size() == 2u);
  BOOST_TEST(letters[0].agency_id == "BCA");
  BOOST_TEST(letters[1].agency_id == "NGHE-AN");
  BOOST_TEST(letters[1].overdue == 2);
  BOOST_TEST(letters[1].at_risk == 1);
  const std::string& markdown = letters[1].markdown;
  BOOST_TEST(Occurrences(markdown, "Kính gửi:") == 1);
  BOOST_TEST(Contains(markdown, "Kính gửi: Ủy ban nhân dân tỉnh Nghệ An"));
  BOOST_TEST(Contains(markdown, "còn 2 nhiệm vụ đã quá hạn và 1 nhiệm vụ có nguy cơ chậm"));
  // One appendix row per item, numbered across both sections.
  BOOST_TEST(Occurrences(markdown, "| 1 | Nhiệm vụ classify |") == 1);
  BOOST_TEST(Occurrences(markdown, "| 2 | Nhiệm vụ plan |") == 1);
  BOOST_TEST(Occurrences(markdown, "| 3 | Nhiệm vụ monitor |") == 1);
  BOOST_TEST(Contains(markdown, "| **I** | **Nhiệm vụ đã quá hạn** |"));
  BOOST_TEST(Contains(markdown, "| **II** | **Nhiệm vụ có nguy cơ chậm** |"));
  BOOST_TEST(Occurrences(markdown, "**Phụ lục**") == 1);
  BOOST_TEST(Occurrences(letters[1].html, "<tr><td>") == 3);
  BOOST_TEST(Contains(markdown, "Hà Nội, ngày 01 tháng 11 năm 2022"));
  BOOST_TEST(!Contains(markdown, "ENGLISH REASON"));
  BOOST_TEST(!Contains(letters[1].html, "ENGLISH REASON"));
  // Nothing of the other agencies leaks in.
  BOOST_TEST(!Contains(markdown, "Bộ Tư pháp"));
  BOOST_TEST(!Contains(letters[0].markdown, "Nhiệm vụ plan"));
}

BOOST_AUTO_TEST_CASE(no_letter_for_agencies_with_only_met_or_on_track) {
  const Report report =
      MakeReport({Make("monitor", kBtp, Status::kOnTrack), Make("plan", kBtp, Status::kMet, "task"),
                  Make("staff", kBtp, Status::kWaiting, "count"),
                  Make("classify", kBtp, Status::kNotApplicable)});
  const RuleSet rules = Rules();
  const WorkCalendar calendar;
  const ReminderComposer composer(Settings(RepoTemplates()), rules, calendar);
  BOOST_TEST(composer.Compose(report).empty());
  BOOST_TEST(composer.Compose(report, "BTP").empty());
}

BOOST_AUTO_TEST_CASE(never_a_letter_to_the_national_pseudo_agency) {
  const Report report = MakeReport({Make("dossiers", kNational, Status::kOverdue, "indicator"),
                                    Make("monitor", kNational, Status::kAtRisk, "indicator")});
  const RuleSet rules = Rules();
  const WorkCalendar calendar;
  const ReminderComposer composer(Settings(RepoTemplates()), rules, calendar);
  BOOST_TEST(composer.Compose(report).empty());
  BOOST_TEST(composer.Compose(report, kNationalAgencyId).empty());
  BOOST_TEST(AgenciesToRemind(report).empty());
}

BOOST_AUTO_TEST_CASE(only_the_agency_asked_for) {
  const Report report = MakeReport(
      {Make("classify", kNgheAn, Status::kOverdue), Make("classify", kBca, Status::kOverdue)});
  const RuleSet rules = Rules();
  const WorkCalendar calendar;
  const ReminderComposer composer(Settings(RepoTemplates()), rules, calendar);
  const std::vector<ReminderLetter> letters = composer.Compose(report, "BCA");
  BOOST_TEST_REQUIRE(letters.size() == 1u);
  BOOST_TEST(letters[0].agency_id == "BCA");
  BOOST_TEST(Contains(letters[0].markdown, "Kính gửi: Bộ Công an"));
}

BOOST_AUTO_TEST_CASE(what_was_measured_in_vietnamese) {
  Finding coverage = Make("classify", kNgheAn, Status::kOverdue);
  Finding count = Make("staff", kNgheAn, Status::kOverdue, "count");
  count.at_as_of = Measure{true, 3, 3, 0};
  count.target = 5;
  Finding task = Make("plan", kNgheAn, Status::kOverdue, "task");
  task.at_as_of = Share(0, 1);
  Finding indicator = Make("dossiers", kNgheAn, Status::kOverdue, "indicator");
  indicator.at_as_of = Measure{true, 0.529, 0, 0};
  indicator.target = 0.8;
  indicator.day_unit = DayUnit::kWorking;
  indicator.days_overdue = 3;
  const Report report = MakeReport({coverage, count, task, indicator});
  const RuleSet rules = Rules();
  const WorkCalendar calendar;
  const Templates templates(
      "{{#overdue}}[{{number}}|{{measured}}|{{due_date}}|{{days_overdue}} {{day_unit}}]\n"
      "{{/overdue}}");
  const ReminderComposer composer(Settings(templates.path()), rules, calendar);
  const std::vector<ReminderLetter> letters = composer.Compose(report);
  BOOST_TEST_REQUIRE(letters.size() == 1u);
  BOOST_TEST(letters[0].markdown ==
             "[1|đạt 75% (3/4 hệ thống thông tin), yêu cầu 100%|30/09/2022|32 ngày]\n"
             "[2|hiện có 3/5 chuyên gia|30/09/2022|32 ngày]\n"
             "[3|chưa hoàn thành|30/09/2022|32 ngày]\n"
             "[4|đạt 52,9%, mục tiêu 80%|30/09/2022|3 ngày làm việc]\n");
}

BOOST_AUTO_TEST_CASE(why_at_risk_and_who_blocks_it) {
  // Hà Nội's monitoring is close to due, behind pace, and waits on its own
  // classification (in the letter) and on Bộ Công an's (another agency,
  // counted in working days).
  Finding own_upstream = Make("classify", kHaNoi, Status::kOverdue);
  Finding other_upstream = Make("classify", kBca, Status::kOverdue);
  other_upstream.day_unit = DayUnit::kWorking;
  other_upstream.days_overdue = 5;
  Finding monitor = Make("monitor", kHaNoi, Status::kAtRisk);
  monitor.at_as_of = Share(1, 4);
  monitor.at_lookback = Share(0, 4);
  monitor.projection = 0.6;
  monitor.grounds = GroundBit(RiskGround::kWarnWindow) | GroundBit(RiskGround::kTrend) |
                    GroundBit(RiskGround::kBlocked);
  monitor.blocked_by = {
      BlockerChain{{InstanceRef{"classify", "HA-NOI", "Hà Nội", "", "", "", Status::kOverdue, 32}},
                   ""},
      BlockerChain{{InstanceRef{"plan", "BCA", "Bộ Công an", "", "", "", Status::kAtRisk, 2},
                    InstanceRef{"classify", "BCA", "Bộ Công an", "", "", "", Status::kOverdue, 5}},
                   ""}};
  const Report report = MakeReport({own_upstream, other_upstream, monitor});
  const RuleSet rules = Rules();
  const WorkCalendar calendar;
  const Templates templates(
      "{{#at_risk}}{{#reasons}}[{{text}}]{{/reasons}}\n"
      "{{#blockers}}<{{title}}|{{owner}}|{{state}}|{{#in_letter}}mục "
      "{{letter_ref}}{{/in_letter}}{{#has_via}}|qua {{#via}}{{title}} ({{state}}){{/via}}"
      "{{/has_via}}>\n{{/blockers}}{{/at_risk}}");
  const ReminderComposer composer(Settings(templates.path()), rules, calendar);
  const std::vector<ReminderLetter> letters = composer.Compose(report, "HA-NOI");
  BOOST_TEST_REQUIRE(letters.size() == 1u);
  BOOST_TEST(letters[0].markdown ==
             "[sắp đến hạn][theo tốc độ 30 ngày qua, đến hạn chỉ đạt khoảng 60% (yêu cầu "
             "100%)][phụ thuộc vào nhiệm vụ khác chưa hoàn thành]\n"
             "<Nhiệm vụ classify|Ủy ban nhân dân thành phố Hà Nội|đã quá hạn 32 ngày|mục 1>\n"
             "<Nhiệm vụ classify|Bộ Công an|đã quá hạn 5 ngày làm việc||qua Nhiệm vụ plan (có "
             "nguy cơ chậm, còn 2 ngày đến hạn)>\n");
}

BOOST_AUTO_TEST_CASE(tasks_in_a_chain_are_named_by_title_with_their_instance_state) {
  // Hà Nội's monitoring waits on a task of no instance (812), which waits on
  // task 77 of Bộ Công an's overdue classification: 77 is named by its title,
  // in the state of its instance (in working days, as that instance counts).
  Finding other_upstream = Make("classify", kBca, Status::kOverdue);
  other_upstream.day_unit = DayUnit::kWorking;
  other_upstream.days_overdue = 5;
  Finding monitor = Make("monitor", kHaNoi, Status::kAtRisk);
  InstanceRef free_task{"internal", "BCA", "Bộ Công an", "", "812", "Chuẩn bị", Status::kAtRisk, 0};
  free_task.free_task = true;
  const InstanceRef task{"classify", "BCA", "Bộ Công an", "", "77", "Nâng cấp phần mềm",
                         Status::kOverdue, 5};
  monitor.blocked_by = {BlockerChain{{free_task, task}, "task 3 -> task 812"}};
  const Report report = MakeReport({other_upstream, monitor});
  const RuleSet rules = Rules();
  const WorkCalendar calendar;
  const Templates templates(
      "{{#at_risk}}{{#blockers}}<{{title}}|{{owner}}|{{state}}|{{#in_letter}}mục "
      "{{letter_ref}}{{/in_letter}}{{#has_via}}|qua {{#via}}{{title}} ({{state}}){{/via}}"
      "{{/has_via}}>\n{{/blockers}}{{/at_risk}}");
  const ReminderComposer composer(Settings(templates.path()), rules, calendar);
  const std::vector<ReminderLetter> letters = composer.Compose(report, "HA-NOI");
  BOOST_TEST_REQUIRE(letters.size() == 1u);
  BOOST_TEST(letters[0].markdown ==
             "<Nâng cấp phần mềm|Bộ Công an|đã quá hạn 5 ngày làm việc||qua Chuẩn bị (chưa hoàn "
             "thành)>\n");
}

BOOST_AUTO_TEST_CASE(a_stalled_item_says_so) {
  Finding monitor = Make("monitor", kNgheAn, Status::kAtRisk);
  monitor.at_as_of = monitor.at_lookback = Share(0, 16);
  monitor.projection = 0.0;
  monitor.grounds = GroundBit(RiskGround::kWarnWindow) | GroundBit(RiskGround::kTrend);
  Finding drill = Make("plan", kNgheAn, Status::kAtRisk, "task");
  drill.at_as_of = Share(0, 1);
  drill.projection = 0.0;
  drill.warn_from = Date(2022, 11, 16);
  drill.period = "2022";
  drill.grounds = GroundBit(RiskGround::kTaskProgress);
  // Not started by its latest start; and needed sooner by what waits on it.
  Finding plan = Make("plan", kNgheAn, Status::kAtRisk, "task");
  plan.at_as_of = Share(0, 1);
  plan.period = "2023";
  plan.latest_start = Date(2022, 10, 15);
  plan.latest_finish = Date(2022, 10, 31);
  plan.grounds = GroundBit(RiskGround::kNotStarted) | GroundBit(RiskGround::kNegativeSlack);
  const Report report = MakeReport({monitor, drill, plan});
  const RuleSet rules = Rules();
  const WorkCalendar calendar;
  const Templates templates(
      "{{#at_risk}}{{title}}{{#has_period}} ({{period}}){{/has_period}}: "
      "{{#reasons}}[{{text}}]{{/reasons}}\n{{/at_risk}}");
  const ReminderComposer composer(Settings(templates.path()), rules, calendar);
  BOOST_TEST(composer.Compose(report)[0].markdown ==
             "Nhiệm vụ monitor: [sắp đến hạn][30 ngày qua không có tiến triển]\n"
             "Nhiệm vụ plan (năm 2022): [đã bắt đầu nhưng tiến độ báo cáo vẫn là 0%]\n"
             "Nhiệm vụ plan (năm 2023): [chưa bắt đầu thực hiện, trong khi phải bắt đầu chậm "
             "nhất từ ngày 15/10/2022][cần hoàn thành sớm hơn thời hạn để nhiệm vụ khác phụ "
             "thuộc vào kịp thời hạn (trước ngày 31/10/2022)]\n");
}

BOOST_AUTO_TEST_CASE(reply_date_counts_working_days_across_a_weekend_and_a_holiday) {
  // Friday 29/4/2022; 30/4 and 1/5 fall on the weekend and are given back
  // on Monday 2/5 and Tuesday 3/5. Two working days later is Thursday 5/5.
  CalendarYear year;
  year.year = 2022;
  year.from_decision = true;
  year.source = "test";
  year.days_off = {DayOffRange{Date(2022, 4, 30), Date(2022, 5, 3), "30/4 - 1/5", "test"}};
  const WorkCalendar calendar = WorkCalendar::FromDecisions({year});
  Report report = MakeReport({Make("classify", kNgheAn, Status::kOverdue)});
  report.as_of = Date(2022, 4, 29);
  const RuleSet rules = Rules();
  const Templates templates("{{reply_by}} {{reply_within_working_days}} {{as_of_date}}");
  ReminderSettings settings = Settings(templates.path());
  settings.reply_within_working_days = 2;
  const ReminderComposer composer(settings, rules, calendar);
  BOOST_TEST(composer.Compose(report)[0].markdown == "05/05/2022 2 29/04/2022");
}

BOOST_AUTO_TEST_CASE(html_is_escaped_and_markdown_is_not) {
  Finding finding = Make("classify", kNgheAn, Status::kOverdue);
  ObligationText text = *finding.obligation;
  text.title = "Chương trình \"Sóng & máy tính cho em\" <2022>";
  finding.obligation = std::make_shared<const ObligationText>(std::move(text));
  const Report report = MakeReport({finding});
  const RuleSet rules = Rules();
  const WorkCalendar calendar;
  const ReminderComposer composer(Settings(RepoTemplates()), rules, calendar);
  const ReminderLetter letter = composer.Compose(report)[0];
  BOOST_TEST(Contains(letter.markdown, "Chương trình \"Sóng & máy tính cho em\" <2022>"));
  BOOST_TEST(!Contains(letter.markdown, "&amp;"));
  BOOST_TEST(!Contains(letter.markdown, "&quot;"));
  BOOST_TEST(
      Contains(letter.html, "Chương trình &quot;Sóng &amp; máy tính cho em&quot; &lt;2022&gt;"));
}

BOOST_AUTO_TEST_CASE(the_html_letter_is_a_standalone_printable_page) {
  const Report report = MakeReport({Make("classify", kNgheAn, Status::kOverdue)});
  const RuleSet rules = Rules();
  const WorkCalendar calendar;
  const ReminderComposer composer(Settings(RepoTemplates()), rules, calendar);
  const std::string html = composer.Compose(report)[0].html;
  BOOST_TEST(html.rfind("<!DOCTYPE html>", 0) == 0u);
  BOOST_TEST(Contains(html, "<meta charset=\"utf-8\">"));
  BOOST_TEST(Contains(html, "@page { size: A4; margin: 20mm 15mm 20mm 30mm; }"));
  BOOST_TEST(Contains(html, "Times New Roman"));
  BOOST_TEST(!Contains(html, "http://"));
  BOOST_TEST(!Contains(html, "https://"));
  BOOST_TEST(!Contains(html, "<script"));
}

BOOST_AUTO_TEST_CASE(the_same_report_gives_the_same_bytes) {
  const Report report = MakeReport(
      {Make("classify", kNgheAn, Status::kOverdue), Make("monitor", kNgheAn, Status::kAtRisk)});
  const RuleSet rules = Rules();
  const WorkCalendar calendar;
  const ReminderComposer composer(Settings(RepoTemplates()), rules, calendar);
  const std::vector<ReminderLetter> first = composer.Compose(report);
  const std::vector<ReminderLetter> second = composer.Compose(report);
  BOOST_TEST_REQUIRE(first.size() == 1u);
  BOOST_TEST(first[0].markdown == second[0].markdown);
  BOOST_TEST(first[0].html == second[0].html);
}

BOOST_AUTO_TEST_CASE(the_authority_in_force_on_the_letters_date_issues_it) {
  const RuleSet rules = Rules();
  const WorkCalendar calendar;
  const ReminderComposer composer(Settings(RepoTemplates()), rules, calendar);
  Report in_2022 = MakeReport({Make("classify", kNgheAn, Status::kOverdue)});
  const ReminderLetter old = composer.Compose(in_2022)[0];
  BOOST_TEST(Contains(old.markdown, "| BỘ THÔNG TIN VÀ TRUYỀN THÔNG | CỘNG HÒA"));
  BOOST_TEST(Contains(old.markdown, "Số: ......../BTTTT-CĐSQG"));
  BOOST_TEST(Contains(old.markdown,
                      "Bộ Thông tin và Truyền thông, Cơ quan thường trực của Ủy ban "
                      "Quốc gia về chuyển đổi số, đề nghị"));
  BOOST_TEST(Contains(old.markdown,
                      "về Bộ Thông tin và Truyền thông (Cục Chuyển đổi số quốc gia) "
                      "trước ngày"));
  BOOST_TEST(Contains(old.markdown, "| **Nơi nhận:** | **KT. BỘ TRƯỞNG** |"));
  BOOST_TEST(Contains(old.markdown, "| - Như trên; | **THỨ TRƯỞNG** |"));
  BOOST_TEST(Contains(old.html,
                      ">BỘ THÔNG TIN</div><div class=\"issuer-name\" "
                      "data-custom-style=\"Issuer\">VÀ TRUYỀN THÔNG</div>"));
  BOOST_TEST(!Contains(old.markdown, "Ban Chỉ đạo"));
  BOOST_TEST(!Contains(old.markdown, "Khoa học và Công nghệ"));

  Report in_2026 = in_2022;
  in_2026.as_of = Date(2026, 12, 1);
  const ReminderLetter now = composer.Compose(in_2026)[0];
  BOOST_TEST(Contains(now.markdown, "| BỘ KHOA HỌC VÀ CÔNG NGHỆ | CỘNG HÒA"));
  BOOST_TEST(Contains(now.markdown, "Số: ......../BKHCN-CĐSQG"));
  BOOST_TEST(Contains(now.markdown,
                      "Bộ Khoa học và Công nghệ, Cơ quan thường trực của Ban Chỉ đạo "
                      "của Chính phủ, đề nghị"));
  BOOST_TEST(Contains(now.markdown, "báo cáo Ban Chỉ đạo của Chính phủ và Thủ tướng Chính phủ."));
  BOOST_TEST(Contains(now.markdown, "| - Như trên; | **THỨ TRƯỞNG (ký thay)** |"));
  BOOST_TEST(Contains(now.markdown, "- Ban Chỉ đạo của Chính phủ (để b/c);"));
  BOOST_TEST(Contains(now.html,
                      ">KT. BỘ TRƯỞNG</div><div class=\"signing-title\" "
                      "data-custom-style=\"Signing Title\">THỨ TRƯỞNG</div>"));
  BOOST_TEST(Contains(now.html, ">(ký thay)</div>"));
  BOOST_TEST(!Contains(now.markdown, "Ủy ban Quốc gia"));
  BOOST_TEST(!Contains(now.markdown, "Thông tin và Truyền thông"));

  // The standing body's own letter does not ask it to report to itself.
  Report to_standing_body = MakeReport({Make(
      "classify", Agency{"BKHCN", "Bộ Khoa học và Công nghệ", "ministry"}, Status::kOverdue)});
  to_standing_body.as_of = in_2026.as_of;
  BOOST_TEST(
      Contains(composer.Compose(to_standing_body)[0].markdown, "nhiệm vụ nêu trên trước ngày"));
}

BOOST_AUTO_TEST_CASE(no_authority_in_force_is_an_error) {
  RuleSet rules = Rules();
  rules.authorities.pop_back();  // none after 13/3/2025
  const WorkCalendar calendar;
  const ReminderComposer composer(Settings(RepoTemplates()), rules, calendar);
  Report report = MakeReport({Make("classify", kNgheAn, Status::kOverdue)});
  report.as_of = Date(2026, 12, 1);
  BOOST_CHECK_THROW(composer.Compose(report), TemplateError);
}

BOOST_AUTO_TEST_CASE(assumed_dates_inherited_duties_and_the_duty_setting_document) {
  Finding assumed = Make("classify", kNgheAn, Status::kOverdue);
  assumed.due_assumed = true;
  Finding inherited = Make("plan", kNgheAn, Status::kOverdue, "task");
  inherited.at_as_of = Share(0, 1);
  inherited.inherited_from = {DutyOrigin{"BINH-THUAN", "Bình Thuận", Date(2025, 7, 1)}};
  ObligationText text = *inherited.obligation;
  text.source.basis = "Nghị quyết số 144/NQ-CP ngày 10/9/2023 của Chính phủ";
  text.source.basis_date = Date(2023, 9, 10);
  inherited.obligation = std::make_shared<const ObligationText>(std::move(text));
  Report report = MakeReport({assumed, inherited});
  report.as_of = Date(2026, 12, 1);
  report.dataset.sample = true;
  const RuleSet rules = Rules();
  const WorkCalendar calendar;
  const ReminderComposer composer(Settings(RepoTemplates()), rules, calendar);
  const ReminderLetter letter = composer.Compose(report)[0];
  BOOST_TEST(letter.markdown.rfind("**DỮ LIỆU MẪU", 0) == 0u);
  BOOST_TEST(Contains(letter.html, "DỮ LIỆU MẪU"));
  BOOST_TEST(Contains(letter.markdown, "| 30/09/2022 (dự kiến) | Quá hạn 32 ngày |"));
  BOOST_TEST(Occurrences(letter.markdown, "(dự kiến)") == 1);
  BOOST_TEST(Contains(letter.markdown, ". Kế thừa từ: Bình Thuận (từ ngày 01/07/2025) |"));
  BOOST_TEST(Contains(letter.html, ". Kế thừa từ: Bình Thuận (từ ngày 01/07/2025)</td>"));
  // The document that sets the duty, not the report it was read in.
  BOOST_TEST(
      Contains(letter.markdown, "| Nghị quyết số 144/NQ-CP ngày 10/9/2023 của Chính phủ [2] |"));
  BOOST_TEST(
      Contains(letter.markdown, "| Sơ kết công tác chuyển đổi số 6 tháng đầu năm 2022 [1] |"));
  // Each passage once, in the appendix, under the document it is quoted from.
  BOOST_TEST(Contains(letter.markdown,
                      "[1] Sơ kết công tác chuyển đổi số 6 tháng đầu năm 2022 (mục 1): "
                      "“Đoạn trích nguồn của classify”"));
  BOOST_TEST(Occurrences(letter.markdown, "Đoạn trích nguồn của plan") == 1);
  // A letter dated before that document does not cite it.
  report.as_of = Date(2023, 9, 1);
  const ReminderLetter earlier = composer.Compose(report)[0];
  BOOST_TEST(!Contains(earlier.markdown, "144/NQ-CP"));
  BOOST_TEST(Contains(letter.markdown,
                      ". Kế thừa từ: Bình Thuận (từ ngày 01/07/2025) | 30/09/2022 | Quá hạn"));
}

Finding WithSource(Finding finding, const std::string& theme, const std::string& passage) {
  ObligationText text = *finding.obligation;
  text.theme = theme;
  text.source.passage = passage;
  finding.obligation = std::make_shared<const ObligationText>(std::move(text));
  return finding;
}

BOOST_AUTO_TEST_CASE(one_paragraph_per_group_and_each_passage_quoted_once) {
  // Three duties quote one passage (as the 2022 review's duties do); one
  // quotes an English rendering, which a Vietnamese letter leaves out.
  const std::string shared = "Đề nghị các địa phương khẩn trương ban hành.";
  Finding late = WithSource(Make("classify", kNgheAn, Status::kOverdue), "An toàn", shared);
  late.days_overdue = 40;
  const Finding plan =
      WithSource(Make("plan", kNgheAn, Status::kOverdue, "task"), "Thể chế", shared);
  const Finding monitor = WithSource(Make("monitor", kNgheAn, Status::kAtRisk), "An toàn", shared);
  Finding english = WithSource(Make("dossiers", kNgheAn, Status::kAtRisk, "indicator"), "Thể chế",
                               "The rate reaches at least 80%.");
  english.due = Date(2022, 11, 20);
  const Report report = MakeReport({late, plan, monitor, english});
  const RuleSet rules = Rules();
  const WorkCalendar calendar;
  const ReminderComposer composer(Settings(RepoTemplates()), rules, calendar);
  const std::string markdown = composer.Compose(report)[0].markdown;
  BOOST_TEST(Occurrences(markdown, shared) == 1);
  BOOST_TEST(Contains(markdown, "(mục 1-3): “" + shared + "”"));
  BOOST_TEST(!Contains(markdown, "The rate"));
  BOOST_TEST(!Contains(markdown, "[2]"));
  // Groups in the order their worst item comes; rows numbered overdue first.
  BOOST_TEST(Contains(markdown,
                      "1. Nhóm nhiệm vụ “An toàn”: 1 nhiệm vụ đã quá hạn (mục 1 của Phụ lục), "
                      "lâu nhất 40 ngày; 1 nhiệm vụ có nguy cơ chậm (mục 3 của Phụ lục), "
                      "thời hạn gần nhất ngày 15/11/2022. Đề nghị khẩn trương hoàn thành"));
  BOOST_TEST(Contains(markdown,
                      "2. Nhóm nhiệm vụ “Thể chế”: 1 nhiệm vụ đã quá hạn (mục 2 của Phụ lục), "
                      "lâu nhất 32 ngày; 1 nhiệm vụ có nguy cơ chậm (mục 4 của Phụ lục), "
                      "thời hạn gần nhất ngày 20/11/2022."));
  BOOST_TEST(Occurrences(markdown, "Nhóm nhiệm vụ") == 2);
}

BOOST_AUTO_TEST_CASE(the_offices_settings_give_the_number_place_and_signer) {
  testing::TempFolder folder;
  folder.Write("letter.yaml",
               "place: \"Thành phố Hồ Chí Minh\"\n"
               "reference: \"{number}/{suffix}-{year}\"\n"
               "drafting_unit: CĐSQG\n"
               "signing_title: [\"KT. BỘ TRƯỞNG\", \"THỨ TRƯỞNG\"]\n"
               "signer: Nguyễn Văn A\n"
               "copies_to: [\"Bộ trưởng (để b/c)\"]\n");
  const RuleSet rules = Rules();
  const WorkCalendar calendar;
  const ReminderComposer composer(Settings(RepoTemplates()), rules, calendar,
                                  folder.path() + "/letter.yaml");
  Report report = MakeReport({Make("classify", kNgheAn, Status::kOverdue)});
  report.as_of = Date(2026, 12, 1);
  const ReminderLetter letter = composer.Compose(report)[0];
  BOOST_TEST(Contains(letter.markdown,
                      "| Số: ......../BKHCN-CĐSQG-2026 | *Thành phố Hồ Chí Minh, "
                      "ngày 01 tháng 12 năm 2026* |"));
  BOOST_TEST(Contains(letter.markdown, "Kèm theo Công văn số ......../BKHCN-CĐSQG-2026 ngày"));
  // The configured title replaces the authority's three lines.
  BOOST_TEST(!Contains(letter.markdown, "(ký thay)"));
  BOOST_TEST(Contains(letter.markdown, "| - Bộ trưởng (để b/c); | |"));
  BOOST_TEST(Contains(letter.markdown, "| - Lưu: VT, CĐSQG. | **Nguyễn Văn A** |"));
  BOOST_TEST(Contains(letter.html, "data-custom-style=\"Signer\">Nguyễn Văn A</div>"));
  // A rule without a theme: its paragraph has no group name.
  BOOST_TEST(Contains(letter.markdown, "\n1. Các nhiệm vụ khác: 1 nhiệm vụ đã quá hạn (mục 1 của"));

  // Without settings: the shipped letter.yaml beside the templates (no signer).
  const ReminderComposer plain(Settings(RepoTemplates()), rules, calendar);
  const ReminderLetter unsigned_letter = plain.Compose(report)[0];
  BOOST_TEST(Contains(unsigned_letter.markdown, "| - Lưu: VT. | |"));
  BOOST_TEST(Contains(unsigned_letter.markdown, "*Hà Nội, ngày 01 tháng 12 năm 2026*"));
  BOOST_TEST(!Contains(unsigned_letter.html, "data-custom-style=\"Signer\""));
}

BOOST_AUTO_TEST_CASE(bad_letter_settings_are_errors_naming_file_and_line) {
  const RuleSet rules = Rules();
  const WorkCalendar calendar;
  const auto error_of = [&](const std::string& text) {
    testing::TempFolder folder;
    folder.Write("letter.yaml", text);
    try {
      ReminderComposer composer(Settings(RepoTemplates()), rules, calendar,
                                folder.path() + "/letter.yaml");
    } catch (const TemplateError& e) {
      const std::string message = e.what();
      const std::string prefix = folder.path() + "/letter.yaml";
      BOOST_TEST(message.rfind(prefix, 0) == 0u, message);
      return message.substr(prefix.size());
    }
    return std::string("no error");
  };
  BOOST_TEST(error_of("place: Huế\nsigner_name: A\n") ==
             ":2:1: unknown key 'signer_name' (expected: place, reference, drafting_unit, "
             "letterhead, signing_title, signer, copies_to)");
  BOOST_TEST(error_of("reference: \"{number}/{unit}\"\n") ==
             ":1: reference \"{number}/{unit}\" has an unknown placeholder {unit} (known: "
             "{number}, {suffix}, {year})");
  BOOST_TEST(error_of("reference: \"123/{suffix}\"\n") ==
             ":1:12: reference must hold {number}, the blank the clerk fills in (e.g. "
             "\"{number}/{suffix}\")");
  BOOST_TEST(error_of("signing_title: {a: b}\n") == ":1:16: signing_title must be a list of lines");
  BOOST_TEST(error_of("place: [\n").rfind(":", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(a_missing_template_is_an_error_naming_the_file) {
  const testing::TempFolder empty;
  const RuleSet rules = Rules();
  const WorkCalendar calendar;
  try {
    ReminderComposer composer(Settings(empty.path()), rules, calendar);
    BOOST_FAIL("no TemplateError");
  } catch (const TemplateError& e) {
    BOOST_TEST(Contains(e.what(), empty.path() + "/reminder.md.mustache"));
  }
}

BOOST_AUTO_TEST_CASE(a_malformed_template_is_an_error_naming_the_file) {
  const Templates templates("ok {{title}}", "<p>{{#overdue}}{{title}}</p>");
  const RuleSet rules = Rules();
  const WorkCalendar calendar;
  try {
    ReminderComposer composer(Settings(templates.path()), rules, calendar);
    BOOST_FAIL("no TemplateError");
  } catch (const TemplateError& e) {
    const std::string message = e.what();
    BOOST_TEST(Contains(message, templates.path() + "/reminder.html.mustache"));
    BOOST_TEST(Contains(message, "Unclosed section \"overdue\""));
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

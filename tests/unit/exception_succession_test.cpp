// Extensions and waivers over succession (README "Extensions and waivers"):
// an exception follows the duties of the agency it was granted to. A waived
// duty does not pass on; an extended one that had fallen due by the rule's
// date passes on with its extended date and its document; the successor's
// own duty keeps its own date, and the successor's own grant wins.
#include "dxcomply/engine.hpp"

#include "cli/run_inputs.hpp"
#include "store/record_store.hpp"
#include "support/test_files.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>  // prints Date in failures
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace dxcomply {
namespace {

// UBDT ceases on 2025-03-01 and BDT, begun that day, takes over; the
// provinces A-TINH and B-TINH merge into C-TINH on 2025-07-01.
const std::string kCountry = R"(
INSERT INTO agency (id, name, kind, valid_from, valid_until) VALUES
 ('UBDT', 'Ủy ban Dân tộc', 'ministry', NULL, '2025-03-01'),
 ('BDT', 'Bộ Dân tộc và Tôn giáo', 'ministry', '2025-03-01', NULL),
 ('A-TINH', 'Tỉnh A', 'province', NULL, '2025-07-01'),
 ('B-TINH', 'Tỉnh B', 'province', NULL, '2025-07-01'),
 ('C-TINH', 'Tỉnh C', 'province', NULL, NULL);
INSERT INTO agency_succession (predecessor_id, successor_id, effective_on, main) VALUES
 ('UBDT', 'BDT', '2025-03-01', 1),
 ('A-TINH', 'C-TINH', '2025-07-01', 1),
 ('B-TINH', 'C-TINH', '2025-07-01', 1);
)";

// UBDT's plan, due 2025-01-31 (before the succession), one task not done.
const std::string kPlan =
    "  - id: plan\n    title: Kế hoạch\n    source: {document: D}\n"
    "    applies_to: {agencies: [UBDT]}\n    due: 2025-01-31\n    check: {kind: task}\n";
const std::string kPlanTask =
    "INSERT INTO task (id, agency_id, obligation_id, title, started_on) VALUES "
    "(1, 'UBDT', 'plan', 'Soạn kế hoạch', '2024-11-01');\n";

// Every province's report, due 2024-06-30; no task done anywhere.
const std::string kReport =
    "  - id: report\n    title: Báo cáo\n    source: {document: D}\n"
    "    applies_to: {kinds: [province]}\n    due: 2024-06-30\n    check: {kind: task}\n";
const std::string kReportTasks =
    "INSERT INTO task (id, agency_id, obligation_id, title, started_on) VALUES "
    "(11, 'A-TINH', 'report', 'Báo cáo A', '2024-01-02'), "
    "(12, 'C-TINH', 'report', 'Báo cáo C', '2024-01-02');\n";

std::string Exception(int id, const std::string& obligation, const std::string& agency,
                      const std::string& kind, const std::string& new_due,
                      const std::string& number, const std::string& date) {
  return "INSERT INTO exception (id, obligation_id, agency_id, period, kind, new_due, "
         "document_number, document_date, granted_by, reason, expires_on) VALUES (" +
         std::to_string(id) + ", '" + obligation + "', '" + agency + "', NULL, '" + kind + "', " +
         (new_due.empty() ? std::string("NULL") : "'" + new_due + "'") + ", '" + number + "', '" +
         date + "', 'Ban Chỉ đạo', 'Lý do', NULL);\n";
}

class Country {
 public:
  Country(const std::string& obligations, const std::string& records)
      : database_(testing::SchemaSql() + kCountry + records),
        folder_({{"test.yaml", "obligations:\n" + obligations}}) {
    Diagnostics diagnostics;
    rules_ = LoadCheckedRules(folder_.path(), diagnostics);
    if (!diagnostics.HasErrors()) {
      RecordStore store = RecordStore::Open(database_.path());
      CheckAgainstDatabase(rules_, store, diagnostics);
    }
    std::string all;
    for (const Diagnostic& diagnostic : diagnostics.Sorted()) {
      if (diagnostic.severity == Severity::kError) all += diagnostic.ToString() + "\n";
    }
    BOOST_TEST_REQUIRE(all == "");
  }

  Report At(const std::string& as_of) const {
    RecordStore store = RecordStore::Open(database_.path());
    EngineOptions options;
    options.as_of = *ParseIsoDate(as_of);
    return Evaluate(rules_, store, options);
  }

 private:
  testing::TestDatabase database_;
  testing::TestRules folder_;
  RuleSet rules_;
};

// "obligation agency: status due D [from D'] [by document] [<- origins]"
// per finding of `obligation`.
std::vector<std::string> Lines(const Report& report, const std::string& obligation) {
  std::vector<std::string> lines;
  for (const Finding& f : report.findings) {
    if (f.obligation->id != obligation) continue;
    std::string line = f.obligation->id + " " + f.agency->id + ": " + StatusName(f.status);
    if (f.due) line += " due " + FormatIsoDate(*f.due);
    if (f.original_due) line += " from " + FormatIsoDate(*f.original_due);
    if (f.exception) line += " by " + f.exception->document_number;
    for (const DutyOrigin& origin : f.inherited_from) line += " <- " + origin.agency_id;
    lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

const Finding* Find(const Report& report, const std::string& obligation,
                    const std::string& agency) {
  for (const Finding& finding : report.findings) {
    if (finding.obligation->id == obligation && finding.agency->id == agency) return &finding;
  }
  return nullptr;
}

BOOST_AUTO_TEST_SUITE(exceptions_over_succession)

BOOST_AUTO_TEST_CASE(an_extension_beyond_the_succession_passes_on_with_the_duty) {
  // Due 2025-01-31, extended to 2025-06-30 for UBDT, which ceases on
  // 2025-03-01: the duty had fallen due by its own date, so it passes to
  // BDT with the extended date and the document. (It used to be owed by no
  // one: not yet due on UBDT's last day, and BDT did not exist on 31/01.)
  const Country country(kPlan, kPlanTask + Exception(1, "plan", "UBDT", "extension", "2025-06-30",
                                                     "15/UBDT-KHTC", "2025-01-20"));
  BOOST_TEST(Lines(country.At("2025-02-28"), "plan") ==
                 (std::vector<std::string>{
                     "plan UBDT: on_track due 2025-06-30 from 2025-01-31 by 15/UBDT-KHTC"}),
             boost::test_tools::per_element());
  const Report may = country.At("2025-05-01");
  BOOST_TEST(Lines(may, "plan") ==
                 (std::vector<std::string>{
                     "plan BDT: on_track due 2025-06-30 from 2025-01-31 by 15/UBDT-KHTC <- UBDT"}),
             boost::test_tools::per_element());
  const Finding* finding = Find(may, "plan", "BDT");
  BOOST_TEST_REQUIRE(finding != nullptr);
  BOOST_TEST(finding->reason.find("due date extended from 2025-01-31 to 2025-06-30 by "
                                  "15/UBDT-KHTC of 2025-01-20 (Ban Chỉ đạo)") != std::string::npos,
             finding->reason);
  BOOST_TEST(finding->reason.find("inherited from Ủy ban Dân tộc") != std::string::npos,
             finding->reason);
  // Overdue from the extended date, not from the rule's.
  const Report july = country.At("2025-07-10");
  BOOST_TEST(Lines(july, "plan") ==
                 (std::vector<std::string>{
                     "plan BDT: overdue due 2025-06-30 from 2025-01-31 by 15/UBDT-KHTC <- UBDT"}),
             boost::test_tools::per_element());
  BOOST_TEST(Find(july, "plan", "BDT")->days_overdue == 10);
}

BOOST_AUTO_TEST_CASE(a_waived_duty_does_not_pass_on) {
  const Country waived(
      kPlan, kPlanTask + Exception(1, "plan", "UBDT", "waiver", "", "9/BCĐ", "2025-01-10"));
  BOOST_TEST(Lines(waived.At("2025-02-28"), "plan") ==
                 (std::vector<std::string>{"plan UBDT: waived due 2025-01-31 by 9/BCĐ"}),
             boost::test_tools::per_element());
  BOOST_TEST(Lines(waived.At("2026-12-01"), "plan").empty());
  // Without the waiver BDT owes it, overdue.
  const Country owed(kPlan, kPlanTask);
  BOOST_TEST(Lines(owed.At("2026-12-01"), "plan") ==
                 (std::vector<std::string>{"plan BDT: overdue due 2025-01-31 <- UBDT"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_successor_s_own_duty_keeps_its_own_date) {
  // A-TINH had its report extended to 2025-12-31; C-TINH owes the same duty
  // itself and got no extension: its own due date stays, A-TINH's unmet
  // duty is added to it.
  const Country country(kReport, kReportTasks + Exception(1, "report", "A-TINH", "extension",
                                                          "2025-12-31", "7/BCĐ", "2024-06-20"));
  BOOST_TEST(
      Lines(country.At("2025-06-01"), "report") ==
          (std::vector<std::string>{
              "report A-TINH: on_track due 2025-12-31 from 2024-06-30 by 7/BCĐ",
              "report B-TINH: overdue due 2024-06-30", "report C-TINH: overdue due 2024-06-30"}),
      boost::test_tools::per_element());
  BOOST_TEST(
      Lines(country.At("2025-08-01"), "report") ==
          (std::vector<std::string>{"report C-TINH: overdue due 2024-06-30 <- B-TINH <- A-TINH"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_successor_s_own_grant_wins_over_an_inherited_extension) {
  const Country country(
      kPlan,
      kPlanTask +
          Exception(1, "plan", "UBDT", "extension", "2025-06-30", "15/UBDT-KHTC", "2025-01-20") +
          Exception(2, "plan", "BDT", "extension", "2025-09-30", "40/BDT-VP", "2025-04-01"));
  BOOST_TEST(Lines(country.At("2025-03-15"), "plan") ==
                 (std::vector<std::string>{
                     "plan BDT: on_track due 2025-06-30 from 2025-01-31 by 15/UBDT-KHTC <- UBDT"}),
             boost::test_tools::per_element());
  BOOST_TEST(Lines(country.At("2025-07-10"), "plan") ==
                 (std::vector<std::string>{
                     "plan BDT: on_track due 2025-09-30 from 2025-06-30 by 40/BDT-VP <- UBDT"}),
             boost::test_tools::per_element());
  // BDT's waiver exempts it from the inherited duty.
  const Country waived(
      kPlan,
      kPlanTask +
          Exception(1, "plan", "UBDT", "extension", "2025-06-30", "15/UBDT-KHTC", "2025-01-20") +
          Exception(2, "plan", "BDT", "waiver", "", "41/BDT-VP", "2025-04-01"));
  BOOST_TEST(Lines(waived.At("2025-07-10"), "plan") ==
                 (std::vector<std::string>{"plan BDT: waived due 2025-06-30 by 41/BDT-VP <- UBDT"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

// The workbook's lists past Excel's rows per sheet: written with a small
// sheet (max_sheet_rows) and read back with the import's XLSX reader, every
// row is there, in order, under the same headings on numbered sheets.
#include "report/xlsx_sheets.hpp"

#include "base/file_text.hpp"
#include "base/messages.hpp"
#include "import/xlsx_reader.hpp"
#include "report/summary.hpp"
#include "report/xlsx_labels.hpp"
#include "report/xlsx_writer.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace dxcomply {
namespace {

const Date kAsOf(2022, 11, 1);

Finding Make(int number, Status status) {
  Finding f;
  ObligationText text;
  text.id = "plan";
  text.title = "Ban hành kế hoạch";
  text.check_kind = "task";
  f.obligation = std::make_shared<const ObligationText>(std::move(text));
  const std::string id = "A" + std::to_string(number);
  f.agency = std::make_shared<const Agency>(
      Agency{id, "Cơ quan số " + std::to_string(number), "province"});
  f.status = status;
  f.as_of = kAsOf;
  f.due = Date(2022, 9, 30);
  f.days_overdue = status == Status::kOverdue ? 32 : 0;
  f.days_left = status == Status::kAtRisk ? 5 : 0;
  f.reason = "chưa hoàn thành";
  return f;
}

Report MakeReport(int overdue, int at_risk, int issues) {
  Report report;
  report.as_of = kAsOf;
  for (int i = 1; i <= overdue + at_risk; ++i) {
    report.findings.push_back(Make(i, i <= overdue ? Status::kOverdue : Status::kAtRisk));
    report.agencies.push_back(*report.findings.back().agency);
  }
  for (int i = 1; i <= issues; ++i) {
    report.data_issues.push_back(
        {"task", std::to_string(i), "progress", "1,5", "not a number", "A1"});
  }
  return report;
}

struct Workbook {
  std::vector<Sheet> sheets;

  const Sheet* Find(const std::string& name) const {
    for (const Sheet& sheet : sheets) {
      if (sheet.name == name) return &sheet;
    }
    return nullptr;
  }
};

Workbook WriteAndRead(const Report& report, int max_sheet_rows) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "dxcomply-xlsx-sheets-test.xlsx";
  const std::string error =
      WriteWorkbook(report, Summarize(report), path.string(), true, max_sheet_rows);
  BOOST_TEST_REQUIRE(error == "");
  const FileText file = ReadFileText(path.string());
  std::filesystem::remove(path);
  BOOST_TEST_REQUIRE(file.ok());
  std::string read_error;
  auto sheets = ReadXlsx(file.text, path.string(), &read_error);
  BOOST_TEST_REQUIRE(sheets.has_value(), read_error);
  return {std::move(*sheets)};
}

std::vector<std::string> Names(const Workbook& book) {
  std::vector<std::string> names;
  for (const Sheet& sheet : book.sheets) names.push_back(sheet.name);
  return names;
}

// The first cell of each row below the headings of a list's sheets.
std::vector<std::string> FirstCells(const Workbook& book, const std::vector<std::string>& sheets) {
  std::vector<std::string> cells;
  for (const std::string& name : sheets) {
    const Sheet* sheet = book.Find(name);
    BOOST_TEST_REQUIRE(sheet != nullptr, "no sheet " << name);
    BOOST_TEST_REQUIRE(sheet->rows.size() >= 2u, name << " lacks its headings");
    // Row 1: the hidden codes; row 2: the headings, the same on every sheet.
    BOOST_TEST(sheet->rows[0].cells.at(0).text == "agency_name");
    BOOST_TEST(sheet->rows[1].number == 2);
    for (std::size_t i = 2; i < sheet->rows.size(); ++i) {
      cells.push_back(sheet->rows[i].cells.at(0).text);
    }
  }
  return cells;
}

BOOST_AUTO_TEST_SUITE(xlsx_sheets)

BOOST_AUTO_TEST_CASE(a_list_longer_than_a_sheet_goes_on_in_numbered_sheets) {
  // Four rows a sheet: the codes, the headings and two findings.
  const Workbook book = WriteAndRead(MakeReport(5, 2, 3), 4);
  const std::string overdue = Tr(kOverdueSheet);
  const std::string at_risk = Tr(kAtRiskSheet);
  const std::string data = Tr(kDataSheet);
  BOOST_TEST(
      Names(book) == (std::vector<std::string>{Tr(kSummarySheet), overdue, overdue + " (2)",
                                               overdue + " (3)", at_risk, data, data + " (2)"}),
      boost::test_tools::per_element());
  BOOST_TEST(FirstCells(book, {overdue, overdue + " (2)", overdue + " (3)"}) ==
                 (std::vector<std::string>{"Cơ quan số 1", "Cơ quan số 2", "Cơ quan số 3",
                                           "Cơ quan số 4", "Cơ quan số 5"}),
             boost::test_tools::per_element());
  BOOST_TEST(
      FirstCells(book, {at_risk}) == (std::vector<std::string>{"Cơ quan số 6", "Cơ quan số 7"}),
      boost::test_tools::per_element());
  BOOST_TEST(FirstCells(book, {data, data + " (2)"}).size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_list_that_fits_and_an_empty_one_have_one_sheet_each) {
  const Workbook book = WriteAndRead(MakeReport(2, 0, 0), 4);
  BOOST_TEST(Names(book) == (std::vector<std::string>{Tr(kSummarySheet), Tr(kOverdueSheet),
                                                      Tr(kAtRiskSheet), Tr(kDataSheet)}),
             boost::test_tools::per_element());
  BOOST_TEST(FirstCells(book, {Tr(kAtRiskSheet)}).empty());
  BOOST_TEST(ListSheetCount(0, kMaxSheetRows) == 1u);
  BOOST_TEST(ListSheetCount(kMaxSheetRows - 2, kMaxSheetRows) == 1u);
  BOOST_TEST(ListSheetCount(kMaxSheetRows - 1, kMaxSheetRows) == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

#include "cli/output_set.hpp"

#include "cli/output_files.hpp"
#include "report/dashboard_writer.hpp"
#include "report/ics_writer.hpp"
#include "report/reporter.hpp"
#include "report/xlsx_writer.hpp"

#include <sstream>

namespace dxcomply {

std::vector<std::string> WriteOutputSet(const Report& report, const Summary& summary,
                                        const std::string& folder,
                                        const OutputSelection& selection) {
  EnsureFolder(folder);
  std::vector<std::string> written;
  const auto write = [&](const std::string& name, const std::string& content) {
    WriteFileAtomically(folder + "/" + name, content);
    written.push_back(name);
  };
  const ReportView everything{report, summary, "", true};
  if (selection.json) {
    std::ostringstream out;
    MakeJsonReporter()->WriteReport(everything, out);
    write("findings.json", out.str());
  }
  if (selection.csv) {
    std::ostringstream out;
    MakeCsvReporter()->WriteReport(everything, out);
    write("findings.csv", out.str());
  }
  if (selection.workbook) {
    PendingFile workbook(folder + "/workbook.xlsx");
    const std::string error = WriteWorkbook(report, summary, workbook.temp_path());
    if (!error.empty()) throw OutputError("cannot write the workbook: " + error);
    workbook.Commit();
    written.push_back("workbook.xlsx");
  }
  if (selection.dashboard) {
    std::ostringstream out;
    WriteDashboard(report, summary, out);
    write("dashboard.html", out.str());
  }
  if (selection.calendars) {
    EnsureFolder(folder + "/calendars");
    for (const Agency& agency : report.agencies) {
      write("calendars/" + FileNameOf(agency.id) + ".ics", AgencyCalendar(report, agency.id));
    }
  }
  return written;
}

}  // namespace dxcomply

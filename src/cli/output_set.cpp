#include "cli/output_set.hpp"

#include "cli/output_files.hpp"
#include "report/dashboard_writer.hpp"
#include "report/ics_writer.hpp"
#include "report/reporter.hpp"
#include "report/xlsx_writer.hpp"

#include <functional>
#include <ostream>

namespace dxcomply {

std::vector<std::string> WriteOutputSet(const Report& report, const Summary& summary,
                                        const std::string& folder,
                                        const OutputSelection& selection) {
  EnsureFolder(folder);
  std::vector<std::string> written;
  // Each file streams straight to its temporary name.
  const auto write = [&](const std::string& name,
                         const std::function<void(std::ostream&)>& content) {
    WriteFileAtomically(folder + "/" + name, content);
    written.push_back(name);
  };
  const ReportView everything{report, summary, "", true};
  if (selection.json) {
    write("findings.json",
          [&](std::ostream& out) { MakeJsonReporter()->WriteReport(everything, out); });
  }
  if (selection.csv) {
    write("findings.csv",
          [&](std::ostream& out) { MakeCsvReporter()->WriteReport(everything, out); });
  }
  if (selection.workbook) {
    PendingFile workbook(folder + "/workbook.xlsx");
    const std::string error = WriteWorkbook(report, summary, workbook.temp_path());
    if (!error.empty()) throw OutputError("cannot write the workbook: " + error);
    workbook.Commit();
    written.push_back("workbook.xlsx");
  }
  if (selection.dashboard) {
    write("dashboard.html", [&](std::ostream& out) { WriteDashboard(report, summary, out); });
    EnsureFolder(folder + "/dashboard/agencies");
    ForEachDashboardAgency(report, [&](const Agency& agency, const std::string& script) {
      write(DashboardAgencyPath(agency.id), [&](std::ostream& out) { out << script; });
    });
  }
  if (selection.calendars) {
    EnsureFolder(folder + "/calendars");
    ForEachAgencyCalendar(report, [&](const Agency& agency, const std::string& calendar) {
      write("calendars/" + FileNameOf(agency.id) + ".ics",
            [&](std::ostream& out) { out << calendar; });
    });
  }
  return written;
}

}  // namespace dxcomply

#include "cli/output_set.hpp"

#include "cli/output_files.hpp"
#include "nightly/gzip_stream.hpp"
#include "report/dashboard_parts.hpp"
#include "report/dashboard_writer.hpp"
#include "report/ics_writer.hpp"
#include "report/reporter.hpp"
#include "report/xlsx_writer.hpp"

#include <memory>
#include <ostream>

namespace dxcomply {
namespace {

// The calendars of `agencies` (indexes into report.agencies), one job.
OutputJob CalendarJob(const Report& report, const std::string& folder,
                      std::vector<std::size_t> agencies) {
  OutputJob job;
  job.what = "calendars";
  for (const std::size_t i : agencies) {
    job.files.push_back("calendars/" + FileNameOf(report.agencies[i].id) + ".ics");
  }
  auto wanted = std::make_shared<std::vector<bool>>(report.agencies.size(), false);
  for (const std::size_t i : agencies) (*wanted)[i] = true;
  job.write = [&report, folder, wanted] {
    ForEachAgencyCalendar(
        report,
        [&](const Agency& agency) {
          return (*wanted)[static_cast<std::size_t>(&agency - report.agencies.data())];
        },
        [&](const Agency& agency, const std::string& calendar) {
          WriteFileAtomically(folder + "/calendars/" + FileNameOf(agency.id) + ".ics",
                              [&](std::ostream& out) { out << calendar; });
        });
  };
  return job;
}

}  // namespace

void WriteGzipFileAtomically(const std::string& path,
                             const std::function<void(std::ostream&)>& write) {
  WriteFileAtomically(path, [&](std::ostream& file) {
    GzipStreamBuf gzip(file);
    std::ostream out(&gzip);
    write(out);
    // A failure inside the gzip stream shows on the file: the caller of
    // this function says which file could not be written.
    if (!gzip.Finish() || !out) file.setstate(std::ios::badbit);
  });
}

std::vector<OutputJob> OutputJobs(const Report& report, const Summary& summary,
                                  const std::string& folder, const OutputSelection& selection,
                                  const OutputStyle& style) {
  std::vector<OutputJob> jobs;
  const auto add = [&](const std::string& name,
                       std::function<void(std::ostream&)> content) {  // one file
    const bool gzip = style.compress;
    const std::string file = gzip ? name + ".gz" : name;
    jobs.push_back({file, {file}, [folder, file, gzip, content = std::move(content)] {
                      if (gzip) {
                        WriteGzipFileAtomically(folder + "/" + file, content);
                      } else {
                        WriteFileAtomically(folder + "/" + file, content);
                      }
                    }});
  };
  if (selection.json) {
    add("findings.json", [&report, &summary, header = style.run_header](std::ostream& out) {
      MakeJsonReporter()->WriteReport(ReportView{report, summary, "", true, false, header}, out);
    });
  }
  if (selection.csv) {
    add("findings.csv", [&report, &summary](std::ostream& out) {
      MakeCsvReporter()->WriteReport(ReportView{report, summary, "", true}, out);
    });
  }
  if (selection.workbook) {
    const bool constant_memory = style.workbook_constant_memory;
    jobs.push_back(
        {"workbook.xlsx", {"workbook.xlsx"}, [&report, &summary, folder, constant_memory] {
           PendingFile workbook(folder + "/workbook.xlsx");
           const std::string error =
               WriteWorkbook(report, summary, workbook.temp_path(), constant_memory);
           if (!error.empty()) throw OutputError("cannot write the workbook: " + error);
           workbook.Commit();
         }});
  }
  if (selection.dashboard) {
    // The files are listed before they are written (the nightly's manifest
    // needs them): the agencies are found once, for the list and the job.
    auto agencies = std::make_shared<const std::vector<DashboardAgency>>(DashboardAgencies(report));
    OutputJob job{"dashboard", {"dashboard.html"}, {}};
    for (const DashboardAgency& entry : *agencies) {
      job.files.push_back(DashboardAgencyPath(entry.agency.id));
    }
    job.write = [&report, &summary, folder, agencies] {
      WriteFileAtomically(folder + "/dashboard.html", [&](std::ostream& out) {
        WriteDashboard(report, summary, *agencies, out);
      });
      EnsureFolder(folder + "/dashboard");
      ForEachDashboardAgency(report, *agencies,
                             [&](const Agency& agency, const std::string& script) {
                               WriteFileAtomically(folder + "/" + DashboardAgencyPath(agency.id),
                                                   [&](std::ostream& out) { out << script; });
                             });
    };
    jobs.push_back(std::move(job));
  }
  if (selection.calendars) {
    std::vector<std::size_t> agencies;
    for (std::size_t i = 0; i < report.agencies.size(); ++i) {
      if (!style.calendar_wanted || style.calendar_wanted(report.agencies[i])) {
        agencies.push_back(i);
      }
    }
    // Two halves when there are many, for two threads.
    constexpr std::size_t kOneJob = 1000;
    if (agencies.size() <= kOneJob) {
      jobs.push_back(CalendarJob(report, folder, agencies));
    } else {
      const std::size_t half = agencies.size() / 2;
      jobs.push_back(CalendarJob(report, folder, {agencies.begin(), agencies.begin() + half}));
      jobs.push_back(CalendarJob(report, folder, {agencies.begin() + half, agencies.end()}));
    }
  }
  return jobs;
}

std::vector<std::string> WriteOutputSet(const Report& report, const Summary& summary,
                                        const std::string& folder, const OutputSelection& selection,
                                        const OutputStyle& style) {
  EnsureFolder(folder);
  if (selection.calendars) EnsureFolder(folder + "/calendars");
  std::vector<std::string> written;
  for (const OutputJob& job : OutputJobs(report, summary, folder, selection, style)) {
    job.write();
    written.insert(written.end(), job.files.begin(), job.files.end());
  }
  return written;
}

}  // namespace dxcomply

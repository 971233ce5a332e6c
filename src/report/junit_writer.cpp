#include "base/labels.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "engine/finding_text.hpp"
#include "report/check_gate.hpp"
#include "report/finding_format.hpp"
#include "base/utf8.hpp"

#include <map>
#include <vector>

namespace dxcomply {
namespace {

// Text as an XML 1.0 attribute value or, with `content`, character data
// (line breaks kept): markup escaped, characters XML cannot hold (controls,
// invalid UTF-8) replaced by U+FFFD.
std::string Xml(std::string_view text, bool content = false) {
  std::string escaped;
  escaped.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = Utf8SequenceLength(text, i);
    if (length == 0) {
      escaped += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (length > 1) {
      escaped.append(text.substr(i, length));
      i += length;
      continue;
    }
    const char c = text[i++];
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += content ? "\"" : "&quot;";
        break;
      case '\'':
        escaped += content ? "'" : "&apos;";
        break;
      case '\n':
        escaped += content ? "\n" : "&#10;";
        break;
      case '\t':
        escaped += content ? "\t" : "&#9;";
        break;
      case '\r':
        escaped += "&#13;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          escaped += "\xEF\xBF\xBD";
        } else {
          escaped += c;
        }
    }
  }
  return escaped;
}

std::string CaseName(const Finding& finding) {
  return finding.obligation->id + (finding.period.empty() ? "" : " [" + finding.period + "]");
}

// What a person reading the CI log needs: the duty, its status and why,
// the due date and the legal source.
std::string Details(const Finding& finding) {
  const auto line = [](const char* label, const std::string& value) {
    return Format(Tr("{0}: {1}"), {label, value}) + "\n";
  };
  std::string text = finding.obligation->title + "\n";
  text += line(Tr("status"), StatusWithDaysText(finding));
  text += line(Tr("reason"), finding.reason);
  text += line(TrC("explain", "due"), ShownDueText(finding));
  if (finding.original_due) text += line(Tr("original due"), ShownDate(*finding.original_due));
  if (!finding.blocked_by.empty()) {
    text += line(Tr("blocked by"), DescribeBlockers(finding.blocked_by));
  }
  text += line(Tr("source"), finding.obligation->source.document);
  if (!finding.obligation->source.assumed.empty()) {
    text += line(Tr("assumed"), finding.obligation->source.assumed);
  }
  return text;
}

bool Skipped(const Finding& finding) {
  return finding.status == Status::kWaiting || finding.status == Status::kWaived ||
         finding.status == Status::kNotApplicable;
}

struct Suite {
  std::string name;
  std::vector<const Finding*> findings;
  int failures = 0;
  int skipped = 0;
};

void WriteCase(const Finding& finding, const CheckGate& gate, std::ostream& out) {
  out << "    <testcase classname=\""
      << Xml(finding.obligation->theme.empty() ? "dxcomply" : finding.obligation->theme)
      << "\" name=\"" << Xml(CaseName(finding)) << "\" time=\"0\">\n";
  const std::string status = StatusName(finding.status);
  const std::string message = Format(Tr("{0}: {1}"), {StatusLabel(finding.status), finding.reason});
  if (FailsCheck(finding, gate.fail_on_risk)) {
    out << "      <failure type=\"" << status << "\" message=\"" << Xml(message) << "\">"
        << Xml(Details(finding), true) << "</failure>\n";
  } else {
    if (Skipped(finding)) out << "      <skipped message=\"" << Xml(message) << "\"/>\n";
    out << "      <system-out>" << Xml(Details(finding), true) << "</system-out>\n";
  }
  out << "    </testcase>\n";
}

}  // namespace

bool FailsCheck(const Finding& finding, bool fail_on_risk) {
  return finding.status == Status::kOverdue || (fail_on_risk && finding.status == Status::kAtRisk);
}

void WriteJunit(const CheckGate& gate, std::ostream& out) {
  const Report& report = gate.report;
  std::vector<Suite> suites;
  std::map<std::string, std::size_t> suite_of_theme;
  int failures = 0;
  int skipped = 0;
  for (const Finding& finding : report.findings) {
    const std::string& theme = finding.obligation->theme;
    auto [at, added] = suite_of_theme.emplace(theme, suites.size());
    if (added) suites.push_back({theme.empty() ? "dxcomply" : theme, {}, 0, 0});
    Suite& suite = suites[at->second];
    suite.findings.push_back(&finding);
    if (FailsCheck(finding, gate.fail_on_risk)) {
      ++suite.failures;
      ++failures;
    } else if (Skipped(finding)) {
      ++suite.skipped;
      ++skipped;
    }
  }
  std::string agency_name = gate.agency_id;
  for (const Agency& agency : report.agencies) {
    if (agency.id == gate.agency_id) agency_name = agency.name;
  }
  const std::string as_of = FormatIsoDate(report.as_of);

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\""
      << Xml(Format(Tr("dxcomply check {0} as of {1}"), {gate.agency_id, as_of})) << "\" tests=\""
      << report.findings.size() << "\" failures=\"" << failures << "\" errors=\"0\" skipped=\""
      << skipped << "\" time=\"0\">\n";
  for (const Suite& suite : suites) {
    out << "  <testsuite name=\"" << Xml(suite.name) << "\" tests=\"" << suite.findings.size()
        << "\" failures=\"" << suite.failures << "\" errors=\"0\" skipped=\"" << suite.skipped
        << "\" time=\"0\" timestamp=\"" << as_of << "T00:00:00\">\n";
    out << "    <properties>\n"
        << "      <property name=\"agency\" value=\"" << Xml(gate.agency_id) << "\"/>\n"
        << "      <property name=\"agency_name\" value=\"" << Xml(agency_name) << "\"/>\n"
        << "      <property name=\"as_of\" value=\"" << as_of << "\"/>\n"
        << "      <property name=\"fail_on_risk\" value=\""
        << (gate.fail_on_risk ? "true" : "false") << "\"/>\n"
        << "    </properties>\n";
    for (const Finding* finding : suite.findings) WriteCase(*finding, gate, out);
    out << "  </testsuite>\n";
  }
  if (!report.data_issues.empty()) {
    // Not failures (check's exit code ignores them), but in the CI log.
    out << "  <testsuite name=\"" << Xml(Tr("data quality"))
        << "\" tests=\"0\" failures=\"0\" errors=\"0\" "
           "skipped=\"0\" time=\"0\">\n    <system-out>";
    for (const DataIssue& issue : report.data_issues) {
      out << Xml(Format(Tr("{0} row {1}, {2} '{3}': {4}"),
                        {issue.table, issue.row_id, issue.column, issue.value, issue.problem}) +
                     "\n",
                 true);
    }
    out << "</system-out>\n  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace dxcomply

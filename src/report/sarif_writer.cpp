#include "base/labels.hpp"
#include "base/messages.hpp"
#include "base/percent_encoding.hpp"
#include "base/phrase.hpp"
#include "engine/finding_text.hpp"
#include "eval/exception_grants.hpp"
#include "report/check_gate.hpp"
#include "report/finding_format.hpp"
#include "rules/rule_vocabulary.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>

namespace dxcomply {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr const char* kDataQualityRule = "data-quality";
constexpr const char* kRulesBase = "RULES";

// A path as a URI reference: each segment percent-encoded, '/' kept.
std::string UriOf(const std::string& path) {
  std::string uri;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    uri += PercentEncoded(std::string_view(path).substr(start, slash - start), true);
    if (slash < path.size()) uri += '/';
    start = slash + 1;
  }
  return uri;
}

// The rules file of a location, relative to the rules folder when inside it.
std::string RelativeToRules(const std::string& file, const std::string& rules_folder) {
  namespace fs = std::filesystem;
  const fs::path relative = fs::path(file).lexically_relative(rules_folder);
  if (relative.empty() || *relative.begin() == "..") return file;
  return relative.generic_string();
}

// kind and level of a result (SARIF 3.27.9, 3.27.10): only a failure has a
// level other than "none".
std::pair<const char*, const char*> KindAndLevel(const Finding& finding, bool fail_on_risk) {
  if (FailsCheck(finding, fail_on_risk)) return {"fail", "error"};
  switch (finding.status) {
    case Status::kAtRisk:
      return {"fail", "warning"};
    case Status::kOnTrack:
    case Status::kWaiting:
      return {"open", "none"};
    case Status::kMet:
    case Status::kMetLate:
      return {"pass", "none"};
    case Status::kWaived:
      return {"informational", "none"};
    case Status::kNotApplicable:
    case Status::kOverdue:
      break;
  }
  return {"notApplicable", "none"};
}

Json RuleOf(const Obligation& obligation) {
  std::string help = obligation.source.document + "\n" + obligation.source.passage;
  if (!obligation.source.assumed.empty()) {
    help += "\n" + Format(Tr("{0}: {1}"), {Tr("assumed"), obligation.source.assumed});
  }
  Json rule = {{"id", obligation.id},
               {"shortDescription", {{"text", obligation.title}}},
               {"fullDescription", {{"text", obligation.title}}},
               {"help", {{"text", help}}},
               {"defaultConfiguration", {{"level", "error"}}},
               {"properties",
                {{"theme", obligation.theme},
                 {"check", CheckKindName(obligation.check.kind)},
                 {"assumed", !obligation.source.assumed.empty()}}}};
  if (!obligation.title_en.empty()) rule["name"] = obligation.title_en;
  return rule;
}

std::string Optional(const std::optional<Date>& date) { return date ? FormatIsoDate(*date) : ""; }

}  // namespace

void WriteSarif(const CheckGate& gate, std::ostream& out) {
  const Report& report = gate.report;
  // The obligations with a finding, in the rules' order, and their index.
  std::map<std::string, int> rule_index;
  Json rules = Json::array();
  for (const Obligation& obligation : gate.rules.obligations) {
    const bool used =
        std::any_of(report.findings.begin(), report.findings.end(),
                    [&](const Finding& f) { return f.obligation->id == obligation.id; });
    if (!used) continue;
    rule_index[obligation.id] = static_cast<int>(rules.size());
    rules.push_back(RuleOf(obligation));
  }
  if (!report.data_issues.empty()) {
    rule_index[kDataQualityRule] = static_cast<int>(rules.size());
    rules.push_back({{"id", kDataQualityRule},
                     {"shortDescription",
                      {{"text", Tr("A record value breaks the data contract and reads as "
                                   "unknown")}}},
                     {"defaultConfiguration", {{"level", "warning"}}}});
  }

  Json results = Json::array();
  for (const Finding& finding : report.findings) {
    const Obligation* obligation = gate.rules.FindObligation(finding.obligation->id);
    const auto [kind, level] = KindAndLevel(finding, gate.fail_on_risk);
    const std::string instance = finding.agency->id + "/" + finding.obligation->id +
                                 (finding.period.empty() ? "" : "/" + finding.period);
    Json location = {
        {"logicalLocations",
         {{{"name", finding.agency->id}, {"fullyQualifiedName", instance}, {"kind", "object"}}}}};
    if (obligation != nullptr && !obligation->location.file.empty()) {
      Json physical = {
          {"artifactLocation",
           {{"uri", UriOf(RelativeToRules(obligation->location.file, gate.rules_folder))},
            {"uriBaseId", kRulesBase}}}};
      if (obligation->location.line > 0) {
        physical["region"] = {{"startLine", obligation->location.line}};
      }
      location["physicalLocation"] = physical;
    }
    std::string message = finding.agency->name + " (" + finding.agency->id + ")";
    if (!finding.period.empty()) message += Format(Tr(", period {0}"), {finding.period});
    message += ": " + StatusWithDaysText(finding) + ": " + finding.reason;
    Json result = {{"ruleId", finding.obligation->id},
                   {"ruleIndex", rule_index.at(finding.obligation->id)},
                   {"kind", kind},
                   {"level", level},
                   {"message", {{"text", message}}},
                   {"locations", {location}},
                   {"partialFingerprints", {{"dxcomplyInstance/v1", instance}}},
                   {"properties",
                    {{"status", StatusName(finding.status)},
                     {"status_label", StatusLabel(finding.status)},
                     {"agency_id", finding.agency->id},
                     {"agency_name", finding.agency->name},
                     {"period", finding.period},
                     {"due", Optional(finding.due)},
                     {"days_overdue", finding.days_overdue},
                     {"days_left", finding.days_left},
                     {"day_unit", DayUnitName(finding.day_unit)},
                     {"blocked_by", DescribeBlockers(finding.blocked_by)}}}};
    if (finding.original_due) {
      result["properties"]["original_due"] = FormatIsoDate(*finding.original_due);
    }
    if (finding.exception) {
      const GrantedException& grant = *finding.exception;
      result["properties"]["exception"] = {{"kind", ExceptionKindName(grant.kind)},
                                           {"document_number", grant.document_number},
                                           {"document_date", FormatIsoDate(grant.document_date)},
                                           {"granted_by", grant.granted_by},
                                           {"reason", grant.reason}};
      // A waived duty is not a finding to act on: SARIF's external
      // suppression (3.35), justified by the document.
      if (grant.kind == ExceptionKind::kWaiver) {
        result["suppressions"] = {
            {{"kind", "external"}, {"status", "accepted"}, {"justification", WaiverReason(grant)}}};
      }
    }
    results.push_back(std::move(result));
  }
  for (const DataIssue& issue : report.data_issues) {
    results.push_back(
        {{"ruleId", kDataQualityRule},
         {"ruleIndex", rule_index.at(kDataQualityRule)},
         {"kind", "fail"},
         {"level", "warning"},
         {"message",
          {{"text",
            Format(Tr("{0} row {1}, {2} '{3}': {4}"),
                   {issue.table, issue.row_id, issue.column, issue.value, issue.problem})}}},
         {"locations",
          {{{"logicalLocations",
             {{{"name", issue.row_id},
               {"fullyQualifiedName", issue.table + "/" + issue.row_id + "/" + issue.column},
               {"kind", "object"}}}}}}},
         {"partialFingerprints",
          {{"dxcomplyDataIssue/v1", issue.table + "/" + issue.row_id + "/" + issue.column}}}});
  }

  namespace fs = std::filesystem;
  std::error_code error;
  std::string rules_uri =
      "file://" + UriOf(fs::absolute(gate.rules_folder, error).lexically_normal().generic_string());
  if (rules_uri.back() != '/') rules_uri += '/';
  const Json log = {{"$schema", kSchema},
                    {"version", "2.1.0"},
                    {"runs",
                     {{{"tool",
                        {{"driver",
                          {{"name", "dxcomply"},
                           {"version", gate.tool_version},
                           {"semanticVersion", gate.tool_version},
                           {"rules", rules}}}}},
                       {"originalUriBaseIds", {{kRulesBase, {{"uri", rules_uri}}}}},
                       {"invocations",
                        {{{"executionSuccessful", true},
                          {"properties",
                           {{"agency", gate.agency_id},
                            {"as_of", FormatIsoDate(report.as_of)},
                            {"fail_on_risk", gate.fail_on_risk}}}}}},
                       {"results", results}}}}};
  out << log.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace dxcomply

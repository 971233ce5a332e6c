// The JSON format (documented in README "Output formats"). Findings are
// written one object at a time so that large reports stream instead of
// building one document in memory. Invalid UTF-8 from records is replaced,
// never fatal.
#include "report/finding_format.hpp"
#include "report/reporter.hpp"

#include <nlohmann/json.hpp>

namespace dxcomply {
namespace {

// Keys in the order the README documents them, not alphabetical.
using json = nlohmann::ordered_json;

constexpr int kFormatVersion = 1;

std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json MeasureJson(const Measure& measure) {
  json object = {{"known", measure.known}, {"value", measure.value}};
  object["numerator"] = measure.numerator;
  object["denominator"] = measure.denominator;
  return object;
}

json RefJson(const InstanceRef& ref) {
  json object = {{"obligation_id", ref.obligation_id}, {"agency_id", ref.agency_id},
                 {"agency_name", ref.agency_name},     {"period", ref.period},
                 {"status", StatusName(ref.status)},   {"days", ref.days}};
  if (!ref.task_id.empty()) {
    object["task_id"] = ref.task_id;
    object["title"] = ref.title;
  }
  return object;
}

json StatusCountsJson(const StatusCounts& counts) {
  json object = json::object();
  for (int i = 0; i < kStatusCount; ++i) object[StatusName(static_cast<Status>(i))] = counts[i];
  return object;
}

json FindingJson(const Finding& f) {
  json blocked = json::array();
  for (const BlockerChain& chain : f.blocked_by) {
    json links = json::array();
    for (const InstanceRef& ref : chain.chain) links.push_back(RefJson(ref));
    blocked.push_back({{"chain", links}, {"via_tasks", chain.via_tasks}});
  }
  json object = {
      {"obligation_id", f.obligation_id},
      {"obligation_title", f.obligation_title},
      {"theme", f.theme},
      {"check", f.check_kind},
      {"agency", {{"id", f.agency.id}, {"name", f.agency.name}, {"kind", f.agency.kind}}},
      {"period", f.period},
      {"status", StatusName(f.status)},
      {"reason", f.reason},
      {"as_of", FormatIsoDate(f.as_of)},
      {"lookback_date", FormatIsoDate(f.lookback_date)},
      {"due", f.due ? json(FormatIsoDate(*f.due)) : json(nullptr)},
      {"days_overdue", f.days_overdue},
      {"days_left", f.days_left},
      {"day_unit", f.day_unit},
      {"measure",
       {{"as_of", MeasureJson(f.at_as_of)},
        {"lookback", MeasureJson(f.at_lookback)},
        {"due", MeasureJson(f.at_due)}}},
      {"target", f.target},
      {"projection", f.projection ? json(*f.projection) : json(nullptr)},
      {"blocked_by", blocked},
      {"latest_finish", f.latest_finish ? json(FormatIsoDate(*f.latest_finish)) : json(nullptr)},
      {"slack_days", f.slack_days ? json(*f.slack_days) : json(nullptr)},
      {"holds_back",
       {{"direct_instances", f.holds_back_direct},
        {"direct_agencies", f.holds_back_agencies_direct},
        {"instances", f.holds_back},
        {"agencies", f.holds_back_agencies}}},
      {"data_issues", f.data_issues},
      {"source",
       {{"document", f.source.document},
        {"passage", f.source.passage},
        {"assumed", f.source.assumed}}}};
  return object;
}

json DataIssueJson(const DataIssue& issue) {
  return {{"table", issue.table}, {"row_id", issue.row_id},   {"column", issue.column},
          {"value", issue.value}, {"problem", issue.problem}, {"agency_id", issue.agency_id}};
}

class JsonReporter : public Reporter {
 public:
  void WriteReport(const ReportView& view, std::ostream& out) override {
    out << "{\"format\":\"dxcomply-findings\",\"version\":" << kFormatVersion
        << ",\"as_of\":" << Dump(FormatIsoDate(view.report.as_of))
        << ",\"agency\":" << (view.agency_id.empty() ? "null" : Dump(view.agency_id))
        << ",\"findings\":[";
    bool first = true;
    for (const Finding* finding : ListedFindings(view)) {
      out << (first ? "\n" : ",\n") << Dump(FindingJson(*finding));
      first = false;
    }
    out << "\n],\"data_issues\":[";
    first = true;
    for (const DataIssue& issue : view.report.data_issues) {
      out << (first ? "\n" : ",\n") << Dump(DataIssueJson(issue));
      first = false;
    }
    out << "\n],\"summary\":" << Dump(SummaryJson(view.summary)) << "}\n";
  }

  void WriteExplanation(const Explanation& explanation, std::ostream& out) override {
    json upstream = json::array();
    for (const InstanceRef& ref : explanation.upstream) upstream.push_back(RefJson(ref));
    json records = json::array();
    for (const CounterRecord& record : explanation.records) {
      records.push_back({{"table", record.table},
                         {"id", record.id},
                         {"label", record.label},
                         {"details", record.details}});
    }
    const json document = {{"format", "dxcomply-explanation"},
                           {"version", kFormatVersion},
                           {"finding", FindingJson(explanation.finding)},
                           {"upstream", upstream},
                           {"records", records},
                           {"record_limit", explanation.record_limit}};
    out << document.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
  }

 private:
  static json SummaryJson(const Summary& summary) {
    json obligations = json::array();
    for (const ObligationSummary& o : summary.obligations) {
      obligations.push_back({{"obligation_id", o.obligation_id},
                             {"title", o.title},
                             {"check", o.check_kind},
                             {"statuses", StatusCountsJson(o.statuses)},
                             {"numerator", o.numerator},
                             {"denominator", o.denominator}});
    }
    json kinds = json::object();
    for (const auto& [kind, counts] : summary.kinds) kinds[kind] = StatusCountsJson(counts);
    return {{"statuses", StatusCountsJson(summary.statuses)},
            {"obligations", obligations},
            {"agency_kinds", kinds},
            {"agencies", summary.agencies},
            {"data_issues", summary.data_issues}};
  }
};

}  // namespace

std::unique_ptr<Reporter> MakeJsonReporter() { return std::make_unique<JsonReporter>(); }

}  // namespace dxcomply

#include "report/finding_rows.hpp"

#include "base/labels.hpp"
#include "base/messages.hpp"
#include "engine/finding_text.hpp"
#include "report/finding_format.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <string_view>

namespace dxcomply {
namespace {

// The *_label columns: what people read for the code before them, in the
// run's language (base/labels.hpp); programs read the codes.
const std::vector<std::string> kColumns = {"type",
                                           "status",
                                           "status_label",
                                           "priority",
                                           "heading_tier",
                                           "days_overdue",
                                           "days_left",
                                           "day_unit",
                                           "agency_id",
                                           "agency_name",
                                           "agency_kind",
                                           "agency_kind_label",
                                           "obligation_id",
                                           "obligation_title",
                                           "period",
                                           "check",
                                           "due",
                                           "original_due",
                                           "as_of",
                                           "value",
                                           "numerator",
                                           "denominator",
                                           "value_lookback",
                                           "value_due",
                                           "target",
                                           "projection",
                                           "reason",
                                           "grounds",
                                           "blocked_by",
                                           "latest_finish",
                                           "slack_days",
                                           "latest_start",
                                           "spare_days",
                                           "holds_back",
                                           "holds_back_agencies",
                                           "data_issues",
                                           "source_document",
                                           "source_assumed",
                                           "due_assumed",
                                           "inherited_from",
                                           "exception_kind",
                                           "exception_kind_label",
                                           "exception_document_number",
                                           "exception_document_date",
                                           "exception_granted_by",
                                           "exception_reason",
                                           "exception_expires_on",
                                           "issue_table",
                                           "issue_row_id",
                                           "issue_column",
                                           "issue_value",
                                           "issue_problem"};

// The header people read for each column (ColumnLabel); a code column
// beside its label column says it holds the code.
const std::map<std::string_view, const char*> kColumnLabels = {
    {"type", TrNoop("row type")},
    {"status", TrNoop("status (code)")},
    {"status_label", TrNoop("status")},
    {"priority", TrNoop("priority")},
    {"heading_tier", TrNoop("heading for tier")},
    {"days_overdue", TrNoop("days overdue")},
    {"days_left", TrNoop("days left")},
    {"day_unit", TrNoop("day unit")},
    {"agency_id", TrNoop("agency id")},
    {"agency_name", TrNoop("agency")},
    {"agency_kind", TrNoop("agency kind (code)")},
    {"agency_kind_label", TrNoop("agency kind")},
    {"obligation_id", TrNoop("obligation id")},
    {"obligation_title", TrNoop("obligation")},
    {"period", TrNoop("period")},
    {"check", TrNoop("check")},
    {"due", TrNoop("due")},
    {"original_due", TrNoop("original due date")},
    {"as_of", TrNoop("as of")},
    {"value", TrNoop("value")},
    {"numerator", TrNoop("numerator")},
    {"denominator", TrNoop("denominator")},
    {"value_lookback", TrNoop("value at the lookback's start")},
    {"value_due", TrNoop("value at the due date")},
    {"target", TrNoop("target")},
    {"projection", TrNoop("projection")},
    {"reason", TrNoop("reason")},
    {"grounds", TrNoop("grounds")},
    {"blocked_by", TrNoop("blocked by")},
    {"latest_finish", TrNoop("latest finish")},
    {"slack_days", TrNoop("slack (days)")},
    {"latest_start", TrNoop("latest start")},
    {"spare_days", TrNoop("spare days")},
    {"holds_back", TrNoop("holds back (obligations)")},
    {"holds_back_agencies", TrNoop("holds back (agencies)")},
    {"data_issues", TrNoop("data-quality issues")},
    {"source_document", TrNoop("legal source")},
    {"source_assumed", TrNoop("assumed")},
    {"due_assumed", TrNoop("due date assumed")},
    {"inherited_from", TrNoop("inherited from")},
    {"exception_kind", TrNoop("exception kind (code)")},
    {"exception_kind_label", TrNoop("exception kind")},
    {"exception_document_number", TrNoop("exception: document number")},
    {"exception_document_date", TrNoop("exception: document date")},
    {"exception_granted_by", TrNoop("exception: granted by")},
    {"exception_reason", TrNoop("exception: reason")},
    {"exception_expires_on", TrNoop("exception: expires on")},
    {"issue_table", TrNoop("table")},
    {"issue_row_id", TrNoop("row")},
    {"issue_column", TrNoop("column")},
    {"issue_value", TrNoop("value as written")},
    {"issue_problem", TrNoop("problem")},
};

}  // namespace

std::string ColumnLabel(const std::string& column) {
  const auto found = kColumnLabels.find(column);
  return found == kColumnLabels.end() ? column : Tr(found->second);
}

Cell Cell::Text(std::string value) {
  Cell cell;
  cell.kind = value.empty() ? Kind::kEmpty : Kind::kText;
  cell.text = std::move(value);
  return cell;
}

Cell Cell::Number(double value) {
  Cell cell;
  cell.kind = Kind::kNumber;
  cell.number = value;
  char buffer[32];  // %.6g, without printf
  cell.text.assign(
      buffer,
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 6).ptr);
  return cell;
}

Cell Cell::Integer(long long value) {
  Cell cell;
  cell.kind = Kind::kNumber;
  cell.number = static_cast<double>(value);
  cell.text = std::to_string(value);
  return cell;
}

Cell Cell::Day(const Date& value) {
  Cell cell;
  cell.kind = Kind::kDate;
  cell.date = value;
  cell.text = FormatIsoDate(value);
  return cell;
}

Cell Cell::Day(const std::optional<Date>& value) { return value ? Day(*value) : Cell(); }

const std::vector<std::string>& FindingColumns() { return kColumns; }

std::vector<Cell> FindingRow(const Finding& f) {
  std::string blockers;
  for (const BlockerChain& chain : f.blocked_by) {
    blockers += (blockers.empty() ? "" : "; ") + DescribeRef(chain.chain.back());
  }
  const auto measured = [](const Measure& measure) {
    return measure.known ? Cell::Number(measure.value) : Cell();
  };
  std::string grounds;
  for (RiskGround ground : GroundsIn(f.grounds)) {
    grounds += (grounds.empty() ? "" : " ") + std::string(RiskGroundName(ground));
  }
  const bool ranked = f.priority_rank > 0;
  const GrantedException* grant = f.exception.get();
  return {Cell::Text("finding"),
          Cell::Text(StatusName(f.status)),
          Cell::Text(StatusLabel(f.status)),
          ranked ? Cell::Integer(f.priority_rank) : Cell(),
          ranked ? Cell::Integer(f.heading_tier) : Cell(),
          Cell::Integer(f.days_overdue),
          Cell::Integer(f.days_left),
          Cell::Text(DayUnitName(f.day_unit)),
          Cell::Text(f.agency->id),
          Cell::Text(f.agency->name),
          Cell::Text(f.agency->kind),
          Cell::Text(AgencyKindLabel(f.agency->kind)),
          Cell::Text(f.obligation->id),
          Cell::Text(f.obligation->title),
          Cell::Text(f.period),
          Cell::Text(f.obligation->check_kind),
          Cell::Day(f.due),
          Cell::Day(f.original_due),
          Cell::Day(f.as_of),
          measured(f.at_as_of),
          Cell::Integer(f.at_as_of.numerator),
          Cell::Integer(f.at_as_of.denominator),
          measured(f.at_lookback),
          measured(f.at_due),
          Cell::Number(f.target),
          f.projection ? Cell::Number(*f.projection) : Cell(),
          Cell::Text(f.reason),
          Cell::Text(grounds),
          Cell::Text(blockers),
          Cell::Day(f.latest_finish),
          f.slack_days ? Cell::Integer(*f.slack_days) : Cell(),
          Cell::Day(f.latest_start),
          f.spare_days ? Cell::Integer(*f.spare_days) : Cell(),
          Cell::Integer(f.holds_back),
          Cell::Integer(f.holds_back_agencies),
          Cell::Integer(f.data_issues),
          Cell::Text(f.obligation->source.document),
          Cell::Text(f.obligation->source.assumed),
          Cell::Text(f.due_assumed ? "yes" : ""),
          Cell::Text(OriginsText(f.inherited_from)),
          Cell::Text(grant ? ExceptionKindName(grant->kind) : ""),
          Cell::Text(grant ? ExceptionKindLabel(grant->kind) : ""),
          Cell::Text(grant ? grant->document_number : ""),
          grant ? Cell::Day(grant->document_date) : Cell(),
          Cell::Text(grant ? grant->granted_by : ""),
          Cell::Text(grant ? grant->reason : ""),
          grant ? Cell::Day(grant->expires_on) : Cell(),
          Cell(),
          Cell(),
          Cell(),
          Cell(),
          Cell()};
}

std::vector<Cell> DataIssueRow(const DataIssue& issue) {
  std::vector<Cell> row(kColumns.size());
  row[0] = Cell::Text("data_issue");
  static const std::size_t agency_column = static_cast<std::size_t>(
      std::find(kColumns.begin(), kColumns.end(), "agency_id") - kColumns.begin());
  row[agency_column] = Cell::Text(issue.agency_id);
  const std::size_t first = kColumns.size() - 5;  // the issue_* columns
  row[first] = Cell::Text(issue.table);
  row[first + 1] = Cell::Text(issue.row_id);
  row[first + 2] = Cell::Text(issue.column);
  row[first + 3] = Cell::Text(issue.value);
  row[first + 4] = Cell::Text(issue.problem);
  return row;
}

}  // namespace dxcomply

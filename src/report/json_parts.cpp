#include "report/json_parts.hpp"

namespace dxcomply {

void WriteSource(JsonStream& out, const LegalSource& source) {
  out.BeginObject();
  out.Key("document").String(source.document);
  out.Key("passage").String(source.passage);
  out.Key("assumed").String(source.assumed);
  if (!source.basis.empty()) {
    out.Key("basis").String(source.basis);
    out.Key("basis_date");
    if (source.basis_date) {
      out.String(FormatIsoDate(*source.basis_date));
    } else {
      out.Null();
    }
  }
  out.EndObject();
}

void WriteDataIssue(JsonStream& out, const DataIssue& issue) {
  out.BeginObject();
  out.Key("table").String(issue.table);
  out.Key("row_id").String(issue.row_id);
  out.Key("column").String(issue.column);
  out.Key("value").String(issue.value);
  out.Key("problem").String(issue.problem);
  out.Key("agency_id").String(issue.agency_id);
  out.EndObject();
}

std::string DumpJson(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace dxcomply

// JSON pieces the findings JSON and the dashboard both write, so that each
// has one shape.
#pragma once

#include "dxcomply/finding.hpp"

#include "report/json_stream.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace dxcomply {

// {"document", "passage", "assumed"}
void WriteSource(JsonStream& out, const LegalSource& source);

// {"table", "row_id", "column", "value", "problem", "agency_id"}
void WriteDataIssue(JsonStream& out, const DataIssue& issue);

// nlohmann's compact text, for JsonStream::Raw; invalid UTF-8 replaced.
std::string DumpJson(const nlohmann::ordered_json& value);

}  // namespace dxcomply

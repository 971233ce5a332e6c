// The words of the rule language: agency kinds, check kinds, operators,
// column types, and the names of the tables the engine itself reads.
#pragma once

#include "dxcomply/obligation.hpp"
#include "dxcomply/rule_set.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dxcomply {

extern const std::vector<std::string> kAgencyKinds;      // ministry, gov_agency, province
extern const std::vector<std::string> kCheckKindNames;   // coverage, count, task, indicator
extern const std::vector<std::string> kCompareOpNames;   // eq, ne, in, ...
extern const std::vector<std::string> kColumnTypeNames;  // text, integer, ...

// Tables with built-in meaning (see data/schema.sql).
inline constexpr const char* kAgencyTable = "agency";
inline constexpr const char* kTaskTable = "task";
inline constexpr const char* kTaskDependencyTable = "task_dependency";
inline constexpr const char* kMeasurementTable = "measurement";
inline constexpr const char* kExceptionTable = "exception";

std::optional<CheckKind> ParseCheckKind(const std::string& name);
const char* CheckKindName(CheckKind kind);
std::optional<CompareOp> ParseCompareOp(const std::string& name);
const char* CompareOpName(CompareOp op);
std::optional<ColumnType> ParseColumnType(const std::string& name);
const char* ColumnTypeName(ColumnType type);

}  // namespace dxcomply

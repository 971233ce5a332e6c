#include "rules/rule_vocabulary.hpp"

namespace dxcomply {
namespace {

template <typename Enum>
std::optional<Enum> Lookup(const std::vector<std::string>& names, const std::string& name) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace

// The order of each list follows its enum's declaration order.
const std::vector<std::string> kAgencyKinds = {"ministry", "gov_agency", "province"};
const std::vector<std::string> kCheckKindNames = {"coverage", "count", "task", "indicator"};
const std::vector<std::string> kCompareOpNames = {"eq", "ne", "in", "not_in",  "lt",
                                                  "le", "gt", "ge", "is_null", "not_null"};
const std::vector<std::string> kColumnTypeNames = {"text",    "integer",  "real",
                                                   "boolean", "fraction", "date"};

std::optional<CheckKind> ParseCheckKind(const std::string& name) {
  return Lookup<CheckKind>(kCheckKindNames, name);
}
const char* CheckKindName(CheckKind kind) {
  return kCheckKindNames[static_cast<std::size_t>(kind)].c_str();
}
std::optional<CompareOp> ParseCompareOp(const std::string& name) {
  return Lookup<CompareOp>(kCompareOpNames, name);
}
const char* CompareOpName(CompareOp op) {
  return kCompareOpNames[static_cast<std::size_t>(op)].c_str();
}
std::optional<ColumnType> ParseColumnType(const std::string& name) {
  return Lookup<ColumnType>(kColumnTypeNames, name);
}
const char* ColumnTypeName(ColumnType type) {
  return kColumnTypeNames[static_cast<std::size_t>(type)].c_str();
}

}  // namespace dxcomply

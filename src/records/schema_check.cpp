#include "records/schema_check.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "records/agency_timeline.hpp"
#include "records/dataset_info.hpp"
#include "records/exception_reader.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

#include <algorithm>

namespace dxcomply {
namespace {

// Tables whose columns the engine reads by name, whatever the rules say.
struct BuiltInTable {
  const char* name;
  std::vector<const char*> columns;
};
const BuiltInTable kBuiltInTables[] = {
    {kAgencyTable, {"id", "name", "kind"}},
    {kTaskTable, {"id", "agency_id"}},
    {kTaskDependencyTable, {"task_id", "depends_on"}},
};

// The engine reads `exception` when the database has it, so then every
// column it reads must be there. A database made before the table existed
// honours no exception: said when the rules declare the table, not refused.
void CheckExceptionTable(const RuleSet& rules, RecordStore& store, Diagnostics& diagnostics) {
  const SourceLocation database{store.path(), 0, 0};
  if (!store.HasTable(kExceptionTable)) {
    if (const TableSpec* declared = rules.FindTable(kExceptionTable)) {
      diagnostics.Warning(declared->location, "",
                          Format(Tr("{0}; no extension or waiver is honoured"),
                                 {Format(Tr("table '{0}' does not exist in {1}"),
                                         {kExceptionTable, store.path()})}));
    }
    return;
  }
  const TableSpec& table = ExceptionTableSpec();
  std::vector<std::string> names = {table.id_column, table.agency_column};
  for (const ColumnSpec& column : table.columns) names.push_back(column.name);
  for (const std::string& name : names) {
    if (!store.HasColumn(table.name, name)) {
      diagnostics.Error(
          database, "",
          Format(Tr("table '{0}' has no column '{1}', which the engine reads to honour extensions "
                    "and waivers"),
                 {table.name, name}));
    }
  }
}

// Optional tables (agencies over time, the dataset): when present, the
// engine reads these columns of them.
const BuiltInTable kOptionalTables[] = {
    {kAgencyVersionTable, {"agency_id", "valid_from", "name", "kind"}},
    {kAgencySuccessionTable, {"predecessor_id", "successor_id", "effective_on"}},
    {kDatasetTable, {"name", "sample"}},
};

}  // namespace

void CheckSchema(const RuleSet& rules, RecordStore& store, Diagnostics& diagnostics) {
  const SourceLocation database{store.path(), 0, 0};
  for (const BuiltInTable& table : kOptionalTables) {
    if (!store.HasTable(table.name)) continue;
    for (const char* column : table.columns) {
      if (!store.HasColumn(table.name, column)) {
        diagnostics.Error(database, "",
                          Format(Tr("table '{0}' has no column '{1}'"), {table.name, column}));
      }
    }
  }
  for (const BuiltInTable& table : kBuiltInTables) {
    if (!store.HasTable(table.name)) {
      diagnostics.Error(database, "", Format(Tr("missing table '{0}'"), {table.name}));
      continue;
    }
    for (const char* column : table.columns) {
      if (!store.HasColumn(table.name, column)) {
        diagnostics.Error(database, "",
                          Format(Tr("table '{0}' has no column '{1}'"), {table.name, column}));
      }
    }
  }
  for (const char* required : {kTaskTable, kMeasurementTable}) {
    if (rules.FindTable(required) == nullptr) {
      diagnostics.Error({rules.files.empty() ? "" : rules.files.front(), 0, 0}, "",
                        Format(Tr("tables.yaml must declare table '{0}'"), {required}));
    }
  }

  CheckExceptionTable(rules, store, diagnostics);
  for (const TableSpec& table : rules.tables) {
    if (table.name == kExceptionTable) continue;  // CheckExceptionTable
    // A declared table that nothing reads may be missing from a database
    // made before it was declared: said, but no reason to refuse the run.
    const bool read =
        table.name == kTaskTable || table.name == kMeasurementTable ||
        std::any_of(rules.obligations.begin(), rules.obligations.end(),
                    [&](const Obligation& rule) { return rule.check.table == table.name; });
    const auto report = [&](const SourceLocation& location, const std::string& message) {
      if (read) {
        diagnostics.Error(location, "", message);
      } else {
        diagnostics.Warning(location, "", Format(Tr("{0}; no rule reads it"), {message}));
      }
    };
    if (!store.HasTable(table.name)) {
      report(table.location,
             Format(Tr("table '{0}' does not exist in {1}"), {table.name, store.path()}));
      continue;
    }
    std::vector<std::string> names = {table.id_column, table.agency_column};
    for (const ColumnSpec& column : table.columns) names.push_back(column.name);
    for (const std::string& name : names) {
      const ColumnSpec* optional = table.FindColumn(name);
      if (optional != nullptr && optional->optional) continue;
      if (!store.HasColumn(table.name, name)) {
        const ColumnSpec* spec = table.FindColumn(name);
        if (spec != nullptr && spec->optional) continue;
        report(spec != nullptr ? spec->location : table.location,
               Format(Tr("column '{0}' of table '{1}' does not exist in {2}"),
                      {name, table.name, store.path()}));
      }
    }
  }
}

void MarkMissingColumns(TableSpec& table, RecordStore& store) {
  for (ColumnSpec& column : table.columns) {
    column.missing = column.optional && !store.HasColumn(table.name, column.name);
  }
}

void MarkMissingColumns(RuleSet& rules, RecordStore& store) {
  for (TableSpec& table : rules.tables) MarkMissingColumns(table, store);
}

void CheckAgencyIds(const RuleSet& rules, const AgencyDirectory& agencies,
                    Diagnostics& diagnostics) {
  for (const Authority& authority : rules.authorities) {
    if (agencies.Find(authority.standing_body_agency) < 0) {
      diagnostics.Warning(authority.location, "",
                          Format(Tr("standing body '{0}' is not in the agency table; its own "
                                    "letter would ask it to report to itself"),
                                 {authority.standing_body_agency}));
    }
  }
  for (const Obligation& rule : rules.obligations) {
    for (const auto* list : {&rule.applies_to.agencies, &rule.applies_to.except}) {
      for (const std::string& id : *list) {
        if (agencies.Find(id) < 0) {
          diagnostics.Warning(
              rule.applies_to.location, rule.id,
              Format(Tr("agency '{0}' is not in the agency table; the rule skips it"), {id}));
        }
      }
    }
    for (const Dependency& dependency : rule.depends_on) {
      for (const std::string& id : dependency.agencies) {
        if (agencies.Find(id) < 0) {
          diagnostics.Warning(
              dependency.location, rule.id,
              Format(Tr("agency '{0}' is not in the agency table; no dependency on it"), {id}));
        }
      }
    }
  }
}

}  // namespace dxcomply

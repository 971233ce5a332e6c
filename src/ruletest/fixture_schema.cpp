#include "ruletest/fixture_schema.hpp"

#include "ruletest/scratch_database.hpp"
#include "store/record_store.hpp"

#include <cctype>
#include <string_view>

namespace dxcomply {

extern const std::string_view kContractSchemaSql;  // generated from data/schema.sql

namespace {

const char* SqlType(ColumnType type) {
  switch (type) {
    case ColumnType::kInteger:
    case ColumnType::kBoolean:
      return "INTEGER";
    case ColumnType::kReal:
    case ColumnType::kFraction:
      return "REAL";
    case ColumnType::kText:
    case ColumnType::kDate:
      return "TEXT";
  }
  return "TEXT";
}

// A table tables.yaml declares and the contract lacks: its id and agency
// columns and every declared column. No NOT NULL: a fixture may leave a
// value out to test how the rules read a missing one.
std::string CreateDeclaredTable(const TableSpec& table) {
  std::vector<std::string> columns;
  const auto add = [&](const std::string& name, const std::string& type) {
    for (const std::string& column : columns) {
      if (column.rfind(QuoteIdentifier(name) + " ", 0) == 0) return;
    }
    columns.push_back(QuoteIdentifier(name) + " " + type);
  };
  if (table.id_column != "rowid") add(table.id_column, "");
  add(table.agency_column, "TEXT");
  for (const ColumnSpec& column : table.columns) add(column.name, SqlType(column.type));
  std::string sql = "CREATE TABLE " + QuoteIdentifier(table.name) + " (";
  for (std::size_t i = 0; i < columns.size(); ++i) sql += (i == 0 ? "" : ", ") + columns[i];
  return sql + ");\n";
}

}  // namespace

const FixtureColumn* FixtureTable::Find(const std::string& column) const {
  for (const FixtureColumn& candidate : columns) {
    if (candidate.name == column) return &candidate;
  }
  return nullptr;
}

std::vector<std::string> FixtureTable::ColumnNames() const {
  std::vector<std::string> names;
  for (const FixtureColumn& column : columns) names.push_back(column.name);
  return names;
}

FixtureSchema FixtureSchema::Build(const std::string& contract_sql,
                                   const std::string& contract_name, const RuleSet& rules) {
  FixtureSchema schema;
  schema.contract_name_ = contract_name;
  schema.create_sql_ = contract_sql + "\n";
  ScratchDatabase database(":memory:");
  try {
    database.Execute(contract_sql);
  } catch (const FixtureError& e) {
    throw FixtureError(contract_name + ": " + e.what());
  }
  std::vector<std::string> contract_tables = database.Tables();
  for (const TableSpec& table : rules.tables) {
    bool in_contract = false;
    for (const std::string& name : contract_tables) in_contract = in_contract || name == table.name;
    if (in_contract) continue;
    const std::string create = CreateDeclaredTable(table);
    database.Execute(create);
    schema.create_sql_ += create;
  }
  for (const std::string& name : database.Tables()) {
    FixtureTable table{name, {}, false};
    for (const std::string& contract : contract_tables) {
      table.declared_only = table.declared_only || contract == name;
    }
    table.declared_only = !table.declared_only;
    const std::vector<ScratchDatabase::Column> columns = database.Columns(name);
    int key_columns = 0;
    for (const ScratchDatabase::Column& column : columns) key_columns += column.primary_key > 0;
    for (const ScratchDatabase::Column& column : columns) {
      // An INTEGER PRIMARY KEY is the rowid: SQLite numbers the rows that
      // leave it out. Any other key column must be given.
      std::string type = column.type;
      for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      const bool rowid = key_columns == 1 && column.primary_key > 0 && type == "INTEGER";
      const bool required = (column.not_null || column.primary_key > 0) && !column.has_default;
      table.columns.push_back({column.name, required && !rowid});
    }
    schema.tables_.push_back(std::move(table));
  }
  return schema;
}

const FixtureTable* FixtureSchema::Find(const std::string& table) const {
  for (const FixtureTable& candidate : tables_) {
    if (candidate.name == table) return &candidate;
  }
  return nullptr;
}

std::vector<std::string> FixtureSchema::TableNames() const {
  std::vector<std::string> names;
  for (const FixtureTable& table : tables_) names.push_back(table.name);
  return names;
}

const std::string& BuiltInContractSql() {
  static const std::string sql(kContractSchemaSql);
  return sql;
}

}  // namespace dxcomply

// The tables a rule test's fixture rows may go into: those of the data
// contract (data/schema.sql, built in) and any other table the rules
// declare in tables.yaml, created with the columns declared there.
#pragma once

#include "dxcomply/rule_set.hpp"

#include <string>
#include <vector>

namespace dxcomply {

struct FixtureColumn {
  std::string name;
  bool required = false;  // NOT NULL without a default: a row must give it
};

struct FixtureTable {
  std::string name;
  std::vector<FixtureColumn> columns;
  bool declared_only = false;  // not in the contract; made from tables.yaml

  const FixtureColumn* Find(const std::string& column) const;
  std::vector<std::string> ColumnNames() const;
};

class FixtureSchema {
 public:
  // `contract_sql` is data/schema.sql (or the file of --schema), named
  // `contract_name` in messages. Throws FixtureError when it does not run.
  static FixtureSchema Build(const std::string& contract_sql, const std::string& contract_name,
                             const RuleSet& rules);

  const FixtureTable* Find(const std::string& table) const;
  std::vector<std::string> TableNames() const;
  // The contract, then the CREATE TABLE of every declared-only table.
  const std::string& create_sql() const { return create_sql_; }
  const std::string& contract_name() const { return contract_name_; }

 private:
  std::vector<FixtureTable> tables_;  // by name
  std::string create_sql_;
  std::string contract_name_;
};

// The schema the binary carries: data/schema.sql as it was built.
const std::string& BuiltInContractSql();

}  // namespace dxcomply

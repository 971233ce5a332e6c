// dxcomply import: the one command that writes to the database (src/import).
#pragma once

#include "cli/exit_status.hpp"

#include <ostream>
#include <string>

namespace dxcomply {

struct ImportOptions {
  std::string file;  // .xlsx or .csv
  std::string database;
  std::string rules;  // empty: found as RulesFolder finds it
  std::string agency;  // the file's agency
  std::string table;   // a CSV file's table
};

ExitStatus RunImport(const ImportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace dxcomply

// dxcomply template: the workbook an agency fills in (src/import).
#pragma once

#include "cli/commands.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace dxcomply {

struct TemplateOptions : EvaluateOptions {
  std::string agency;
  std::string out;                  // the .xlsx file
  std::vector<std::string> tables;  // table names; empty: those the agency owes
};

ExitStatus RunTemplate(const TemplateOptions& options, std::ostream& out, std::ostream& err);

}  // namespace dxcomply

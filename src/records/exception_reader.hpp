// The exceptions granted by a document (table `exception`, data/schema.sql):
// extensions of a due date and waivers, each for one obligation and agency,
// and one period or every period. Read whole: the table is small.
#pragma once

#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"

#include "records/agency_directory.hpp"

#include <string>
#include <vector>

namespace dxcomply {

class RecordStore;

struct ExceptionRow {
  std::string id;
  std::string obligation_id;
  std::string agency_id;
  int agency = -1;     // AgencyDirectory index; < 0 when NULL or not in the directory
  std::string period;  // "" for every period
  // Every value fits its column (a value that does not is a data issue, and
  // the row is never honoured: a misread date could extend the wrong day).
  bool values_fit = true;
  GrantedException grant;  // kind, new due date, the document; as far as they fit
};

// The table as the engine reads it, whatever rules/tables.yaml declares
// (the declaration there serves the spreadsheets): data/schema.sql's
// columns and types.
const TableSpec& ExceptionTableSpec();

// Every row, in id order, through the visiting aggregate as every table is
// read; none when the database has no such table. Values that break the
// contract, and rows of agencies not in `agencies`, go to `issues`.
std::vector<ExceptionRow> ReadExceptions(RecordStore& store, const AgencyDirectory& agencies,
                                         std::vector<DataIssue>& issues);

}  // namespace dxcomply

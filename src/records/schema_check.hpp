// Rules against a real database: every table and column the rules name must
// exist, and every agency id they name must be in the agency table. Errors
// point at the rules line that names the missing thing.
#pragma once

#include "dxcomply/diagnostics.hpp"
#include "dxcomply/rule_set.hpp"

#include "records/agency_directory.hpp"

namespace dxcomply {

class RecordStore;

// Tables and columns only; no agency ids (needs no agency table).
void CheckSchema(const RuleSet& rules, RecordStore& store, Diagnostics& diagnostics);

// Marks the optional columns the database lacks (ColumnSpec::missing), so
// that scans read NULL for them. Before planning any scan of a run.
void MarkMissingColumns(RuleSet& rules, RecordStore& store);
void MarkMissingColumns(TableSpec& table, RecordStore& store);

// Agency ids named in applies_to and depends_on. Warnings, not errors: the
// same rules serve databases of different countries (a test country, the
// benchmark's), where a named agency may simply not exist.
void CheckAgencyIds(const RuleSet& rules, const AgencyDirectory& agencies,
                    Diagnostics& diagnostics);

}  // namespace dxcomply

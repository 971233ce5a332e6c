// `dxcomply validate --db`: the exception table's rows against the rules
// and the agencies. Errors for what can never be honoured (a value that
// breaks the data contract, an unknown obligation or agency); warnings for
// what is honoured in part or not at all by its own terms (an extension
// without a later due date, a period the obligation does not have, an
// agency it does not apply to, an expiry before the grant) and for
// exceptions in force together for one instance, where the later document
// wins. Each names the table, the row id and the column.
#pragma once

#include "dxcomply/diagnostics.hpp"
#include "dxcomply/rule_set.hpp"
#include "dxcomply/work_calendar.hpp"

namespace dxcomply {

class RecordStore;

void CheckExceptions(const RuleSet& rules, RecordStore& store, const WorkCalendar& calendar,
                     Diagnostics& diagnostics);

}  // namespace dxcomply

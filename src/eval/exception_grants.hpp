// The exceptions in force on T (table `exception`), matched to instances:
// an extension moves an instance's due date to its new one, a waiver
// exempts the agency (the instance is `waived`). README "Extensions and
// waivers".
//
// An exception is in force on T when it is granted by then (document_date
// <= T) and not expired (expires_on NULL or after T). It covers its
// obligation's instance for its agency: of one period, or of every period
// when `period` is NULL. An extension counts only where it extends: its new
// due date is after the instance's. When several are in force for one
// instance (validate warns), the latest document wins, then the row read
// last (the highest id).
#pragma once

#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"

#include "eval/instance_table.hpp"
#include "records/exception_reader.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dxcomply {

bool InForce(const GrantedException& grant, const Date& as_of);

// Sets on `instances` the exception in force on `as_of` for each instance
// `rows` cover, and moves the due dates that are known up front (fixed and
// recurring) to the extensions' new ones.
void GrantExceptions(const std::vector<ExceptionRow>& rows, const RuleSet& rules,
                     InstanceTable& instances, const Date& as_of);

// Once the due date of an instance that counts from an event (`due:
// {after: ...}`) is known: its extension moves it, or, not extending it,
// is dropped.
void ExtendResolvedDue(InstanceTable& instances, int instance);

// Per-record due dates (`after_column`): under an extension no row of the
// instance is due before its new due date; kMinusInfinity without one.
DayNumber RowDueFloor(const InstanceTable& instances, int instance);

// What the findings' reasons say, in the run's language: "2785/BTTTT-CATTT
// of 2022-09-23 (Bộ Thông tin và Truyền thông)", "văn bản số 2785/BTTTT-CATTT
// ngày 23/09/2022 của Bộ Thông tin và Truyền thông".
std::string DocumentText(const GrantedException& grant);
// "waived by <document>: <reason>; expires on 2023-01-01" (dates as
// people read them: base/shown_format.hpp).
std::string WaiverReason(const GrantedException& grant);
// What an extension adds to a reason: "due date extended from 2022-09-30
// to 2022-12-31 by <document>"; other wording while the due date is not
// known (waiting) or per record.
std::string ExtensionNote(const GrantedException& grant, const std::optional<Date>& original_due,
                          bool per_record);

}  // namespace dxcomply

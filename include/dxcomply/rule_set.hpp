// Everything loaded from a rules folder: the record tables the rules may read
// (rules/tables.yaml) and the obligations (every other rules/*.yaml).
#pragma once

#include "dxcomply/diagnostics.hpp"
#include "dxcomply/finding.hpp"
#include "dxcomply/obligation.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dxcomply {

// The meaning of a record column. The engine checks every value it reads
// against its type and reports the ones that do not fit as data-quality
// findings; it never drops them silently.
enum class ColumnType {
  kText,      // any text; `values` may restrict it to a list
  kInteger,   // whole number; `min`/`max` may bound it
  kReal,      // any number
  kBoolean,   // 0 or 1
  kFraction,  // a number in [0, 1]
  kDate,      // ISO "YYYY-MM-DD"; read "as of" the evaluation date
};

struct ColumnSpec {
  std::string name;
  ColumnType type = ColumnType::kText;
  std::optional<std::int64_t> min;  // kInteger
  std::optional<std::int64_t> max;  // kInteger
  std::vector<std::string> values;  // kText: allowed values, empty = any
  bool nullable = true;
  // For people filling the table in a spreadsheet (dxcomply template and
  // import); the engine ignores them. Optional.
  std::string label;                      // Vietnamese header, e.g. "Cấp độ"
  std::string note;                       // a short explanation under the header
  std::vector<std::string> value_labels;  // kText: Vietnamese names of `values`, same order
  std::string references;                 // kText: "obligation" (a rule id) or "agency"
  std::string not_before;                 // kDate: another date column it may not precede
  // Required (non-empty) when column `required_when_column` holds `required_when_value`.
  std::string required_when_column;
  std::string required_when_value;
  // `optional: true`: the database may lack the column (older databases);
  // then it reads as NULL in every row. Default: it must exist.
  bool optional = false;
  // Set for a run (MarkMissingColumns) on an optional column the database
  // lacks: scans select NULL in its place.
  bool missing = false;
  SourceLocation location;
};

// A record table. Rows belong to an agency through `agency_column` and exist
// from `lifetime_from` until the day before `lifetime_until` (both optional
// date columns; NULL means "since always" / "still").
struct TableSpec {
  std::string name;
  std::string id_column = "id";
  std::string agency_column = "agency_id";
  std::string lifetime_from;
  std::string lifetime_until;
  std::vector<ColumnSpec> columns;
  // For dxcomply template and import (optional): the sheet's Vietnamese name,
  // and the columns that tell a row without an id apart from the agency's
  // other rows (its natural key), so importing a file twice adds nothing.
  std::string sheet;
  std::vector<std::string> key;
  SourceLocation location;

  const ColumnSpec* FindColumn(const std::string& column) const;
};

// One escalation tier (rules/escalation.yaml): an overdue or at-risk finding
// sits at the highest tier whose conditions it meets. A condition holds when
// every key given in it holds; a tier applies when any of its conditions
// holds.
struct EscalationCondition {
  std::vector<Status> statuses;              // e.g. at_risk; empty: any
  bool due_within_warn_before = false;       // not yet due, and the warning window is open
  std::optional<DayCount> overdue_at_least;  // e.g. 10 working days past the due date
  bool blocks_other_agencies = false;        // holds back another agency's instance
};

struct EscalationTier {
  int level = 0;        // 1, 2, 3: higher is more serious
  std::string name;     // Vietnamese: "Nhắc đầu mối phụ trách của cơ quan"
  std::string name_en;  // optional
  std::vector<EscalationCondition> when_any;
  SourceLocation location;
};

// Who sets the duties and signs the reminders over a span of dates
// (rules/authorities.yaml): a letter dated T carries the authority in force
// on T, and the escalation tiers take its names for them.
struct Authority {
  std::optional<Date> from;          // first day in force; none: since always
  std::optional<Date> until;         // first day no longer in force; none: still
  std::string body;                  // "Ủy ban Quốc gia về chuyển đổi số"
  std::string head;                  // "Thủ tướng Chính phủ"
  std::string standing_body_agency;  // agency id, e.g. "BTTTT"
  std::string standing_body_name;    // "Bộ Thông tin và Truyền thông"
  // The standing body issues the reminders, under its own letterhead.
  std::vector<std::string> letterhead;          // the issuer's lines at the top left
  std::vector<std::string> signing_title;       // the lines above the signature
  std::string reference_suffix;                 // "Số: ..../<suffix>", e.g. "BTTTT-CĐSQG"
  std::string reply_to_name;                    // who the reply goes to; default: the standing body
  std::map<int, std::string> escalation_tiers;  // tier level -> its name meanwhile
  // Their English names (--lang en), where the name differs from escalation.yaml's.
  std::map<int, std::string> escalation_tiers_en;
  LegalSource source;
  SourceLocation location;
};

struct RuleSet {
  std::vector<TableSpec> tables;
  std::vector<EscalationTier> escalation;  // by level, ascending
  std::vector<Authority> authorities;      // by date, ascending
  std::vector<Obligation> obligations;     // in file order, files sorted by name
  std::vector<std::string> files;          // every file read

  const Obligation* FindObligation(const std::string& id) const;
  const TableSpec* FindTable(const std::string& name) const;
  // The authority in force on `date`, or null.
  const Authority* AuthorityOn(const Date& date) const;
  // The escalation tiers with the names of the authority in force on `date`.
  std::vector<EscalationTier> EscalationOn(const Date& date) const;
};

}  // namespace dxcomply

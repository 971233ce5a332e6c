#include "eval/exception_grants.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"

#include <algorithm>
#include <memory>
#include <tuple>

namespace dxcomply {
namespace {

// Which of two exceptions in force for an instance wins: the later
// document, then the row read later.
struct Candidate {
  int instance = -1;
  Date document_date;
  std::size_t row = 0;
};

bool DueKnownUpFront(const Obligation& rule) {
  return rule.due.kind == Due::Kind::kFixed || rule.due.kind == Due::Kind::kRecurring;
}

// The instances an exception row covers: one period's, or every period's.
std::vector<int> Covered(const ExceptionRow& row, int rule_index, const Obligation& rule,
                         const InstanceTable& instances) {
  const int first = instances.Find(rule_index, row.agency);
  if (first < 0) return {};
  if (rule.due.kind == Due::Kind::kRecurring) {
    if (!row.period.empty()) {
      const int instance = instances.FindPeriod(rule_index, row.agency, row.period);
      return instance < 0 ? std::vector<int>() : std::vector<int>{instance};
    }
    // Over time an agency may owe only some of the periods.
    std::vector<int> all;
    for (const Period& period : instances.Periods(rule_index)) {
      const int instance = instances.FindPeriod(rule_index, row.agency, period.Label());
      if (instance >= 0) all.push_back(instance);
    }
    return all;
  }
  if (row.period.empty() || row.period == rule.period) return {first};
  return {};
}

}  // namespace

bool InForce(const GrantedException& grant, const Date& as_of) {
  return grant.document_date <= as_of && (!grant.expires_on || as_of < *grant.expires_on);
}

void GrantExceptions(const std::vector<ExceptionRow>& rows, const RuleSet& rules,
                     InstanceTable& instances, const Date& as_of) {
  std::vector<Candidate> chosen;  // by instance, once sorted
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const ExceptionRow& row = rows[k];
    if (!row.values_fit || row.agency < 0 || !InForce(row.grant, as_of)) continue;
    const bool extension = row.grant.kind == ExceptionKind::kExtension;
    if (extension && !row.grant.new_due) continue;
    const Obligation* rule = rules.FindObligation(row.obligation_id);
    if (rule == nullptr) continue;
    const int rule_index = static_cast<int>(rule - rules.obligations.data());
    for (int instance : Covered(row, rule_index, *rule, instances)) {
      const std::optional<Date>& due = instances.at(instance).due;
      if (extension && DueKnownUpFront(*rule) && due && !(*due < *row.grant.new_due)) continue;
      chosen.push_back({instance, row.grant.document_date, k});
    }
  }
  std::stable_sort(chosen.begin(), chosen.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.instance, a.document_date, a.row) <
           std::tie(b.instance, b.document_date, b.row);
  });
  std::vector<std::shared_ptr<const GrantedException>> shared(rows.size());
  std::vector<InstanceException> granted;
  // An inherited duty's extension stays unless the successor has one of its
  // own (a later document, granted to the agency that owes it now).
  for (const InstanceException& inherited : instances.Exceptions()) {
    if (!std::binary_search(
            chosen.begin(), chosen.end(), Candidate{inherited.instance, {}, 0},
            [](const Candidate& a, const Candidate& b) { return a.instance < b.instance; })) {
      granted.push_back(inherited);
    }
  }
  for (std::size_t c = 0; c < chosen.size(); ++c) {
    // The last of an instance's candidates wins.
    if (c + 1 < chosen.size() && chosen[c + 1].instance == chosen[c].instance) continue;
    const ExceptionRow& row = rows[chosen[c].row];
    if (!shared[chosen[c].row])
      shared[chosen[c].row] = std::make_shared<GrantedException>(row.grant);
    InstanceException exception{chosen[c].instance, shared[chosen[c].row], std::nullopt};
    Instance& instance = instances.at(chosen[c].instance);
    const Obligation& rule = rules.obligations[static_cast<std::size_t>(instance.rule)];
    if (row.grant.kind == ExceptionKind::kExtension && DueKnownUpFront(rule) && instance.due) {
      exception.original_due = instance.due;
      instance.due = row.grant.new_due;
    }
    granted.push_back(std::move(exception));
  }
  instances.SetExceptions(std::move(granted));
}

void ExtendResolvedDue(InstanceTable& instances, int index) {
  InstanceException* exception = instances.ExceptionOf(index);
  Instance& instance = instances.at(index);
  if (exception == nullptr || exception->grant->kind != ExceptionKind::kExtension ||
      !instance.due) {
    return;
  }
  if (*instance.due < *exception->grant->new_due) {
    exception->original_due = instance.due;
    instance.due = exception->grant->new_due;
  } else {
    exception->grant = nullptr;  // It does not extend this due date.
  }
}

DayNumber RowDueFloor(const InstanceTable& instances, int instance) {
  const InstanceException* exception = instances.ExceptionOf(instance);
  if (exception == nullptr || exception->grant->kind != ExceptionKind::kExtension) {
    return kMinusInfinity;
  }
  return ToDayNumber(*exception->grant->new_due);
}

namespace {

// Translated and parsed once per run: a report may carry many exceptions.
struct ExceptionPhrases {
  Phrase document{TrC("document", "{0} of {1} ({2})")};
  Phrase waived{Tr("waived by {0}")};
  Phrase waiver_reason{Tr("{0}: {1}")};
  Phrase expires{Tr("{0}; expires on {1}")};
  Phrase per_record{Tr("rows due before {0} are due then, extended by {1}")};
  Phrase extension_to{Tr("extension to {0} granted by {1}")};
  Phrase extended{Tr("due date extended from {0} to {1} by {2}")};
};

}  // namespace

std::string DocumentText(const GrantedException& grant) {
  return Translated<ExceptionPhrases>().document(
      {grant.document_number, ShownDate(grant.document_date), grant.granted_by});
}

std::string WaiverReason(const GrantedException& grant) {
  const ExceptionPhrases& phrases = Translated<ExceptionPhrases>();
  std::string text = phrases.waived({DocumentText(grant)});
  if (!grant.reason.empty()) text = phrases.waiver_reason({text, grant.reason});
  if (grant.expires_on) text = phrases.expires({text, ShownDate(*grant.expires_on)});
  return text;
}

std::string ExtensionNote(const GrantedException& grant, const std::optional<Date>& original_due,
                          bool per_record) {
  const ExceptionPhrases& phrases = Translated<ExceptionPhrases>();
  const std::string new_due = ShownDate(*grant.new_due);
  if (per_record) return phrases.per_record({new_due, DocumentText(grant)});
  if (!original_due) return phrases.extension_to({new_due, DocumentText(grant)});
  return phrases.extended({ShownDate(*original_due), new_due, DocumentText(grant)});
}

}  // namespace dxcomply

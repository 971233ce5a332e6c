// One agency's findings -> the data a reminder template renders (a kainjow
// mustache `data` object). Every name set here is documented in
// docs/reminders.md; the templates may use any of them.
#pragma once

#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"

#include "remind/letter_settings.hpp"

#include <kainjow/mustache.hpp>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace dxcomply {

// Finds the findings and agencies a blocker chain names.
class ReportIndex {
 public:
  explicit ReportIndex(const Report& report);
  // The finding of an instance, or null (a task that belongs to no instance).
  const Finding* FindingOf(const InstanceRef& ref) const;
  // The agency with this id; a bare one with only the id and `name` if unknown.
  Agency AgencyOf(const std::string& id, const std::string& name) const;

 private:
  std::map<std::tuple<std::string, std::string, std::string>, const Finding*> findings_;
  std::map<std::string, const Agency*> agencies_;
};

// What every letter of one run shares.
struct LetterContext {
  Date as_of;
  Date reply_by;  // as_of + reply_within_working_days working days
  int reply_within_working_days = 10;
  const RuleSet* rules = nullptr;
  const ReportIndex* index = nullptr;
  const Authority* authority = nullptr;  // in force on as_of; never null
  const LetterSettings* settings = nullptr;  // never null
  std::string sample_notice;             // "" unless the database is sample data
};

// The template data of one agency's letter. `findings` are its overdue and
// at-risk findings, in the report's order (worst first); `excepted` its
// findings with an exception in force (waived or extended), in that order.
// Throws TemplateError when the settings' reference pattern is malformed.
kainjow::mustache::data LetterData(const Agency& agency,
                                   const std::vector<const Finding*>& findings,
                                   const std::vector<const Finding*>& excepted,
                                   const LetterContext& context);

}  // namespace dxcomply

// Reminder letters (công văn đôn đốc): one per agency with anything overdue
// or at risk, as Markdown and as a printable HTML page, rendered from the
// editable templates in `templates_dir`. Used by `dxcomply remind` and the
// nightly batch. The wording is in the templates; the placeholders they may
// use are documented in docs/reminders.md.
#pragma once

#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"
#include "dxcomply/work_calendar.hpp"

#include "remind/letter_settings.hpp"
#include "remind/letter_templates.hpp"  // TemplateError

#include <functional>
#include <string>
#include <vector>

namespace dxcomply {

// The template files a templates folder must hold.
inline constexpr const char* kMarkdownTemplateName = "reminder.md.mustache";
inline constexpr const char* kHtmlTemplateName = "reminder.html.mustache";

struct ReminderSettings {
  std::string templates_dir = "templates";
  int reply_within_working_days = 10;  // the reply date: as-of + this many working days
};

struct ReminderLetter {
  std::string agency_id;
  std::string markdown;
  std::string html;
  int overdue = 0;  // items in the letter
  int at_risk = 0;
};

// The agencies that get a letter, by id: every agency but the national
// pseudo-agency "VN" with an overdue or at-risk finding; only `only_agency`
// when it is not empty. Cheap: lets a caller count letters before composing.
std::vector<std::string> AgenciesToRemind(const Report& report,
                                          const std::string& only_agency = "");

// Loads and checks both templates and the letter settings at construction;
// throws TemplateError naming the file.
class ReminderComposer {
 public:
  // `letter_settings`: the office's letter.yaml; empty: the templates
  // folder's letter.yaml when there is one, else LetterSettings' defaults.
  ReminderComposer(const ReminderSettings& settings, const RuleSet& rules,
                   const WorkCalendar& calendar, const std::string& letter_settings = "");

  // One letter per agency (not "VN") with anything overdue or at risk, by
  // agency id; only `only_agency` when not empty. Throws TemplateError if a
  // template fails to render.
  std::vector<ReminderLetter> Compose(const Report& report,
                                      const std::string& only_agency = "") const;

  // The letters of the agencies `wanted` says yes to, one at a time, by
  // agency id: `write` gets each as soon as it is composed, so a batch of
  // ten thousand letters is never held whole (the nightly batch). Safe to
  // call from two threads at once.
  void ComposeEach(const Report& report, const std::function<bool(const std::string&)>& wanted,
                   const std::function<void(ReminderLetter&&)>& write) const;

 private:
  ReminderSettings settings_;
  const RuleSet& rules_;
  const WorkCalendar& calendar_;
  LetterSettings letter_settings_;
  LetterTemplate markdown_;
  LetterTemplate html_;
};

}  // namespace dxcomply

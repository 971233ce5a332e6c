#include "remind/reminder_letters.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "remind/letter_data.hpp"
#include "report/finding_format.hpp"

#include <filesystem>
#include <map>

namespace dxcomply {
namespace {

bool NeedsReminder(const Finding& finding) {
  return finding.agency->id != kNationalAgencyId &&
         (finding.status == Status::kOverdue || finding.status == Status::kAtRisk);
}

bool Selected(const Finding& finding, const std::string& only_agency) {
  return NeedsReminder(finding) && (only_agency.empty() || finding.agency->id == only_agency);
}

std::string InFolder(const std::string& folder, const std::string& name) {
  if (folder.empty()) return name;
  return folder.back() == '/' ? folder + name : folder + "/" + name;
}

LetterSettings SettingsOf(const ReminderSettings& settings, const std::string& given) {
  if (!given.empty()) return LoadLetterSettings(given);
  const std::string beside_templates = InFolder(settings.templates_dir, kLetterSettingsName);
  std::error_code error;
  if (std::filesystem::exists(beside_templates, error)) return LoadLetterSettings(beside_templates);
  return LetterSettings{};
}

}  // namespace

std::vector<std::string> AgenciesToRemind(const Report& report, const std::string& only_agency) {
  std::map<std::string, bool> agencies;
  for (const Finding& finding : report.findings) {
    if (Selected(finding, only_agency)) agencies[finding.agency->id] = true;
  }
  std::vector<std::string> ids;
  for (const auto& entry : agencies) ids.push_back(entry.first);
  return ids;
}

ReminderComposer::ReminderComposer(const ReminderSettings& settings, const RuleSet& rules,
                                   const WorkCalendar& calendar, const std::string& letter_settings)
    : settings_(settings),
      rules_(rules),
      calendar_(calendar),
      letter_settings_(SettingsOf(settings, letter_settings)),
      markdown_(InFolder(settings.templates_dir, kMarkdownTemplateName), Escaping::kMarkdown),
      html_(InFolder(settings.templates_dir, kHtmlTemplateName), Escaping::kHtml) {}

std::vector<ReminderLetter> ReminderComposer::Compose(const Report& report,
                                                      const std::string& only_agency) const {
  std::vector<ReminderLetter> letters;
  ComposeEach(
      report,
      [&](const std::string& agency_id) { return only_agency.empty() || agency_id == only_agency; },
      [&](ReminderLetter&& letter) { letters.push_back(std::move(letter)); });
  return letters;
}

void ReminderComposer::ComposeEach(const Report& report,
                                   const std::function<bool(const std::string&)>& wanted,
                                   const std::function<void(ReminderLetter&&)>& write) const {
  // Each agency's findings, in the report's order (worst first), by agency id.
  std::map<std::string, std::vector<const Finding*>> by_agency;
  std::map<std::string, std::vector<const Finding*>> excepted;
  for (const Finding& finding : report.findings) {
    if (NeedsReminder(finding) && wanted(finding.agency->id)) {
      by_agency[finding.agency->id].push_back(&finding);
    }
    if (finding.exception && wanted(finding.agency->id)) {
      excepted[finding.agency->id].push_back(&finding);
    }
  }
  if (by_agency.empty()) return;

  const ReportIndex index(report);
  LetterContext context;
  context.as_of = report.as_of;
  context.reply_by = calendar_.AddWorkingDays(report.as_of, settings_.reply_within_working_days);
  context.reply_within_working_days = settings_.reply_within_working_days;
  context.rules = &rules_;
  context.index = &index;
  context.authority = rules_.AuthorityOn(report.as_of);
  context.settings = &letter_settings_;
  if (context.authority == nullptr && !by_agency.empty()) {
    throw TemplateError(Format(Tr("no authority in force on {0} in the rules' authorities.yaml: "
                                  "no one to issue the letters"),
                               {ShownDate(report.as_of)}));
  }
  context.sample_notice = SampleDataNotice(
      report.dataset,
      "DỮ LIỆU MẪU: số liệu là số liệu giả lập, không phải số liệu thật của các cơ quan có tên");

  // This call's own templates: ComposeEach may run on two threads at once.
  LetterTemplate markdown = markdown_;
  LetterTemplate html = html_;
  for (const auto& [agency_id, findings] : by_agency) {
    const kainjow::mustache::data data =
        LetterData(*findings.front()->agency, findings, excepted[agency_id], context);
    ReminderLetter letter;
    letter.agency_id = agency_id;
    letter.markdown = markdown.Render(data);
    letter.html = html.Render(data);
    for (const Finding* finding : findings) {
      (finding->status == Status::kOverdue ? letter.overdue : letter.at_risk) += 1;
    }
    write(std::move(letter));
  }
}

}  // namespace dxcomply

#include "cli/remind_command.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "cli/output_files.hpp"
#include "cli/prepared_run.hpp"
#include "cli/resource_paths.hpp"

#include <optional>
#include <utility>

namespace dxcomply {

std::string TooManyLetters(std::size_t count, const RemindOptions& options) {
  if (options.force || count <= static_cast<std::size_t>(options.max_letters)) {
    return "";
  }
  return Format(
      Tr("would write {0}, more than --max-letters {1}; check the rules, or pass --force"),
      {Counted(count, TrN("{0} letter", "{0} letters", count)),
       std::to_string(options.max_letters)});
}

std::optional<std::string> TemplatesFolder(const std::string& given, std::ostream& err) {
  return FindDataFolder(given, "templates", "--templates", err);
}

std::vector<std::string> WriteReminderLetters(const std::vector<ReminderLetter>& letters,
                                              const std::string& folder) {
  EnsureFolder(folder);
  std::vector<std::string> written;
  for (const ReminderLetter& letter : letters) {
    for (const auto& [extension, content] :
         {std::pair<const char*, const std::string*>{".md", &letter.markdown},
          std::pair<const char*, const std::string*>{".html", &letter.html}}) {
      const std::string name = FileNameOf(letter.agency_id) + extension;
      WriteFileAtomically(folder + "/" + name, *content);
      written.push_back(name);
    }
  }
  return written;
}

ExitStatus RunRemind(const RemindOptions& options, std::ostream& out, std::ostream& err) {
  std::optional<Prepared> prepared = Prepare(options, err);
  if (!prepared) return kExitInputError;

  // Everything that can go wrong is checked before the first file is
  // written: the templates, the agency, the number of letters.
  const std::optional<std::string> templates = TemplatesFolder(options.templates, err);
  if (!templates) return kExitInputError;
  ReminderSettings settings;
  settings.templates_dir = *templates;
  settings.reply_within_working_days = options.reply_within_working_days;
  std::optional<ReminderComposer> composer;
  try {
    composer.emplace(settings, prepared->inputs.rules, prepared->inputs.calendar);
  } catch (const TemplateError& e) {
    err << Tr("error: ") << e.what() << "\n";
    return kExitInputError;
  }
  if (!options.agency.empty() && !RequireKnownAgency(*prepared, options.agency, err)) {
    return kExitInputError;
  }
  const Report& report = Run(*prepared);
  const std::size_t count = AgenciesToRemind(report, options.agency).size();
  const std::string refusal = TooManyLetters(count, options);
  if (!refusal.empty()) {
    err << Tr("error: ") << refusal << "\n";
    return kExitInputError;
  }
  if (!options.agency.empty() && count == 0) {
    out << (options.agency == kNationalAgencyId
                ? Format(Tr("no letter for {0}: the national indicators are the Committee's own"),
                         {options.agency})
                : Format(Tr("nothing overdue or at risk for {0} as of {1}; no letter written"),
                         {options.agency, ShownDate(report.as_of)}))
        << "\n";
    return kExitOk;
  }

  try {
    const std::vector<ReminderLetter> letters = composer->Compose(report, options.agency);
    RemoveStrayTemporaries(options.out);
    const std::vector<std::string> written = WriteReminderLetters(letters, options.out);
    FlushToDisk(options.out);
    out << Format(
               Tr("wrote {0} ({1}) to {2}"),
               {Counted(letters.size(), TrN("{0} letter", "{0} letters", letters.size())),
                Counted(written.size(), TrN("{0} file", "{0} files", written.size())), options.out})
        << "\n";
  } catch (const TemplateError& e) {
    err << Tr("error: ") << e.what() << "\n";
    return kExitInputError;
  } catch (const OutputError& e) {
    err << Tr("error: ") << e.what() << "\n";
    return kExitRunFailed;
  }
  return kExitOk;
}

}  // namespace dxcomply

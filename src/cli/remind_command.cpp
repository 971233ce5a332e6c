#include "cli/remind_command.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/run_beside.hpp"
#include "base/shown_format.hpp"
#include "cli/output_files.hpp"
#include "cli/prepared_run.hpp"
#include "cli/resource_paths.hpp"
#include "cli/run_record.hpp"
#include "remind/letter_documents.hpp"
#include "remind/letter_settings.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
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

nlohmann::json RemindOptionsJson(const RemindOptions& options) {
  nlohmann::json given = EvaluateOptionsJson(options);
  given["out"] = options.out;
  given["templates"] = options.templates;
  given["reply_within"] = options.reply_within_working_days;
  given["max_letters"] = options.max_letters;
  given["force"] = options.force;
  given["formats"] = options.formats;
  given["letter_settings"] = options.letter_settings;
  return given;
}

std::vector<std::string> LetterInputFiles(const std::string& folder) {
  std::vector<std::string> files = {folder + "/" + kMarkdownTemplateName,
                                    folder + "/" + kHtmlTemplateName};
  // The office's settings beside the templates, when there (signer, ký hiệu).
  std::error_code error;
  if (std::filesystem::exists(folder + "/" + kLetterSettingsName, error)) {
    files.push_back(folder + "/" + kLetterSettingsName);
  }
  return files;
}

nlohmann::json TemplatesRead(const std::string& folder) {
  return FolderDigest(folder, LetterInputFiles(folder));
}

namespace {

bool Wants(const RemindOptions& options, const std::string& format) {
  return std::find(options.formats.begin(), options.formats.end(), format) != options.formats.end();
}

// A private folder for the conversions (each letter's HTML as a file of its
// own name, Chromium's throwaway profiles), removed when done.
class WorkFolder {
 public:
  WorkFolder() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "dxcomply-letters-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      throw OutputError(Format(Tr("cannot make a temporary folder in {0}"),
                               {std::filesystem::temp_directory_path().string()}));
    }
    path_ = pattern;
  }
  ~WorkFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  WorkFolder(const WorkFolder&) = delete;
  WorkFolder& operator=(const WorkFolder&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void WritePlainFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  out.close();
  if (!out) throw OutputError(Format(Tr("cannot write {0}"), {path}));
}

}  // namespace

std::string LetterFormatsUnavailable(const RemindOptions& options, const std::string& templates) {
  if (options.formats.empty()) return Tr("--format names no format (some of: md html docx pdf)");
  if (Wants(options, "docx")) {
    const std::string missing = MissingProgram("docx", "pandoc");
    if (!missing.empty()) return missing;
    for (const char* name : {kReferenceDocxName, kDocxFilterName}) {
      std::error_code error;
      const std::string needed = templates + "/" + name;
      if (!std::filesystem::is_regular_file(needed, error)) {
        return Format(Tr("--format docx needs {0}, which is missing"), {needed});
      }
    }
  }
  if (Wants(options, "pdf")) return MissingProgram("pdf", "chromium");
  return "";
}

std::vector<std::string> WriteLetterFiles(const std::vector<ReminderLetter>& letters,
                                          const std::string& folder, const RemindOptions& options,
                                          const std::string& templates) {
  EnsureFolder(folder);
  const bool docx = Wants(options, "docx");
  const bool pdf = Wants(options, "pdf");
  // The Word and PDF files are made first, into temporary files: a
  // converter that fails leaves no letter written.
  std::vector<std::unique_ptr<PendingFile>> docx_files(letters.size());
  std::vector<std::unique_ptr<PendingFile>> pdf_files(letters.size());
  std::optional<WorkFolder> work;
  if (docx || pdf) work.emplace();
  const auto html_copy = [&](std::size_t i) {
    return work->path() + "/" + FileNameOf(letters[i].agency_id) + ".html";
  };
  for (std::size_t i = 0; work && i < letters.size(); ++i) {
    WritePlainFile(html_copy(i), letters[i].html);
  }
  if (docx) {
    for (std::size_t i = 0; i < letters.size(); ++i) {
      docx_files[i] =
          std::make_unique<PendingFile>(folder + "/" + FileNameOf(letters[i].agency_id) + ".docx");
      HtmlToDocx(html_copy(i), docx_files[i]->temp_path(), templates);
    }
  }
  if (pdf) {
    // Chromium takes a second or two per letter: two at a time, each with
    // its own profile.
    for (std::size_t i = 0; i < letters.size(); ++i) {
      pdf_files[i] =
          std::make_unique<PendingFile>(folder + "/" + FileNameOf(letters[i].agency_id) + ".pdf");
    }
    const auto print = [&](std::size_t first, std::size_t step, const std::string& profile) {
      for (std::size_t i = first; i < letters.size(); i += step) {
        HtmlToPdf(html_copy(i), pdf_files[i]->temp_path(), profile);
      }
    };
    RunBeside([&] { print(1, 2, work->path() + "/profile-2"); },
              [&] { print(0, 2, work->path() + "/profile-1"); });
  }

  std::vector<std::string> written;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const std::string name = FileNameOf(letters[i].agency_id);
    if (Wants(options, "md")) {
      WriteFileAtomically(folder + "/" + name + ".md", letters[i].markdown);
      written.push_back(name + ".md");
    }
    if (Wants(options, "html")) {
      WriteFileAtomically(folder + "/" + name + ".html", letters[i].html);
      written.push_back(name + ".html");
    }
    if (docx) {
      docx_files[i]->Commit();
      written.push_back(name + ".docx");
    }
    if (pdf) {
      pdf_files[i]->Commit();
      written.push_back(name + ".pdf");
    }
  }
  return written;
}

ExitStatus RunRemind(const RemindOptions& options, std::ostream& out, std::ostream& err) {
  RunRecord record("remind");
  nlohmann::json given = RemindOptionsJson(options);
  given["agency"] = options.agency;
  record.Set("options", std::move(given));
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
    composer.emplace(settings, prepared->inputs.rules, prepared->inputs.calendar,
                     options.letter_settings);
  } catch (const TemplateError& e) {
    err << Tr("error: ") << e.what() << "\n";
    return kExitInputError;
  }
  const std::string unavailable = LetterFormatsUnavailable(options, *templates);
  if (!unavailable.empty()) {
    err << Tr("error: ") << unavailable << "\n";
    return kExitInputError;
  }
  if (!options.agency.empty() && !RequireKnownAgency(*prepared, options.agency, err)) {
    return kExitInputError;
  }
  const Report* run = nullptr;
  try {
    record.Set("templates", TemplatesRead(*templates));
    run = &RunRecorded(*prepared, options.database, record);
  } catch (const OutputError& e) {  // a digest: a file read for the record
    err << Tr("error: ") << e.what() << "\n";
    return kExitInputError;
  }
  const Report& report = *run;
  record.SetCounts(CountsByStatus(Summarize(report)));
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
    const std::vector<std::string> written =
        WriteLetterFiles(letters, options.out, options, *templates);
    const nlohmann::json done = record.Finished(kExitOk, written);
    WriteRunRecord(options.out, done);
    AppendRunLog(options.out + "/" + kRunLogName, done);
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
    LogFailedRun(record, options.out + "/" + kRunLogName, kExitRunFailed, err);
    return kExitRunFailed;
  } catch (const ConversionError& e) {
    err << Tr("error: ") << Format(Tr("{0}; no letter written"), {e.what()}) << "\n";
    return kExitRunFailed;
  }
  return kExitOk;
}

}  // namespace dxcomply

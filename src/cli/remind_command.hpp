// `dxcomply remind`: reminder letters into a folder, and the two pieces the
// nightly batch shares with it (the cap on letters, and writing them).
#pragma once

#include "cli/commands.hpp"
#include "remind/reminder_letters.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace dxcomply {

// Empty when `count` letters may be written; otherwise the error message
// ("would write N letters, more than --max-letters M; ...").
std::string TooManyLetters(std::size_t count, const RemindOptions& options);

// The letter templates' folder: `given` (--templates) or, when empty, the
// one shipped with dxcomply; nullopt after saying where it looked.
std::optional<std::string> TemplatesFolder(const std::string& given, std::ostream& err);

// Writes <folder>/<agency id>.md and .html for each letter, each atomically;
// returns the paths written, relative to `folder`. Throws OutputError.
std::vector<std::string> WriteReminderLetters(const std::vector<ReminderLetter>& letters,
                                              const std::string& folder);

// For the run record (cli/run_record.hpp): remind's options as given (but
// --agency), and the two templates read from `folder` with their digests.
nlohmann::json RemindOptionsJson(const RemindOptions& options);
nlohmann::json TemplatesRead(const std::string& folder);
// The files in the templates `folder` that make a letter's words: the two
// templates and, when there, letter.yaml.
std::vector<std::string> LetterInputFiles(const std::string& folder);

// Empty when every format of --format can be made; otherwise the error
// (a converter not on PATH, templates/reference.docx missing).
std::string LetterFormatsUnavailable(const RemindOptions& options, const std::string& templates);

// `remind`'s files: <folder>/<agency id>.<format> for each letter and each of
// options.formats (md, html, docx, pdf), each atomically; the .docx and .pdf
// are converted from the HTML (remind/letter_documents.hpp) before any file
// is written. Returns the names written, relative to `folder`. Throws
// OutputError, ConversionError.
std::vector<std::string> WriteLetterFiles(const std::vector<ReminderLetter>& letters,
                                          const std::string& folder, const RemindOptions& options,
                                          const std::string& templates);

}  // namespace dxcomply

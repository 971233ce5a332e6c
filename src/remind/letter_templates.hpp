// The editable wording of the reminder letters: templates/reminder.md.mustache
// and templates/reminder.html.mustache (kainjow mustache), read at run time
// from a folder and checked before anything is rendered.
#pragma once

#include <kainjow/mustache.hpp>
#include <stdexcept>
#include <string>

namespace dxcomply {

// A template that is missing, unreadable or malformed; the message names the
// file (and gives the mustache parser's message).
class TemplateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// How a template's {{name}} escapes values: HTML entities for the HTML
// letter; for Markdown, a backslash before each character Markdown would
// read as markup (a name "<script>" or "**x**" in the database stays text)
// and a space for each line break or control character (a value never
// starts a heading or ends a table row). Markdown must not get "&amp;".
enum class Escaping { kHtml, kMarkdown };

// A value as the Markdown letter inserts it (see Escaping::kMarkdown).
std::string MarkdownEscaped(const std::string& value);

// One template file, read and parsed once; rendered for each letter.
// Rendering is not const: a failed render leaves the parsed template in an
// error state (kainjow keeps the message in it). A caller that renders on
// several threads gives each thread its own copy, which is a copy of the
// parsed tree, not a new parse.
class LetterTemplate {
 public:
  // Throws TemplateError naming `path`.
  LetterTemplate(const std::string& path, Escaping escaping);

  // Throws TemplateError naming the file if rendering fails.
  std::string Render(const kainjow::mustache::data& data);

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  kainjow::mustache::mustache parsed_;
};

}  // namespace dxcomply

// A letter's HTML page as a Word document (pandoc, with the office's styles
// from templates/reference.docx) and as a PDF (headless Chromium's print to
// PDF, the HTML's own A4 layout). Both are other programs, run per letter:
// slower than the Markdown and HTML, hence opt-in (`remind --format`).
#pragma once

#include <stdexcept>
#include <string>

namespace dxcomply {

// A converter that is missing, fails or produces nothing; the message names
// the program, the letter and what the program said.
class ConversionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What a templates folder must hold for --format docx: the Word styles, and
// the pandoc filter that keeps the HTML page's <title> out of the document.
inline constexpr const char* kReferenceDocxName = "reference.docx";
inline constexpr const char* kDocxFilterName = "reminder-docx.lua";
// The paragraph style pandoc's tables get, and the one the appendix's table
// (the letter's one table with a header row) is given instead.
inline constexpr const char* kLayoutTableStyle = "Table";
inline constexpr const char* kItemsTableStyle = "ItemsTable";

// Writes `docx_path` from the HTML file `html_path`: pandoc (-f html -t
// docx, with templates_dir's kReferenceDocxName and kDocxFilterName), then the appendix table's
// style set to kItemsTableStyle (pandoc gives every table the same style; the letter's header and
// signature blocks are borderless layout tables, the appendix a bordered one). Throws
// ConversionError.
void HtmlToDocx(const std::string& html_path, const std::string& docx_path,
                const std::string& templates_dir);

// Writes `pdf_path` from the HTML file `html_path` with headless Chromium,
// using `profile_dir` as its (throwaway) profile. Throws ConversionError.
void HtmlToPdf(const std::string& html_path, const std::string& pdf_path,
               const std::string& profile_dir);

// Sets the style of every table of a .docx whose first row is a header row
// (w:tblLook firstRow="1") to `style`, in place. Throws ConversionError.
void StyleHeaderedTables(const std::string& docx_path, const std::string& style);

// What each format needs, said before anything is written: "" when `program`
// is on PATH, else the error ("--format pdf needs chromium (Debian: apt-get
// install chromium)").
std::string MissingProgram(const std::string& format, const std::string& program);

}  // namespace dxcomply

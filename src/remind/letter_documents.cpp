#include "remind/letter_documents.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "remind/run_program.hpp"

#include <cctype>
#include <filesystem>
#include <memory>
#include <pugixml.hpp>
#include <sstream>
#include <vector>
#include <zip.h>

namespace dxcomply {
namespace {

constexpr int kPandocSeconds = 60;
constexpr int kChromiumSeconds = 120;
constexpr const char* kDocumentPart = "word/document.xml";

// Chromium as the dashboard test runs it: no sandbox (it may run as root in
// CI), nothing fetched, no first-run work, no header or footer on the pages.
const std::vector<std::string> kChromiumFlags = {"--headless",
                                                 "--no-sandbox",
                                                 "--disable-gpu",
                                                 "--disable-quic",
                                                 "--no-first-run",
                                                 "--disable-background-networking",
                                                 "--disable-component-update",
                                                 "--disable-sync",
                                                 "--no-pdf-header-footer"};

std::string Said(const ProgramRun& run) {
  if (!run.started) return run.error;
  if (run.timed_out) return Tr("did not finish in time");
  std::string said = Format(Tr("exited with status {0}"), {std::to_string(run.exit_code)});
  if (!run.error.empty()) said += ": " + run.error;
  return said;
}

bool NonEmptyFile(const std::string& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error) &&
         std::filesystem::file_size(path, error) > 0;
}

std::string FileUrl(const std::string& path) {
  const std::string absolute = std::filesystem::absolute(path).lexically_normal().string();
  std::string url = "file://";
  for (const unsigned char byte : absolute) {
    const bool plain = std::isalnum(byte) || byte == '/' || byte == '-' || byte == '_' ||
                       byte == '.' || byte == '~';
    if (plain) {
      url += static_cast<char>(byte);
    } else {
      static const char* kHex = "0123456789ABCDEF";
      url += '%';
      url += kHex[byte >> 4];
      url += kHex[byte & 0x0F];
    }
  }
  return url;
}

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

std::string ReadPart(zip_t* archive, const std::string& docx_path) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  zip_file_t* part = nullptr;
  if (zip_stat(archive, kDocumentPart, 0, &stat) != 0 ||
      (part = zip_fopen(archive, kDocumentPart, 0)) == nullptr) {
    throw ConversionError(
        Format(Tr("{0} has no {1}: not a Word document"), {docx_path, kDocumentPart}));
  }
  std::string text(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t got = zip_fread(part, text.data(), stat.size);
  zip_fclose(part);
  if (got != static_cast<zip_int64_t>(stat.size)) {
    throw ConversionError(Format(Tr("cannot read {0} of {1}"), {kDocumentPart, docx_path}));
  }
  return text;
}

}  // namespace

std::string MissingProgram(const std::string& format, const std::string& program) {
  if (!FindProgram(program).empty()) return "";
  return Format(Tr("--format {0} needs {1} (Debian: apt-get install {1}), which is not on PATH"),
                {format, program});
}

void StyleHeaderedTables(const std::string& docx_path, const std::string& style) {
  int error = 0;
  std::unique_ptr<zip_t, ZipCloser> archive(zip_open(docx_path.c_str(), 0, &error));
  if (!archive) throw ConversionError(Format(Tr("cannot open {0} as a zip archive"), {docx_path}));
  const std::string text = ReadPart(archive.get(), docx_path);

  pugi::xml_document document;
  if (!document.load_buffer(text.data(), text.size(), pugi::parse_default)) {
    throw ConversionError(Format(Tr("{0} of {1} is not XML"), {kDocumentPart, docx_path}));
  }
  for (const pugi::xpath_node found : document.select_nodes("//w:tbl/w:tblPr")) {
    pugi::xml_node properties = found.node();
    if (std::string(properties.child("w:tblLook").attribute("w:firstRow").value()) != "1") continue;
    pugi::xml_node table_style = properties.child("w:tblStyle");
    if (!table_style) table_style = properties.prepend_child("w:tblStyle");
    pugi::xml_attribute value = table_style.attribute("w:val");
    if (!value) value = table_style.append_attribute("w:val");
    value.set_value(style.c_str());
  }
  std::ostringstream out;
  document.save(out, "", pugi::format_raw);
  // The buffer must outlive zip_close, which reads it.
  const std::string saved = out.str();
  zip_source_t* source = zip_source_buffer(archive.get(), saved.data(), saved.size(), 0);
  if (source == nullptr ||
      zip_file_add(archive.get(), kDocumentPart, source, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
    if (source != nullptr) zip_source_free(source);
    throw ConversionError(Format(Tr("cannot rewrite {0} of {1}"), {kDocumentPart, docx_path}));
  }
  zip_t* closing = archive.release();
  if (zip_close(closing) != 0) {
    const std::string reason = zip_strerror(closing);
    zip_discard(closing);
    throw ConversionError(Format(Tr("cannot write {0}: {1}"), {docx_path, reason}));
  }
}

void HtmlToDocx(const std::string& html_path, const std::string& docx_path,
                const std::string& templates_dir) {
  const ProgramRun run = RunProgram(
      {"pandoc", "--from=html", "--to=docx",
       "--reference-doc=" + templates_dir + "/" + kReferenceDocxName,
       "--lua-filter=" + templates_dir + "/" + kDocxFilterName, "--output=" + docx_path, html_path},
      kPandocSeconds);
  if (!run.ok() || !NonEmptyFile(docx_path)) {
    throw ConversionError(
        Format(Tr("pandoc could not convert {0} to .docx: {1}"), {html_path, Said(run)}));
  }
  StyleHeaderedTables(docx_path, kItemsTableStyle);
}

void HtmlToPdf(const std::string& html_path, const std::string& pdf_path,
               const std::string& profile_dir) {
  std::vector<std::string> arguments = {"chromium"};
  arguments.insert(arguments.end(), kChromiumFlags.begin(), kChromiumFlags.end());
  arguments.push_back("--user-data-dir=" + profile_dir);
  arguments.push_back("--print-to-pdf=" + pdf_path);
  arguments.push_back(FileUrl(html_path));
  const ProgramRun run = RunProgram(arguments, kChromiumSeconds);
  if (!run.ok() || !NonEmptyFile(pdf_path)) {
    throw ConversionError(
        Format(Tr("chromium could not print {0} to PDF: {1}"), {html_path, Said(run)}));
  }
}

}  // namespace dxcomply

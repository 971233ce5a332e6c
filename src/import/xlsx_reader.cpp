#include "import/xlsx_reader.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"

#include <cctype>
#include <cstdlib>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <zip.h>

namespace dxcomply {
namespace {

// Larger parts are refused rather than inflated: a sheet of a thousand rows
// is well under a megabyte, and a small file can unpack to gigabytes.
constexpr zip_uint64_t kMaxPartBytes = 256u << 20;

// Rows are kept as wide as their last cell, so one far cell a row ("ZZZ2",
// "ZZZ3"...) costs a megabyte a row: a 250 KB file asked for 100 GB. A
// sheet holding more cells than this, counted so, is refused; a template
// sheet has a dozen columns.
constexpr std::size_t kMaxSheetCells = std::size_t{1} << 22;

// 1904-based serial days are this many days behind 1900-based ones.
constexpr double k1904Offset = 1462;

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using ZipArchive = std::unique_ptr<zip_t, ZipCloser>;

// "x:sheet" -> "sheet": writers differ in the namespace prefixes they use.
std::string_view LocalName(const char* name) {
  const std::string_view text(name);
  const std::size_t colon = text.find(':');
  return colon == std::string_view::npos ? text : text.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node child : node.children()) {
    if (LocalName(child.name()) == name) return child;
  }
  return {};
}

// The attribute `name` whatever its prefix (r:id, ns:id).
pugi::xml_attribute PrefixedAttribute(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute attribute : node.attributes()) {
    const std::string_view full(attribute.name());
    if (full.find(':') != std::string_view::npos && LocalName(attribute.name()) == name) {
      return attribute;
    }
  }
  return {};
}

// The text of a shared or inline string, plain (<t>) or rich (runs <r>
// holding <t>), skipping phonetic runs (<rPh>). Runs hold no runs: nested
// ones are not followed, since a hostile file nests a million of them to
// run the stack out.
void AppendText(pugi::xml_node node, std::string& text) {
  for (pugi::xml_node child : node.children()) {
    const std::string_view name = LocalName(child.name());
    if (name == "t") {
      text += child.text().get();
    } else if (name == "r") {
      for (pugi::xml_node run_child : child.children()) {
        if (LocalName(run_child.name()) == "t") text += run_child.text().get();
      }
    }
  }
}

class XlsxReader {
 public:
  XlsxReader(const std::string& path, std::string* error) : path_(path), error_(error) {}

  std::optional<std::vector<Sheet>> Read(const std::string& bytes) {
    zip_error_t zip_error;
    zip_error_init(&zip_error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zip_error);
    if (source != nullptr) {
      archive_.reset(zip_open_from_source(source, ZIP_RDONLY, &zip_error));
      if (!archive_) zip_source_free(source);
    }
    zip_error_fini(&zip_error);
    if (!archive_) return Fail(Tr("cannot be opened as an Excel .xlsx file (a zip file)"));
    pugi::xml_document workbook;
    if (!Parse("xl/workbook.xml", workbook)) return std::nullopt;
    const pugi::xml_node root = workbook.document_element();
    if (const pugi::xml_node properties = Child(root, "workbookPr")) {
      const std::string_view date1904 = properties.attribute("date1904").value();
      date1904_ = date1904 == "1" || date1904 == "true";
    }
    if (!ReadRelationships()) return std::nullopt;
    if (!ReadSharedStrings() || !ReadStyles()) return std::nullopt;

    std::vector<Sheet> sheets;
    for (pugi::xml_node sheet : Child(root, "sheets").children()) {
      if (LocalName(sheet.name()) != "sheet") continue;
      const std::string id = PrefixedAttribute(sheet, "id").value();
      const auto target = targets_.find(id);
      if (target == targets_.end())
        return Fail(
            Format(Tr("the sheet '{0}' has no content"), {sheet.attribute("name").value()}));
      Sheet out;
      out.name = sheet.attribute("name").value();
      if (!ReadSheet(target->second, out)) return std::nullopt;
      sheets.push_back(std::move(out));
    }
    return sheets;
  }

 private:
  std::nullopt_t Fail(const std::string& what) {
    *error_ = path_ + ": " + what;
    return std::nullopt;
  }

  // The part's bytes, or nullopt (with *error_ set unless `optional`).
  std::optional<std::string> ReadPart(const std::string& name, bool optional = false) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(archive_.get(), name.c_str(), 0, &stat) != 0) {
      if (!optional) Fail(Format(Tr("the part '{0}' of the .xlsx file is missing"), {name}));
      return std::nullopt;
    }
    if ((stat.valid & ZIP_STAT_SIZE) == 0 || stat.size > kMaxPartBytes) {
      Fail(Format(Tr("the part '{0}' is too large"), {name}));
      return std::nullopt;
    }
    zip_file_t* file = zip_fopen(archive_.get(), name.c_str(), 0);
    if (file == nullptr) {
      Fail(Format(Tr("cannot read the part '{0}'"), {name}));
      return std::nullopt;
    }
    std::string bytes(stat.size, '\0');
    const zip_int64_t read = zip_fread(file, bytes.data(), stat.size);
    zip_fclose(file);
    if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
      Fail(Format(Tr("cannot read the part '{0}' (a damaged file?)"), {name}));
      return std::nullopt;
    }
    return bytes;
  }

  bool Parse(const std::string& name, pugi::xml_document& document, bool optional = false) {
    const std::optional<std::string> bytes = ReadPart(name, optional);
    if (!bytes) return optional && error_->empty();
    const pugi::xml_parse_result parsed = document.load_buffer(
        bytes->data(), bytes->size(), pugi::parse_default | pugi::parse_ws_pcdata);
    if (!parsed) {
      Fail(Format(Tr("the part '{0}' is not valid XML ({1})"), {name, parsed.description()}));
      return false;
    }
    return true;
  }

  // Relationship ids of the workbook's parts -> their paths in the zip.
  bool ReadRelationships() {
    pugi::xml_document rels;
    if (!Parse("xl/_rels/workbook.xml.rels", rels)) return false;
    for (pugi::xml_node relation : rels.document_element().children()) {
      if (LocalName(relation.name()) != "Relationship") continue;
      std::string target = relation.attribute("Target").value();
      target = target.rfind('/', 0) == 0 ? target.substr(1) : "xl/" + target;
      targets_[relation.attribute("Id").value()] = target;
      const std::string_view type = relation.attribute("Type").value();
      if (type.size() >= 13 && type.substr(type.size() - 13) == "sharedStrings") {
        shared_strings_part_ = target;
      }
      if (type.size() >= 6 && type.substr(type.size() - 6) == "styles") styles_part_ = target;
    }
    return true;
  }

  bool ReadSharedStrings() {
    pugi::xml_document document;
    if (!Parse(shared_strings_part_, document, true)) return false;
    for (pugi::xml_node item : document.document_element().children()) {
      if (LocalName(item.name()) != "si") continue;
      std::string text;
      AppendText(item, text);
      shared_strings_.push_back(std::move(text));
    }
    return true;
  }

  bool ReadStyles() {
    pugi::xml_document document;
    if (!Parse(styles_part_, document, true)) return false;
    const pugi::xml_node root = document.document_element();
    std::map<int, std::string> codes;
    for (pugi::xml_node format : Child(root, "numFmts").children()) {
      codes[format.attribute("numFmtId").as_int()] = format.attribute("formatCode").value();
    }
    for (pugi::xml_node xf : Child(root, "cellXfs").children()) {
      if (LocalName(xf.name()) != "xf") continue;
      const int id = xf.attribute("numFmtId").as_int();
      const auto code = codes.find(id);
      date_styles_.push_back(IsDateFormat(id, code == codes.end() ? "" : code->second));
    }
    return true;
  }

  bool ReadSheet(const std::string& part, Sheet& sheet) {
    pugi::xml_document document;
    if (!Parse(part, document)) return false;
    int row_number = 0;
    std::size_t cells = 0;
    for (pugi::xml_node row : Child(document.document_element(), "sheetData").children()) {
      if (LocalName(row.name()) != "row") continue;
      row_number = row.attribute("r") ? row.attribute("r").as_int() : row_number + 1;
      SheetRow out;
      out.number = row_number;
      int column = -1;
      for (pugi::xml_node cell : row.children()) {
        if (LocalName(cell.name()) != "c") continue;
        column = CellColumn(cell.attribute("r").value(), column + 1);
        if (column < 0) {
          *error_ =
              path_ + ": " + sheet.name + ": " +
              Format(Tr("the cell reference '{0}' is not valid"), {cell.attribute("r").value()});
          return false;
        }
        SheetCell value = ReadCell(cell);
        if (value.kind == SheetCell::Kind::kEmpty) continue;
        if (out.cells.size() <= static_cast<std::size_t>(column)) out.cells.resize(column + 1);
        out.cells[column] = std::move(value);
      }
      if (out.cells.empty()) continue;
      cells += out.cells.size();
      if (cells > kMaxSheetCells) {
        *error_ = path_ + ": " + sheet.name + ": " +
                  Format(Tr("more than {0} cells up to cell {1}: delete what lies beyond the "
                            "table's columns"),
                         {std::to_string(kMaxSheetCells),
                          ColumnLetters(static_cast<int>(out.cells.size()) - 1) +
                              std::to_string(row_number)});
        return false;
      }
      sheet.rows.push_back(std::move(out));
    }
    return true;
  }

  // The column of a reference "F12", or `next` when it has none.
  static int CellColumn(const std::string& reference, int next) {
    if (reference.empty()) return next;
    std::size_t letters = 0;
    while (letters < reference.size() &&
           std::isupper(static_cast<unsigned char>(reference[letters]))) {
      ++letters;
    }
    return ColumnIndex(reference.substr(0, letters));
  }

  SheetCell ReadCell(pugi::xml_node cell) const {
    SheetCell out;
    const std::string_view type = cell.attribute("t").value();
    const pugi::xml_node value = Child(cell, "v");
    if (type == "inlineStr") {
      out.kind = SheetCell::Kind::kText;
      AppendText(Child(cell, "is"), out.text);
    } else if (!value) {
      return out;
    } else if (type == "s") {
      const unsigned long index = std::strtoul(value.text().get(), nullptr, 10);
      out.kind = SheetCell::Kind::kText;
      if (index < shared_strings_.size()) out.text = shared_strings_[index];
    } else if (type == "str" || type == "d") {
      out.kind = SheetCell::Kind::kText;
      out.text = value.text().get();
    } else if (type == "b") {
      out.kind = SheetCell::Kind::kBoolean;
      out.number = value.text().as_int() != 0 ? 1 : 0;
    } else if (type == "e") {
      out.kind = SheetCell::Kind::kError;
      out.text = value.text().get();
    } else {
      out.kind = SheetCell::Kind::kNumber;
      out.number = value.text().as_double();
      const unsigned style = cell.attribute("s").as_uint();
      out.date_format = style < date_styles_.size() && date_styles_[style];
      if (out.date_format && date1904_) out.number += k1904Offset;
    }
    if (out.kind == SheetCell::Kind::kText && out.text.empty()) out.kind = SheetCell::Kind::kEmpty;
    return out;
  }

  std::string path_;
  std::string* error_;
  ZipArchive archive_;
  bool date1904_ = false;
  std::map<std::string, std::string> targets_;
  std::string shared_strings_part_ = "xl/sharedStrings.xml";
  std::string styles_part_ = "xl/styles.xml";
  std::vector<std::string> shared_strings_;
  std::vector<bool> date_styles_;  // by cell style index (cellXfs)
};

}  // namespace

bool IsDateFormat(int id, const std::string& code) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
      (id >= 50 && id <= 58)) {
    return true;
  }
  if (id < 164) return false;  // other built-in formats are numbers and text
  bool quoted = false;
  int bracket = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      quoted = c != '"';
    } else if (c == '"') {
      quoted = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is shown as is (or is padding)
    } else if (c == '[') {
      ++bracket;
    } else if (c == ']') {
      bracket = bracket > 0 ? bracket - 1 : 0;
    } else if (bracket == 0) {
      const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == 'd' || lower == 'y' || lower == 'm') return true;
    }
  }
  return false;
}

std::optional<std::vector<Sheet>> ReadXlsx(const std::string& bytes, const std::string& name,
                                           std::string* error) {
  error->clear();
  return XlsxReader(name, error).Read(bytes);
}

}  // namespace dxcomply

// Every libxlsxwriter call goes through Book, which keeps the first error,
// so one check at the end covers them all.
#include "import/template_writer.hpp"

#include "import/messages.hpp"
#include "import/table_fields.hpp"
#include "report/xlsx_writer.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <map>

namespace dxcomply {
namespace {

constexpr lxw_row_t kHeaderRow = 0;
constexpr lxw_row_t kNotesRow = 1;
constexpr lxw_row_t kFirstDataRow = 2;

lxw_datetime ExcelDay(const Date& date) { return {date.year(), date.month(), date.day(), 0, 0, 0}; }

class Book {
 public:
  explicit Book(lxw_workbook* workbook) : workbook_(workbook) {
    header_ = Format();
    format_set_bold(header_);
    format_set_text_wrap(header_);
    format_set_bg_color(header_, 0xDDEBF7);
    format_set_bottom(header_, LXW_BORDER_THIN);
    notes_ = Format();
    format_set_italic(notes_);
    format_set_text_wrap(notes_);
    format_set_font_color(notes_, 0x595959);
    format_set_align(notes_, LXW_ALIGN_VERTICAL_TOP);
    locked_ = Format();
    format_set_bg_color(locked_, 0xF2F2F2);
    title_ = Format();
    format_set_bold(title_);
    format_set_font_size(title_, 14);
    locked_date_ = Format();
    format_set_num_format(locked_date_, "dd/mm/yyyy");
    for (const auto& [name, code] : std::vector<std::pair<std::string, std::string>>{
             {"text", "@"}, {"date", "dd/mm/yyyy"}, {"percent", "0%"}, {"number", "General"}}) {
      lxw_format* format = Format();
      format_set_unlocked(format);
      format_set_num_format(format, code.c_str());
      editable_[name] = format;
    }
  }

  lxw_format* Format() {
    lxw_format* format = workbook_add_format(workbook_);
    if (format == nullptr) Keep(LXW_ERROR_MEMORY_MALLOC_FAILED);
    return format;
  }
  lxw_worksheet* Sheet(const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, name.c_str());
    if (sheet == nullptr) Keep(LXW_ERROR_SHEETNAME_ALREADY_USED);
    return sheet;
  }
  void Keep(lxw_error error) {
    if (error_ == LXW_NO_ERROR) error_ = error;
  }
  lxw_error error() const { return error_; }

  lxw_format* header() const { return header_; }
  lxw_format* notes() const { return notes_; }
  lxw_format* locked() const { return locked_; }
  lxw_format* title() const { return title_; }
  lxw_format* locked_date() const { return locked_date_; }
  lxw_format* editable(const std::string& kind) { return editable_.at(kind); }

 private:
  lxw_workbook* workbook_;
  lxw_error error_ = LXW_NO_ERROR;
  lxw_format* header_ = nullptr;
  lxw_format* notes_ = nullptr;
  lxw_format* locked_ = nullptr;
  lxw_format* title_ = nullptr;
  lxw_format* locked_date_ = nullptr;
  std::map<std::string, lxw_format*> editable_;
};

// The hidden sheet of long drop-down lists (Excel limits a typed-in list to
// 255 characters): one column per list.
class Lists {
 public:
  Lists(Book& book, lxw_worksheet* sheet) : book_(book), sheet_(sheet) {}

  // The formula of the range holding `values`, written once per list.
  std::string Range(const std::string& name, const std::vector<std::string>& values) {
    const auto known = ranges_.find(name);
    if (known != ranges_.end()) return known->second;
    if (sheet_ == nullptr) return "";
    const lxw_col_t column = static_cast<lxw_col_t>(ranges_.size());
    book_.Keep(worksheet_write_string(sheet_, 0, column, CellText(name).c_str(), nullptr));
    for (std::size_t i = 0; i < values.size(); ++i) {
      book_.Keep(worksheet_write_string(sheet_, static_cast<lxw_row_t>(i + 1), column,
                                        CellText(values[i]).c_str(), nullptr));
    }
    const std::string letters = ColumnName(column);
    const std::string range = "='" + std::string(msg::kListsSheet) + "'!$" + letters + "$2:$" +
                              letters + "$" +
                              std::to_string(std::max<std::size_t>(values.size(), 1) + 1);
    ranges_[name] = range;
    return range;
  }

 private:
  static std::string ColumnName(lxw_col_t column) {
    std::string letters;
    for (int n = static_cast<int>(column) + 1; n > 0; n = (n - 1) / 26) {
      letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    }
    return letters;
  }

  Book& book_;
  lxw_worksheet* sheet_;
  std::map<std::string, std::string> ranges_;
};

std::string EditableKind(const ColumnSpec& column) {
  switch (column.type) {
    case ColumnType::kDate:
      return "date";
    case ColumnType::kFraction:
      return "percent";
    case ColumnType::kInteger:
    case ColumnType::kReal:
      return "number";
    case ColumnType::kBoolean:
    case ColumnType::kText:
      return "text";
  }
  return "text";
}

class SheetWriter {
 public:
  SheetWriter(Book& book, Lists& lists, const TemplateContent& content)
      : book_(book), lists_(lists), content_(content) {}

  void Write(const TemplateSheet& sheet) {
    const TableSpec& table = *sheet.table;
    const std::vector<Field> fields = TableFields(table);
    lxw_worksheet* ws = book_.Sheet(SheetName(table));
    if (ws == nullptr) return;
    const lxw_row_t last_row =
        kFirstDataRow + static_cast<lxw_row_t>(sheet.rows.size()) + kTemplateSpareRows - 1;
    for (std::size_t f = 0; f < fields.size(); ++f) {
      const Field& field = fields[f];
      const lxw_col_t column = static_cast<lxw_col_t>(f);
      const bool editable = field.role == Field::Role::kColumn;
      lxw_format* format = editable ? book_.editable(EditableKind(*field.column)) : book_.locked();
      const double width = field.role == Field::Role::kId ? 9 : editable ? 22 : 14;
      book_.Keep(worksheet_set_column(ws, column, column, width, format));
      book_.Keep(worksheet_write_string(ws, kHeaderRow, column, CellText(field.label).c_str(),
                                        book_.header()));
      book_.Keep(worksheet_write_string(ws, kNotesRow, column, CellText(field.note).c_str(),
                                        book_.notes()));
      if (editable) Validate(ws, *field.column, column, last_row);
    }
    book_.Keep(worksheet_set_row(ws, kNotesRow, 45, nullptr));
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
      const lxw_row_t row = kFirstDataRow + static_cast<lxw_row_t>(r);
      for (std::size_t f = 0; f < fields.size(); ++f) {
        WriteValue(ws, row, static_cast<lxw_col_t>(f), fields[f], sheet.rows[r][f]);
      }
    }
    worksheet_freeze_panes(ws, kFirstDataRow, 2);
    lxw_protection options = {};
    options.insert_rows = 1;
    options.format_columns = 1;
    options.format_rows = 1;
    options.autofilter = 1;
    worksheet_protect(ws, nullptr, &options);
  }

 private:
  void WriteValue(lxw_worksheet* ws, lxw_row_t row, lxw_col_t column, const Field& field,
                  const Value& value) {
    if (value.is_null()) return;
    if (field.role != Field::Role::kColumn) {
      lxw_format* format = book_.locked();
      book_.Keep(value.kind == Value::Kind::kText
                     ? worksheet_write_string(ws, row, column, CellText(value.text).c_str(), format)
                     : worksheet_write_number(ws, row, column, static_cast<double>(value.integer),
                                              format));
      return;
    }
    const ColumnSpec& spec = *field.column;
    lxw_format* format = book_.editable(EditableKind(spec));
    if (spec.type == ColumnType::kDate && value.kind == Value::Kind::kText) {
      if (const std::optional<Date> date = ParseIsoDate(value.text)) {
        lxw_datetime day = ExcelDay(*date);
        book_.Keep(worksheet_write_datetime(ws, row, column, &day, format));
        return;
      }
    }
    const bool number = (spec.type == ColumnType::kInteger || spec.type == ColumnType::kReal ||
                         spec.type == ColumnType::kFraction) &&
                        value.kind != Value::Kind::kText;
    if (number) {
      const double x =
          value.kind == Value::Kind::kInteger ? static_cast<double>(value.integer) : value.real;
      book_.Keep(worksheet_write_number(ws, row, column, x, format));
      return;
    }
    // Text, labels of listed values, Có/Không; and a stored value that
    // does not fit its column, shown as it is for the agency to correct.
    book_.Keep(
        worksheet_write_string(ws, row, column, CellText(Labelled(spec, value)).c_str(), format));
  }

  void Validate(lxw_worksheet* ws, const ColumnSpec& column, lxw_col_t col, lxw_row_t last_row) {
    lxw_data_validation validation = {};
    std::vector<std::string> list;
    std::string formula;
    std::string message = column.note;
    switch (column.type) {
      case ColumnType::kDate:
        validation.validate = LXW_VALIDATION_TYPE_DATE;
        validation.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        validation.minimum_datetime = {1900, 1, 1, 0, 0, 0};
        validation.maximum_datetime = {9999, 12, 31, 0, 0, 0};
        message = "Nhập ngày dạng dd/mm/yyyy. " + message;
        break;
      case ColumnType::kInteger:
        validation.validate = LXW_VALIDATION_TYPE_INTEGER;
        validation.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        validation.minimum_number = static_cast<double>(column.min.value_or(-1000000000));
        validation.maximum_number = static_cast<double>(column.max.value_or(1000000000));
        break;
      case ColumnType::kFraction:
        validation.validate = LXW_VALIDATION_TYPE_DECIMAL;
        validation.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        validation.minimum_number = 0;
        validation.maximum_number = 1;
        break;
      case ColumnType::kReal:
        return;
      case ColumnType::kBoolean:
        list = {msg::kYes, msg::kNo};
        break;
      case ColumnType::kText:
        if (!column.values.empty()) {
          list = column.value_labels.empty() ? column.values : column.value_labels;
        } else if (column.references == "obligation") {
          formula = lists_.Range("obligation", content_.obligation_ids);
        } else if (column.references == "agency") {
          formula = lists_.Range("agency", content_.agency_ids);
        } else {
          return;
        }
        break;
    }
    std::vector<std::string> cells;
    std::vector<char*> pointers;
    if (!list.empty()) {
      for (const std::string& item : list) cells.push_back(CellText(item));
      for (std::string& item : cells) pointers.push_back(item.data());
      pointers.push_back(nullptr);
      validation.validate = LXW_VALIDATION_TYPE_LIST;
      validation.value_list = pointers.data();
    } else if (!formula.empty()) {
      validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      validation.value_formula = formula.data();
    }
    // Excel limits these to 32 and 255 characters.
    std::string title = CellText(column.label.empty() ? column.name : column.label).substr(0, 30);
    while (!title.empty() && (static_cast<unsigned char>(title.back()) & 0xC0) == 0x80) {
      title.pop_back();
    }
    if (!title.empty() && static_cast<unsigned char>(title.back()) >= 0xC0) title.pop_back();
    std::string text = message.size() > 250 ? message.substr(0, 250) : message;
    validation.input_title = title.data();
    validation.input_message = text.empty() ? nullptr : text.data();
    validation.error_title = title.data();
    validation.error_message = text.empty() ? nullptr : text.data();
    book_.Keep(worksheet_data_validation_range(ws, kFirstDataRow, col, last_row, col, &validation));
  }

  Book& book_;
  Lists& lists_;
  const TemplateContent& content_;
};

void WriteInfoSheet(Book& book, lxw_worksheet* ws, const TemplateContent& content) {
  book.Keep(worksheet_set_column(ws, 0, 0, 26, nullptr));
  book.Keep(worksheet_set_column(ws, 1, 1, 60, nullptr));
  book.Keep(worksheet_write_string(ws, 0, 0, "Mẫu nhập số liệu dxcomply", book.title()));
  book.Keep(worksheet_write_string(ws, 2, 0, msg::kInfoAgencyId, book.header()));
  book.Keep(worksheet_write_string(ws, 2, 1, CellText(content.agency.id).c_str(), nullptr));
  book.Keep(worksheet_write_string(ws, 3, 0, msg::kInfoAgencyName, book.header()));
  book.Keep(worksheet_write_string(ws, 3, 1, CellText(content.agency.name).c_str(), nullptr));
  book.Keep(worksheet_write_string(ws, 4, 0, msg::kInfoAsOf, book.header()));
  lxw_datetime day = ExcelDay(content.as_of);
  book.Keep(worksheet_write_datetime(ws, 4, 1, &day, book.locked_date()));
  const char* lines[] = {
      "Cách điền:",
      "Mỗi trang tính là một bảng số liệu, mỗi dòng một bản ghi; dòng 2 giải thích từng cột.",
      "Cột Mã dòng và Mã cơ quan đã khóa: không sửa. Thêm bản ghi mới ở cuối bảng, để trống Mã "
      "dòng.",
      "Ngày nhập dạng dd/mm/yyyy. Ở cột có danh sách, chọn một giá trị trong danh sách.",
      "Trang Công việc liệt kê công việc của các nhiệm vụ chưa hoàn thành tính đến ngày trên; điền "
      "ngày bắt đầu, tiến độ, ngày hoàn thành và văn bản minh chứng.",
      "Dòng mới chỉ có mã nhiệm vụ, kỳ (hoặc mã chỉ tiêu) mà không điền gì thêm thì được bỏ qua.",
      "Gửi lại tệp này; lệnh dxcomply import kiểm tra từng ô và báo mọi lỗi theo tên trang và ô "
      "(ví dụ Hệ thống!F12); có lỗi thì không ghi gì."};
  lxw_row_t row = 6;
  for (const char* line : lines) {
    lxw_format* format = row == 6 ? book.header() : nullptr;
    book.Keep(worksheet_write_string(ws, row, 0, line, format));
    ++row;
  }
  worksheet_protect(ws, nullptr, nullptr);
}

}  // namespace

std::string WriteTemplate(const TemplateContent& content, const std::string& path) {
  lxw_workbook_options options = {};
  options.constant_memory = LXW_FALSE;
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (workbook == nullptr) return "cannot create " + path;
  Book book(workbook);
  lxw_worksheet* info = book.Sheet(msg::kInfoSheet);
  if (info != nullptr) WriteInfoSheet(book, info, content);
  // Sheets are ordered as created, and the record sheets' drop-downs refer
  // to the lists sheet: it is created hidden after the information sheet.
  lxw_worksheet* lists = book.Sheet(msg::kListsSheet);
  if (lists != nullptr) worksheet_hide(lists);
  Lists list_writer(book, lists);
  SheetWriter writer(book, list_writer, content);
  for (const TemplateSheet& sheet : content.sheets) writer.Write(sheet);
  if (lists != nullptr) worksheet_protect(lists, nullptr, nullptr);
  if (info != nullptr) worksheet_activate(info);
  const lxw_error closed = workbook_close(workbook);
  if (book.error() != LXW_NO_ERROR) return lxw_strerror(book.error());
  if (closed != LXW_NO_ERROR) return lxw_strerror(closed);
  return "";
}

}  // namespace dxcomply

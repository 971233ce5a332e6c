#include "import/import_file.hpp"

#include "base/file_text.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "import/csv_reader.hpp"
#include "import/file_digest.hpp"
#include "import/messages.hpp"
#include "import/xlsx_reader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

namespace dxcomply {
namespace {

// As data/schema.sql declares it; created in databases made before it was.
constexpr const char* kImportLogTable = R"sql(
CREATE TABLE IF NOT EXISTS import_log (
  id          INTEGER PRIMARY KEY,
  imported_at TEXT NOT NULL,
  os_user     TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  agency_id   TEXT,
  counts      TEXT NOT NULL
))sql";

bool LooksLikeZip(const std::string& bytes) { return bytes.rfind("PK\x03\x04", 0) == 0; }

bool EndsWith(std::string text, const std::string& suffix) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The agency the template's information sheet names ("Mã cơ quan" | id).
std::string InfoSheetAgency(const std::vector<Sheet>& sheets) {
  for (const Sheet& sheet : sheets) {
    if (Trimmed(sheet.name) != msg::kInfoSheet) continue;
    for (const SheetRow& row : sheet.rows) {
      if (row.cells.size() >= 2 && row.cells[0].kind == SheetCell::Kind::kText &&
          Trimmed(row.cells[0].text) == msg::kInfoAgencyId) {
        return CellText(row.cells[1]).value_or("");
      }
    }
  }
  return "";
}

class FileImporter {
 public:
  FileImporter(const ImportRequest& request, const RuleSet& rules)
      : request_(request), rules_(rules) {}

  ImportResult Run() {
    const FileText file = ReadFileText(request_.file);
    if (!file.ok()) return Refuse(request_.file + ": " + file.error);
    result_.sha256 = Sha256Hex(file.text);
    const std::string name = std::filesystem::path(request_.file).filename().string();

    std::vector<Sheet> sheets;
    std::string error;
    const bool csv = EndsWith(request_.file, ".csv") ||
                     (!EndsWith(request_.file, ".xlsx") && !LooksLikeZip(file.text));
    if (csv) {
      std::optional<Sheet> sheet = ParseCsv(file.text, name, &error);
      if (!sheet) return Refuse(error);
      sheets.push_back(std::move(*sheet));
    } else {
      std::optional<std::vector<Sheet>> read = ReadXlsx(file.text, name, &error);
      if (!read) return Refuse(error);
      sheets = std::move(*read);
    }
    if (!ResolveAgency(csv ? "" : InfoSheetAgency(sheets))) return result_;

    std::vector<SheetRows> tables;
    std::map<const TableSpec*, std::string> sheet_of_table;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
      const TableSpec* table = TableFor(sheets[i], csv);
      if (table == nullptr) {
        if (!result_.file_problem.empty()) return result_;
        continue;
      }
      const auto [other, added] = sheet_of_table.emplace(table, sheets[i].name);
      if (!added) {
        return Refuse(name + ": " +
                      Format(Tr("the sheets '{0}' and '{1}' are both table {2}"),
                             {sheets[i].name, other->second, table->name}));
      }
      tables.push_back(ReadSheetRows(sheets[i], static_cast<int>(i), *table, result_.problems));
      if (!tables.back().blank_rows.empty()) {
        result_.notes.push_back(
            SheetName(*table) + ": " +
            Format(Tr("skipped {0} new rows with nothing filled in beyond their key columns"),
                   {std::to_string(tables.back().blank_rows.size())}));
      }
    }
    if (tables.empty()) {
      return Refuse(name + ": " +
                    Tr("no sheet is a table of records (a sheet's name must be a table's, e.g. "
                       "'Hệ thống', 'Công việc')"));
    }
    return Write(tables, name);
  }

 private:
  ImportResult Refuse(const std::string& problem) {
    result_.outcome = ImportResult::Outcome::kRefused;
    result_.file_problem = problem;
    return result_;
  }

  bool ResolveAgency(const std::string& workbook_agency) {
    if (!request_.agency.empty() && !workbook_agency.empty() &&
        request_.agency != workbook_agency) {
      Refuse(request_.file + ": " +
             Format(Tr("the file is agency '{0}''s, not '{1}' (--agency)"),
                    {workbook_agency, request_.agency}));
      return false;
    }
    result_.agency = request_.agency.empty() ? workbook_agency : request_.agency;
    return true;
  }

  const TableSpec* TableFor(const Sheet& sheet, bool csv) {
    if (!csv) {
      const std::string name = Trimmed(sheet.name);
      if (name == msg::kInfoSheet || name == msg::kListsSheet) return nullptr;
      const TableSpec* table = TableOfSheet(rules_, sheet.name);
      if (table == nullptr) {
        result_.notes.push_back(
            Format(Tr("skipped the sheet '{0}' (it is no table)"), {sheet.name}));
      }
      return table;
    }
    if (!request_.table.empty()) {
      const TableSpec* table = TableOfSheet(rules_, request_.table);
      if (table == nullptr) Refuse(Format(Tr("--table: no table '{0}'"), {request_.table}));
      return table;
    }
    std::vector<std::string> headers;
    if (!sheet.rows.empty()) {
      for (const SheetCell& cell : sheet.rows.front().cells) headers.push_back(Shown(cell));
    }
    const TableSpec* table = TableOfHeader(rules_, headers);
    if (table == nullptr) {
      Refuse(sheet.name + ": " +
             Tr("the header row does not match exactly one table; name the table with --table "
                "(e.g. --table task)"));
    }
    return table;
  }

  ImportResult Write(const std::vector<SheetRows>& tables, const std::string& name) {
    ImportDatabase database(request_.database, request_.busy_timeout_ms);
    if (!database.BeginWrite()) {
      result_.outcome = ImportResult::Outcome::kBusy;
      return result_;
    }
    const std::set<std::string> agencies = database.AgencyIds();
    if (!result_.agency.empty() && agencies.count(result_.agency) == 0) {
      return Refuse(name + ": " + msg::UnknownAgency(result_.agency));
    }
    for (const SheetRows& sheet : tables) {
      result_.tables.push_back(
          PlanSheet(sheet, rules_, result_.agency, agencies, database, result_.problems));
    }
    if (!result_.problems.empty()) {
      std::stable_sort(result_.problems.begin(), result_.problems.end(),
                       [](const CellProblem& a, const CellProblem& b) {
                         return std::tie(a.sheet_index, a.row, a.column) <
                                std::tie(b.sheet_index, b.row, b.column);
                       });
      result_.outcome = ImportResult::Outcome::kRefused;
      return result_;
    }
    const bool any = std::any_of(result_.tables.begin(), result_.tables.end(),
                                 [](const TablePlan& plan) { return !plan.writes.empty(); });
    if (!any) {
      result_.outcome = ImportResult::Outcome::kNothingNew;
      return result_;  // rolled back: not a byte of the file changes
    }
    nlohmann::ordered_json counts = nlohmann::ordered_json::object();
    for (const TablePlan& plan : result_.tables) {
      for (const PlannedWrite& write : plan.writes) {
        if (write.insert) {
          database.Insert(plan.table->name, write.columns, write.values);
        } else {
          database.Update(plan.table->name, plan.table->id_column, write.id, write.columns,
                          write.values);
        }
      }
      counts[plan.table->name] = {{"added", plan.counts.added},
                                  {"changed", plan.counts.changed},
                                  {"unchanged", plan.counts.unchanged}};
    }
    database.Execute(kImportLogTable);
    database.Insert("import_log",
                    {"imported_at", "os_user", "file_name", "sha256", "agency_id", "counts"},
                    {Value::Text(request_.now_utc), Value::Text(request_.os_user),
                     Value::Text(name), Value::Text(result_.sha256),
                     result_.agency.empty() ? Value::Null() : Value::Text(result_.agency),
                     Value::Text(counts.dump())});
    if (request_.before_commit) request_.before_commit();
    database.Commit();
    result_.outcome = ImportResult::Outcome::kWritten;
    return result_;
  }

  const ImportRequest& request_;
  const RuleSet& rules_;
  ImportResult result_;
};

}  // namespace

ImportResult ImportFile(const ImportRequest& request, const RuleSet& rules) {
  return FileImporter(request, rules).Run();
}

}  // namespace dxcomply

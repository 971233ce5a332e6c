#include "calendar/calendar_yaml.hpp"

#include "base/file_text.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <exception>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <utility>

namespace dxcomply {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxBreakDays = 31;  // Tết, the longest break, is 9-10 days
const char* const kFileKeys = "year, source, days_off, working_saturdays";
const char* const kRangeKeys = "name, first, last, source";
const char* const kSaturdayKeys = "date, source";

// "2024.yaml" -> 2024; nullopt for any other name.
std::optional<int> YearOfFileName(const std::string& name) {
  const auto dot = name.find('.');
  if (dot != 4) return std::nullopt;
  const std::string extension = name.substr(dot);
  if (extension != ".yaml" && extension != ".yml") return std::nullopt;
  int year = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(name[i]))) return std::nullopt;
    year = year * 10 + (name[i] - '0');
  }
  return year;
}

std::string Quote(const std::string& text) { return "'" + text + "'"; }

// Sunday first, as Boost numbers them.
const char* const kWeekdayNames[] = {TrNoop("Sunday"),    TrNoop("Monday"),   TrNoop("Tuesday"),
                                     TrNoop("Wednesday"), TrNoop("Thursday"), TrNoop("Friday"),
                                     TrNoop("Saturday")};

std::string DescribeRange(const Date& first, const Date& last) {
  if (first == last) return FormatIsoDate(first);
  return Format(Tr("{0} to {1}"), {FormatIsoDate(first), FormatIsoDate(last)});
}

struct Field {
  YAML::Node key;
  YAML::Node value;
};

// A days_off entry with the marks needed for later checks.
struct ParsedRange {
  DayOffRange range;
  YAML::Mark first_mark;
  YAML::Mark last_mark;
};

struct ParsedSaturday {
  Date date;
  std::string source;
  YAML::Mark mark;
};

// Parses one file; every problem becomes a diagnostic, none stops the scan
// of the rest of the file unless nothing after it could make sense.
class FileParser {
 public:
  FileParser(const std::string& text, const std::string& file, Diagnostics& diagnostics)
      : file_(file), diagnostics_(diagnostics) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines_.push_back(line);
    }
  }

  std::optional<CalendarYear> Parse() {
    const std::string name = fs::path(file_).filename().string();
    const auto file_year = YearOfFileName(name);
    if (!file_year) {
      Report(Severity::kError, YAML::Mark::null_mark(),
             Tr("calendar file name must be a year, like 2024.yaml"));
      return std::nullopt;
    }
    year_ = *file_year;
    if (year_ < kFirstCalendarYear || year_ > kLastCalendarYear) {
      Report(Severity::kError, YAML::Mark::null_mark(),
             Format(Tr("{0} is outside the years the calendar supports ({1}-{2})"),
                    {std::to_string(year_), std::to_string(kFirstCalendarYear),
                     std::to_string(kLastCalendarYear)}));
      return std::nullopt;
    }

    YAML::Node root;
    try {
      // Parse the same lines the diagnostics quote, so marks and source
      // lines agree even for CRLF files.
      root = YAML::Load(LinesAsText());
    } catch (const YAML::Exception& e) {
      Report(Severity::kError, e.mark, Format(Tr("invalid YAML: {0}"), {e.msg}));
      return std::nullopt;
    }
    if (!root.IsDefined() || root.IsNull()) {
      Report(Severity::kError, YAML::Mark::null_mark(),
             Format(Tr("the file is empty (expected keys: {0})"), {kFileKeys}));
      return std::nullopt;
    }
    if (!root.IsMap()) {
      Report(Severity::kError, root.Mark(),
             Format(Tr("expected a map with keys {0}"), {kFileKeys}));
      return std::nullopt;
    }

    CalendarYear result;
    result.year = year_;
    result.from_decision = true;
    result.file = file_;
    const auto fields =
        Fields(root, {"year", "source", "days_off", "working_saturdays"}, kFileKeys);
    Require(fields, root, {"year", "source", "days_off"});
    if (const Field* field = Find(fields, "year")) CheckYear(field->value, name);
    if (const Field* field = Find(fields, "source")) result.source = Text(field->value, "source");

    std::vector<ParsedRange> ranges;
    if (const Field* field = Find(fields, "days_off")) {
      if (!field->value.IsSequence()) {
        Report(Severity::kError, MarkOf(*field), Tr("days_off must be a list of days off"));
      } else {
        for (const YAML::Node& item : field->value) ParseRange(item, ranges);
      }
    }
    std::vector<ParsedSaturday> saturdays;
    if (const Field* field = Find(fields, "working_saturdays")) {
      if (!field->value.IsSequence()) {
        Report(Severity::kError, MarkOf(*field),
               Tr("working_saturdays must be a list (use [] for none)"));
      } else {
        for (const YAML::Node& item : field->value) ParseSaturday(item, saturdays);
      }
    }

    // Cross-field checks run on whatever parsed, so one bad date does not
    // hide the other problems of the file.
    CheckRanges(ranges);
    CheckSaturdays(saturdays, ranges);
    if (const Field* field = Find(fields, "days_off"); field && error_count_ == 0) {
      CheckHolidaysCovered(ranges, field->key.Mark());
    }
    if (error_count_ > 0) return std::nullopt;

    for (ParsedRange& parsed : ranges) {
      if (parsed.range.source.empty()) parsed.range.source = result.source;
      result.days_off.push_back(std::move(parsed.range));
    }
    std::stable_sort(result.days_off.begin(), result.days_off.end(),
                     [](const DayOffRange& a, const DayOffRange& b) { return a.first < b.first; });
    std::stable_sort(
        saturdays.begin(), saturdays.end(),
        [](const ParsedSaturday& a, const ParsedSaturday& b) { return a.date < b.date; });
    for (const ParsedSaturday& saturday : saturdays) {
      result.working_saturdays.push_back(saturday.date);
      result.working_saturday_sources.push_back(saturday.source.empty() ? result.source
                                                                        : saturday.source);
    }
    return result;
  }

 private:
  using Fields_ = std::map<std::string, Field>;

  std::string LinesAsText() const {
    std::string text;
    for (const std::string& line : lines_) text += line + "\n";
    return text;
  }

  // yaml-cpp marks are 0-based, and null (-1) when unknown.
  void Report(Severity severity, const YAML::Mark& mark, const std::string& message) {
    Diagnostic diagnostic;
    diagnostic.severity = severity;
    diagnostic.location.file = file_;
    if (!mark.is_null() && mark.line >= 0) {
      diagnostic.location.line = mark.line + 1;
      diagnostic.location.column = mark.column + 1;
      if (static_cast<std::size_t>(mark.line) < lines_.size()) {
        const std::string& line = lines_[static_cast<std::size_t>(mark.line)];
        diagnostic.source_line = line;
        // yaml-cpp counts bytes; columns count characters, so that they
        // agree with the caret under Vietnamese text.
        int column = 1;
        for (int i = 0; i < mark.column && static_cast<std::size_t>(i) < line.size(); ++i) {
          if ((static_cast<unsigned char>(line[static_cast<std::size_t>(i)]) & 0xC0) != 0x80) {
            ++column;
          }
        }
        diagnostic.location.column = column;
      }
    }
    diagnostic.message = message;
    if (severity == Severity::kError) ++error_count_;
    diagnostics_.Add(std::move(diagnostic));
  }

  // A value's own mark, or its key's when the value is empty (yaml-cpp gives
  // an empty value the position of whatever token follows it).
  static YAML::Mark MarkOf(const Field& field) {
    const YAML::Mark mark = field.value.Mark();
    return field.value.IsNull() || mark.is_null() || mark.line < 0 ? field.key.Mark() : mark;
  }

  // The known keys of a map; unknown and repeated keys are errors.
  Fields_ Fields(const YAML::Node& map, const std::set<std::string>& allowed,
                 const char* expected) {
    Fields_ fields;
    for (const auto& pair : map) {
      const YAML::Node& key = pair.first;
      if (!key.IsScalar()) {
        Report(Severity::kError, key.Mark(), Format(Tr("expected a key, one of: {0}"), {expected}));
        continue;
      }
      const std::string& name = key.Scalar();
      if (!allowed.count(name)) {
        Report(Severity::kError, key.Mark(),
               Format(Tr("unknown key {0} (expected: {1})"), {Quote(name), expected}));
      } else if (fields.count(name)) {
        Report(Severity::kError, key.Mark(), Format(Tr("duplicate key {0}"), {Quote(name)}));
      } else {
        fields[name] = {key, pair.second};
      }
    }
    return fields;
  }

  void Require(const Fields_& fields, const YAML::Node& map,
               std::initializer_list<const char*> required) {
    for (const char* name : required) {
      if (!fields.count(name)) {
        Report(Severity::kError, map.Mark(), Format(Tr("missing key {0}"), {Quote(name)}));
      }
    }
  }

  static const Field* Find(const Fields_& fields, const char* name) {
    const auto found = fields.find(name);
    return found == fields.end() ? nullptr : &found->second;
  }

  // A non-empty text value.
  std::string Text(const YAML::Node& value, const char* key) {
    if (!value.IsScalar()) {
      Report(Severity::kError, value.Mark(), Format(Tr("{0} must be text"), {key}));
      return "";
    }
    if (value.Scalar().empty()) {
      Report(Severity::kError, value.Mark(), Format(Tr("{0} must not be empty"), {key}));
    }
    return value.Scalar();
  }

  std::optional<Date> DateValue(const Field& field, const char* key) {
    if (!field.value.IsScalar()) {
      Report(Severity::kError, MarkOf(field),
             Format(Tr("{0} must be a date like 2024-02-08"), {key}));
      return std::nullopt;
    }
    const auto date = ParseIsoDate(field.value.Scalar());
    if (!date) {
      Report(Severity::kError, field.value.Mark(),
             Format(Tr("bad date {0} (expected YYYY-MM-DD, a day that exists)"),
                    {Quote(field.value.Scalar())}));
    }
    return date;
  }

  // The year is given twice (name and key) so that a copied file whose key
  // was not updated is caught instead of silently shadowing another year.
  void CheckYear(const YAML::Node& value, const std::string& file_name) {
    const std::string text = value.IsScalar() ? value.Scalar() : "";
    const bool digits =
        !text.empty() && text.size() <= 4 &&
        std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
    if (!digits) {
      Report(Severity::kError, value.Mark(),
             text.empty() ? std::string(Tr("year must be a number like 2024"))
                          : Format(Tr("year must be a number like 2024, not {0}"), {Quote(text)}));
    } else if (std::stoi(text) != year_) {
      Report(Severity::kError, value.Mark(),
             Format(Tr("year {0} does not match the file name {1}"), {text, file_name}));
    }
  }

  void ParseRange(const YAML::Node& item, std::vector<ParsedRange>& ranges) {
    if (!item.IsMap()) {
      Report(Severity::kError, item.Mark(),
             Format(Tr("a days_off entry must be a map with keys {0}"), {kRangeKeys}));
      return;
    }
    const auto fields = Fields(item, {"name", "first", "last", "source"}, kRangeKeys);
    Require(fields, item, {"name", "first"});
    ParsedRange parsed;
    bool ok = fields.count("name") && fields.count("first");
    if (const Field* field = Find(fields, "name")) parsed.range.name = Text(field->value, "name");
    if (const Field* field = Find(fields, "source")) {
      parsed.range.source = Text(field->value, "source");
    }
    if (const Field* field = Find(fields, "first")) {
      const auto first = DateValue(*field, "first");
      ok = ok && first.has_value();
      if (first) parsed.range.first = *first;
      parsed.first_mark = MarkOf(*field);
    }
    parsed.last_mark = parsed.first_mark;
    parsed.range.last = parsed.range.first;
    if (const Field* field = Find(fields, "last")) {
      const auto last = DateValue(*field, "last");
      ok = ok && last.has_value();
      if (last) parsed.range.last = *last;
      parsed.last_mark = MarkOf(*field);
    }
    // A range without a usable first or last day would only cause false
    // follow-up errors (outside the year, before first); its own error is
    // enough.
    if (ok) ranges.push_back(std::move(parsed));
  }

  void ParseSaturday(const YAML::Node& item, std::vector<ParsedSaturday>& saturdays) {
    if (!item.IsMap()) {
      Report(Severity::kError, item.Mark(),
             Format(Tr("a working_saturdays entry must be a map with keys {0}"), {kSaturdayKeys}));
      return;
    }
    const auto fields = Fields(item, {"date", "source"}, kSaturdayKeys);
    Require(fields, item, {"date"});
    ParsedSaturday parsed;
    if (const Field* field = Find(fields, "source")) parsed.source = Text(field->value, "source");
    const Field* date_field = Find(fields, "date");
    if (!date_field) return;
    const auto date = DateValue(*date_field, "date");
    if (!date) return;
    parsed.date = *date;
    parsed.mark = MarkOf(*date_field);
    saturdays.push_back(std::move(parsed));
  }

  void CheckRanges(const std::vector<ParsedRange>& ranges) {
    const Date year_first(year_, 1, 1);
    const Date year_last(year_, 12, 31);
    for (const ParsedRange& parsed : ranges) {
      const DayOffRange& range = parsed.range;
      if (range.last < range.first) {
        Report(Severity::kError, parsed.last_mark,
               Format(Tr("last {0} is before first {1}"),
                      {FormatIsoDate(range.last), FormatIsoDate(range.first)}));
        continue;
      }
      const long days = (range.last - range.first).days() + 1;
      if (days > kMaxBreakDays) {
        Report(Severity::kError, parsed.first_mark,
               Format(Tr("{0} is {1} days long; a break is at most {2} days"),
                      {DescribeRange(range.first, range.last), std::to_string(days),
                       std::to_string(kMaxBreakDays)}));
      } else if (range.last < year_first || range.first > year_last) {
        Report(Severity::kError, parsed.first_mark,
               Format(Tr("{0} is outside {1}, the year of this file"),
                      {DescribeRange(range.first, range.last), std::to_string(year_)}));
      }
    }
  }

  void CheckSaturdays(const std::vector<ParsedSaturday>& saturdays,
                      const std::vector<ParsedRange>& ranges) {
    std::set<Date> seen;
    for (const ParsedSaturday& saturday : saturdays) {
      const Date& date = saturday.date;
      if (date.year() != year_) {
        Report(Severity::kError, saturday.mark,
               Format(Tr("{0} is outside {1}, the year of this file"),
                      {FormatIsoDate(date), std::to_string(year_)}));
      } else if (date.day_of_week() != boost::date_time::Saturday) {
        Report(Severity::kError, saturday.mark,
               Format(Tr("{0} is a {1}, not a Saturday"),
                      {FormatIsoDate(date), Tr(kWeekdayNames[date.day_of_week().as_number()])}));
      } else if (!seen.insert(date).second) {
        Report(Severity::kError, saturday.mark,
               Format(Tr("working Saturday {0} is listed twice"), {FormatIsoDate(date)}));
      } else {
        for (const ParsedRange& parsed : ranges) {
          if (parsed.range.first <= date && date <= parsed.range.last) {
            Report(Severity::kError, saturday.mark,
                   Format(Tr("working Saturday {0} falls in days off {1} ({2})"),
                          {FormatIsoDate(date), Quote(parsed.range.name),
                           DescribeRange(parsed.range.first, parsed.range.last)}));
            break;
          }
        }
      }
    }
  }

  // A decision that leaves out a public holiday is almost surely a typo in
  // the file; warn rather than refuse, since the decision is the authority.
  void CheckHolidaysCovered(const std::vector<ParsedRange>& ranges, const YAML::Mark& mark) {
    const std::pair<Date, const char*> holidays[] = {
        {Date(year_, 1, 1), Tr("Tết Dương lịch (New Year's Day)")},
        {LunarNewYear(year_), Tr("Tết Nguyên Đán (lunar new year)")},
        {HungKingsDay(year_), Tr("Giỗ Tổ Hùng Vương (Hùng Kings day)")},
        {Date(year_, 4, 30), Tr("Ngày Chiến thắng (Victory Day)")},
        {Date(year_, 5, 1), Tr("Ngày Quốc tế Lao động (International Labour Day)")},
        {Date(year_, 9, 2), Tr("Quốc khánh (National Day)")},
    };
    for (const auto& holiday : holidays) {
      const Date& day = holiday.first;
      const bool covered = std::any_of(ranges.begin(), ranges.end(), [&](const ParsedRange& p) {
        return p.range.first <= day && day <= p.range.last;
      });
      if (!covered) {
        Report(Severity::kWarning, mark,
               Format(Tr("no days_off range covers {0}, {1}, a public holiday under the Labor "
                         "Code 2019, Art. 112"),
                      {FormatIsoDate(day), holiday.second}));
      }
    }
  }

  const std::string file_;
  Diagnostics& diagnostics_;
  std::vector<std::string> lines_;
  int year_ = 0;
  int error_count_ = 0;
};

}  // namespace

std::optional<CalendarYear> ParseCalendarFile(const std::string& text, const std::string& file,
                                              Diagnostics& diagnostics) {
  try {
    return FileParser(text, file, diagnostics).Parse();
  } catch (const std::exception& e) {
    // yaml-cpp and Boost report misuse by throwing; keep Load's promise.
    diagnostics.Error({file, 0, 0}, "", Format(Tr("cannot read the calendar: {0}"), {e.what()}));
    return std::nullopt;
  }
}

std::vector<CalendarYear> LoadCalendarDirectory(const std::string& directory,
                                                Diagnostics& diagnostics) {
  std::vector<CalendarYear> years;
  std::error_code error;
  fs::directory_iterator it(directory, error);
  if (error) {
    diagnostics.Error({directory, 0, 0}, "",
                      Format(Tr("cannot read the calendar directory: {0}"), {error.message()}));
    return years;
  }
  std::vector<std::string> names;
  for (; it != fs::directory_iterator(); it.increment(error)) {
    if (error) break;
    const std::string name = it->path().filename().string();
    const std::string extension = it->path().extension().string();
    if (name.empty() || name[0] == '.' || (extension != ".yaml" && extension != ".yml")) continue;
    if (!it->is_regular_file(error)) continue;
    names.push_back(name);
  }
  if (error) {
    diagnostics.Error({directory, 0, 0}, "",
                      Format(Tr("cannot read the calendar directory: {0}"), {error.message()}));
  }
  std::sort(names.begin(), names.end());

  std::map<int, std::string> first_file_of_year;
  for (const std::string& name : names) {
    const std::string path = (fs::path(directory) / name).string();
    if (const auto year = YearOfFileName(name)) {
      // Decided by the name alone, before parsing: the second file is refused
      // even when the first one has errors, so fixing the first cannot
      // silently bring in the second.
      const auto [found, inserted] = first_file_of_year.emplace(*year, path);
      if (!inserted) {
        diagnostics.Error({path, 0, 0}, "",
                          Format(Tr("a calendar for {0} is already loaded from {1}"),
                                 {std::to_string(*year), found->second}));
        continue;
      }
    }
    const FileText file = ReadFileText(path);
    if (!file.ok()) {
      diagnostics.Error({path, 0, 0}, "", Format(Tr("cannot read the file: {0}"), {file.error}));
      continue;
    }
    if (auto year = ParseCalendarFile(file.text, path, diagnostics)) {
      years.push_back(std::move(*year));
    }
  }
  return years;
}

}  // namespace dxcomply

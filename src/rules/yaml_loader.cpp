#include "rules/yaml_loader.hpp"

#include "base/file_text.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "rules/authority_loader.hpp"
#include "rules/rule_vocabulary.hpp"
#include "rules/yaml_node_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>

namespace dxcomply {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kFileKeys = {"theme", "obligations", "tables", "escalation",
                                            "authorities"};
const std::vector<std::string> kTierKeys = {"tier", "name", "name_en", "when", "when_any"};
const std::vector<std::string> kConditionWhenKeys = {"status", "due_within_warn_before",
                                                     "overdue_at_least", "blocks_other_agencies"};
const std::vector<std::string> kObligationKeys = {
    "id",          "title",     "title_en", "source",     "applies_to", "due",
    "issued_on",   "until",     "warn_before", "lead_time", "lookback",  "check",
    "depends_on",  "period",    "on_succession"};
const std::vector<std::string> kDueKeys = {"date",  "in_month",     "end_of_year", "roll",
                                           "after", "after_column", "days",        "working_days",
                                           "every", "first",        "last",        "month_offset",
                                           "day",   "working_day",  "assumed"};
const std::vector<std::string> kSourceKeys = {"document", "passage", "assumed", "basis",
                                              "basis_date"};
const std::vector<std::string> kScopeKeys = {"kinds", "agencies", "except", "national"};
const std::vector<std::string> kCheckKeys = {"kind",      "table",    "where",      "satisfied",
                                             "target",    "at_least", "empty_base", "obligation",
                                             "indicator", "complete"};
const std::vector<std::string> kConditionKeys = {"column", "op", "value", "values"};
const std::vector<std::string> kDependencyKeys = {"obligation", "agency", "agencies", "kinds",
                                                  "lead_time"};
const std::vector<std::string> kTableKeys = {"name",    "id",    "agency", "lifetime",
                                             "columns", "sheet", "key"};
const std::vector<std::string> kLifetimeKeys = {"from", "until"};
const std::vector<std::string> kColumnKeys = {
    "name",  "type", "min",    "max",        "values",     "nullable",   "optional",
    "label", "note", "labels", "references", "not_before", "required_when"};
const std::vector<std::string> kRequiredWhenKeys = {"column", "value"};

// What people coming from SQL or other rule languages write instead.
std::string SuggestOperator(const std::string& op) {
  static const std::map<std::string, std::string> kAliases = {{"lte", "le"},
                                                              {"gte", "ge"},
                                                              {"<=", "le"},
                                                              {">=", "ge"},
                                                              {"<", "lt"},
                                                              {">", "gt"},
                                                              {"=", "eq"},
                                                              {"==", "eq"},
                                                              {"!=", "ne"},
                                                              {"<>", "ne"},
                                                              {"neq", "ne"},
                                                              {"nin", "not_in"},
                                                              {"null", "is_null"},
                                                              {"isnull", "is_null"},
                                                              {"notnull", "not_null"},
                                                              {"is_not_null", "not_null"}};
  const auto alias = kAliases.find(op);
  return alias != kAliases.end() ? alias->second : NearestWord(op, kCompareOpNames);
}

bool IsValidId(const std::string& id) {
  static const std::regex kPattern("[A-Za-z0-9][A-Za-z0-9._-]*");
  return std::regex_match(id, kPattern);
}

// Reads one file. Holds the reader and the rule id being read, so that every
// diagnostic names both.
class RuleFileLoader {
 public:
  RuleFileLoader(const std::string& file, const std::string& text, RuleSet& rules,
                 Diagnostics& diagnostics)
      : reader_(file, text, diagnostics), text_(text), rules_(rules) {}

  void Load() {
    const std::optional<YAML::Node> root = reader_.Parse(text_);
    if (!root) return;
    if (root->IsNull()) {
      reader_.Error(*root, "", Tr("the file is empty (expected 'obligations:' or 'tables:')"));
      return;
    }
    if (!reader_.CheckMap(*root, kFileKeys, "", Tr("a rules file"))) return;
    std::string theme;
    if (const YAML::Node node = YamlNodeReader::Get(*root, "theme"); node.IsDefined()) {
      theme = reader_.Text(node, "", "theme").value_or("");
    }
    const YAML::Node obligations = YamlNodeReader::Get(*root, "obligations");
    const YAML::Node tables = YamlNodeReader::Get(*root, "tables");
    const YAML::Node escalation = YamlNodeReader::Get(*root, "escalation");
    const YAML::Node authorities = YamlNodeReader::Get(*root, "authorities");
    if (!obligations.IsDefined() && !tables.IsDefined() && !escalation.IsDefined() &&
        !authorities.IsDefined()) {
      reader_.Error(*root, "",
                    Tr("a rules file needs 'obligations:', 'tables:', 'escalation:' or "
                       "'authorities:'"));
    }
    if (obligations.IsDefined()) LoadObligations(obligations, theme);
    if (tables.IsDefined()) LoadTables(tables);
    if (escalation.IsDefined()) LoadEscalation(escalation);
    if (authorities.IsDefined()) LoadAuthorities(authorities, reader_, rules_);
  }

 private:
  void LoadObligations(const YAML::Node& list, const std::string& theme) {
    if (!list.IsSequence()) {
      reader_.Error(list, "", Tr("'obligations' must be a list of obligations"));
      return;
    }
    for (const YAML::Node& node : list) {
      Obligation obligation;
      obligation.theme = theme;
      if (LoadObligation(node, obligation)) rules_.obligations.push_back(std::move(obligation));
    }
  }

  // Returns false when the entry is too broken to keep (no usable id).
  bool LoadObligation(const YAML::Node& node, Obligation& out) {
    out.location = reader_.At(node);
    if (!node.IsMap()) {
      reader_.Error(node, "", Tr("each obligation must be a map of keys"));
      return false;
    }
    const YAML::Node id_node = YamlNodeReader::Get(node, "id");
    if (!id_node.IsDefined()) {
      reader_.Error(node, "", Tr("obligation without 'id'"));
      return false;
    }
    const std::optional<std::string> id = reader_.Text(id_node, "", "id");
    if (!id) return false;
    out.id = *id;
    out.location = reader_.At(id_node);
    if (!IsValidId(out.id)) {
      reader_.Error(
          id_node, out.id,
          Tr("id must be letters, digits, '.', '_' or '-', starting with a letter or digit"));
    }
    reader_.CheckMap(node, kObligationKeys, out.id, Tr("an obligation"));

    out.title = RequiredText(node, "title", out.id);
    if (const YAML::Node n = YamlNodeReader::Get(node, "title_en"); n.IsDefined()) {
      out.title_en = reader_.Text(n, out.id, "title_en").value_or("");
    }
    LoadSource(node, out);
    LoadScope(node, out);
    LoadDue(node, out);
    if (const YAML::Node n = YamlNodeReader::Get(node, "issued_on"); n.IsDefined()) {
      out.issued_on = reader_.IsoDate(n, out.id, "issued_on");
      if (out.issued_on && !out.due.date.is_not_a_date() && out.due.date < *out.issued_on) {
        reader_.Error(n, out.id, Tr("issued_on is after the due date"));
      }
    }
    LoadInForce(node, out);
    if (const YAML::Node n = YamlNodeReader::Get(node, "warn_before"); n.IsDefined()) {
      if (auto count = ParseDayCount(n, out.id, "warn_before")) out.warn_before = *count;
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "lead_time"); n.IsDefined()) {
      out.lead_time = ParseDayCount(n, out.id, "lead_time");
    }
    out.lookback_days = OptionalDays(node, "lookback", out.id, kDefaultLookbackDays, 1);
    if (const YAML::Node n = YamlNodeReader::Get(node, "period"); n.IsDefined()) {
      out.period = reader_.Text(n, out.id, "period").value_or("");
    }
    LoadCheck(node, out);
    LoadDependencies(node, out);
    return true;
  }

  std::string RequiredText(const YAML::Node& map, const std::string& key,
                           const std::string& rule_id) {
    const YAML::Node node = YamlNodeReader::Get(map, key);
    if (!node.IsDefined()) {
      reader_.Error(map, rule_id, Format(Tr("missing '{0}'"), {key}));
      return "";
    }
    const std::string text = reader_.Text(node, rule_id, key).value_or("");
    if (text.empty() && node.IsScalar()) {
      reader_.Error(node, rule_id, Format(Tr("'{0}' is empty"), {key}));
    }
    return text;
  }

  int OptionalDays(const YAML::Node& map, const std::string& key, const std::string& rule_id,
                   int fallback, int minimum) {
    const YAML::Node node = YamlNodeReader::Get(map, key);
    if (!node.IsDefined()) return fallback;
    const std::optional<std::int64_t> days =
        reader_.Integer(node, rule_id, Format(Tr("{0} (days)"), {key}));
    if (!days) return fallback;
    if (*days < minimum || *days > 3660) {
      reader_.Error(
          node, rule_id,
          Format(Tr("{0} must be between {1} and 3660 days"), {key, std::to_string(minimum)}));
      return fallback;
    }
    return static_cast<int>(*days);
  }

  void LoadSource(const YAML::Node& map, Obligation& out) {
    const YAML::Node node = YamlNodeReader::Get(map, "source");
    if (!node.IsDefined()) {
      reader_.Error(map, out.id,
                    Tr("missing 'source' (the document and passage the duty comes from)"));
      return;
    }
    if (!reader_.CheckMap(node, kSourceKeys, out.id, "source")) return;
    out.source.document = RequiredText(node, "document", out.id);
    if (const YAML::Node n = YamlNodeReader::Get(node, "passage"); n.IsDefined()) {
      out.source.passage = reader_.Text(n, out.id, "passage").value_or("");
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "assumed"); n.IsDefined()) {
      out.source.assumed = reader_.Text(n, out.id, "assumed").value_or("");
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "basis"); n.IsDefined()) {
      out.source.basis = reader_.Text(n, out.id, "basis").value_or("");
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "basis_date"); n.IsDefined()) {
      out.source.basis_date = reader_.IsoDate(n, out.id, "basis_date");
      if (out.source.basis.empty()) reader_.Error(n, out.id, Tr("basis_date without basis"));
    }
  }

  void LoadScope(const YAML::Node& map, Obligation& out) {
    const YAML::Node node = YamlNodeReader::Get(map, "applies_to");
    if (!node.IsDefined()) {
      reader_.Error(map, out.id, Tr("missing 'applies_to'"));
      return;
    }
    out.applies_to.location = reader_.At(node);
    if (!reader_.CheckMap(node, kScopeKeys, out.id, "applies_to")) return;
    if (const YAML::Node n = YamlNodeReader::Get(node, "kinds"); n.IsDefined()) {
      out.applies_to.kinds =
          reader_.TextList(n, out.id, "kinds").value_or(std::vector<std::string>{});
      CheckKinds(n, out.applies_to.kinds, out.id);
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "agencies"); n.IsDefined()) {
      out.applies_to.agencies =
          reader_.TextList(n, out.id, "agencies").value_or(std::vector<std::string>{});
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "except"); n.IsDefined()) {
      out.applies_to.except =
          reader_.TextList(n, out.id, "except").value_or(std::vector<std::string>{});
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "national"); n.IsDefined()) {
      out.applies_to.national = reader_.Boolean(n, out.id, "national").value_or(false);
    }
    if (out.applies_to.kinds.empty() && out.applies_to.agencies.empty() &&
        !out.applies_to.national) {
      reader_.Error(node, out.id, Tr("applies_to names no agency kind, agency or national scope"));
    }
  }

  // Points at the offending entry itself when the kinds are a list.
  void CheckKinds(const YAML::Node& node, const std::vector<std::string>& kinds,
                  const std::string& rule_id) {
    for (std::size_t i = 0; i < kinds.size(); ++i) {
      const std::string& kind = kinds[i];
      if (std::find(kAgencyKinds.begin(), kAgencyKinds.end(), kind) != kAgencyKinds.end()) continue;
      const YAML::Node at = node.IsSequence() && i < node.size() ? node[i] : node;
      reader_.Error(at, rule_id,
                    Format(Tr("unknown agency kind '{0}' (expected one of: {1})"),
                           {kind, JoinWords(kAgencyKinds)}));
    }
  }

  void LoadDue(const YAML::Node& map, Obligation& out) {
    const YAML::Node node = YamlNodeReader::Get(map, "due");
    if (!node.IsDefined()) {
      reader_.Error(map, out.id, Tr("missing 'due'"));
      return;
    }
    Due& due = out.due;
    due.location = reader_.At(node);
    if (node.IsScalar()) {
      if (auto date = reader_.IsoDate(node, out.id, "due")) due.date = *date;
      return;
    }
    if (!reader_.CheckMap(node, kDueKeys, out.id, "due")) return;
    const auto has = [&](const char* key) { return YamlNodeReader::Get(node, key).IsDefined(); };
    // Exactly one way of saying when.
    std::vector<std::string> forms;
    for (const char* key : {"date", "in_month", "end_of_year", "after", "after_column", "every"}) {
      if (has(key)) forms.push_back(key);
    }
    if (forms.size() != 1) {
      reader_.Error(node, out.id,
                    forms.empty()
                        ? std::string(Tr("due needs exactly one of date, in_month, "
                                         "end_of_year, after, after_column, every"))
                        : Format(Tr("due needs exactly one of date, in_month, "
                                    "end_of_year, after, after_column, every (found {0})"),
                                 {JoinWords(forms)}));
      return;
    }
    const std::string form = forms.front();
    std::vector<std::string> allowed = {form, "assumed"};
    if (const YAML::Node n = YamlNodeReader::Get(node, "assumed"); n.IsDefined()) {
      due.assumed = reader_.Boolean(n, out.id, "assumed").value_or(false);
    }
    if (form == "date" || form == "in_month" || form == "end_of_year") {
      allowed.push_back("roll");
      LoadFixedDue(node, form, out);
    } else if (form == "after" || form == "after_column") {
      allowed.insert(allowed.end(), {"days", "working_days"});
      due.kind = form == "after" ? Due::Kind::kAfter : Due::Kind::kPerRecord;
      (form == "after" ? due.after : due.after_column) = RequiredText(node, form, out.id);
      LoadOffsetDays(node, out);
    } else {
      allowed.insert(allowed.end(),
                     {"first", "last", "month_offset", "day", "working_day", "roll"});
      LoadRecurringDue(node, out);
    }
    for (const auto& entry : node) {
      const std::string key = entry.first.Scalar();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end() &&
          std::find(kDueKeys.begin(), kDueKeys.end(), key) != kDueKeys.end()) {
        reader_.Error(entry.first, out.id,
                      Format(Tr("'{0}' does not go with '{1}' (it takes: {2})"),
                             {key, form, JoinWords(allowed)}));
      }
    }
  }

  // `until` (no longer in force from that date) and `on_succession`.
  void LoadInForce(const YAML::Node& node, Obligation& out) {
    if (const YAML::Node n = YamlNodeReader::Get(node, "until"); n.IsDefined()) {
      out.until = reader_.IsoDate(n, out.id, "until");
      if (out.until && out.issued_on && *out.until <= *out.issued_on) {
        reader_.Error(n, out.id,
                      Tr("until is not after issued_on: the duty would never be in force"));
      } else if (out.until && out.due.kind == Due::Kind::kRecurring &&
                 *out.until <= out.due.first.First()) {
        reader_.Error(n, out.id,
                      Tr("until is not after the first period begins: no period would be owed"));
      }
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "on_succession"); n.IsDefined()) {
      static const std::vector<std::string> kChoices = {"main", "every", "lapse"};
      const std::string text = reader_.Text(n, out.id, "on_succession").value_or("");
      if (text == "main") {
        out.on_succession = OnSuccession::kMain;
      } else if (text == "every") {
        out.on_succession = OnSuccession::kEvery;
      } else if (text == "lapse") {
        out.on_succession = OnSuccession::kLapse;
      } else if (n.IsScalar()) {
        const std::string nearest = NearestWord(text, kChoices);
        reader_.Error(
            n, out.id,
            nearest.empty()
                ? Format(Tr("on_succession must be main, every or lapse, not '{0}'"), {text})
                : Format(Tr("on_succession must be main, every or lapse, not '{0}' (did "
                            "you mean '{1}'?)"),
                         {text, nearest}));
      }
    }
  }

  void LoadFixedDue(const YAML::Node& node, const std::string& form, Obligation& out) {
    Due& due = out.due;
    due.kind = Due::Kind::kFixed;
    const YAML::Node value = YamlNodeReader::Get(node, form);
    if (form == "date") {
      if (auto date = reader_.IsoDate(value, out.id, "date")) due.date = *date;
    } else if (form == "in_month") {
      const std::optional<Period> month = ParsePeriod(value, Frequency::kMonth, out.id, "in_month");
      if (month) due.date = month->Next().First() - boost::gregorian::days(1);
    } else {
      const std::optional<Period> year =
          ParsePeriod(value, Frequency::kYear, out.id, "end_of_year");
      if (year) due.date = Date(static_cast<unsigned short>(year->year), 12, 31);
    }
    if (const YAML::Node roll = YamlNodeReader::Get(node, "roll"); roll.IsDefined()) {
      const std::string text = reader_.Text(roll, out.id, "roll").value_or("");
      if (text == "next_working_day") {
        due.roll_to_working_day = true;
      } else if (roll.IsScalar()) {
        reader_.Error(roll, out.id, Format(Tr("roll must be next_working_day, not '{0}'"), {text}));
      }
    }
  }

  void LoadOffsetDays(const YAML::Node& node, Obligation& out) {
    Due& due = out.due;
    const YAML::Node days = YamlNodeReader::Get(node, "days");
    const YAML::Node working = YamlNodeReader::Get(node, "working_days");
    if (days.IsDefined() == working.IsDefined()) {
      reader_.Error(node, out.id, Tr("say either days or working_days"));
      return;
    }
    const YAML::Node& count = days.IsDefined() ? days : working;
    due.unit = days.IsDefined() ? DayUnit::kCalendar : DayUnit::kWorking;
    if (auto value = reader_.Integer(count, out.id, days.IsDefined() ? "days" : "working_days")) {
      if (*value < 0 || *value > 3660) {
        reader_.Error(count, out.id, Tr("the number of days must be between 0 and 3660"));
      } else {
        due.days = static_cast<int>(*value);
      }
    }
  }

  void LoadRecurringDue(const YAML::Node& node, Obligation& out) {
    Due& due = out.due;
    due.kind = Due::Kind::kRecurring;
    const YAML::Node every = YamlNodeReader::Get(node, "every");
    const std::string text = reader_.Text(every, out.id, "every").value_or("");
    Frequency frequency;
    if (text == "month") {
      frequency = Frequency::kMonth;
    } else if (text == "quarter") {
      frequency = Frequency::kQuarter;
    } else if (text == "year") {
      frequency = Frequency::kYear;
    } else {
      if (every.IsScalar()) {
        reader_.Error(every, out.id,
                      Format(Tr("every must be month, quarter or year, not '{0}'"), {text}));
      }
      return;
    }
    const YAML::Node first = YamlNodeReader::Get(node, "first");
    if (!first.IsDefined()) {
      reader_.Error(node, out.id, Tr("a recurring due date needs 'first' (the first period)"));
      return;
    }
    if (auto period = ParsePeriod(first, frequency, out.id, "first")) due.first = *period;
    if (const YAML::Node last = YamlNodeReader::Get(node, "last"); last.IsDefined()) {
      due.last = ParsePeriod(last, frequency, out.id, "last");
      if (due.last && *due.last < due.first) {
        reader_.Error(last, out.id, Tr("last comes before first"));
      }
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "month_offset"); n.IsDefined()) {
      const auto offset = reader_.Integer(n, out.id, "month_offset");
      if (offset && (*offset < -24 || *offset > 24)) {
        reader_.Error(n, out.id, Tr("month_offset must be between -24 and 24"));
      } else if (offset) {
        due.month_offset = static_cast<int>(*offset);
      }
    }
    const YAML::Node day = YamlNodeReader::Get(node, "day");
    const YAML::Node working_day = YamlNodeReader::Get(node, "working_day");
    if (day.IsDefined() == working_day.IsDefined()) {
      reader_.Error(node, out.id, Tr("a recurring due date needs either day or working_day"));
      return;
    }
    if (day.IsDefined()) {
      if (day.IsScalar() && day.Scalar() == "last") {
        due.day = 0;
      } else if (auto value = reader_.Integer(day, out.id, "day (1-31 or last)")) {
        // A day that is off moves to the next working day only if asked.
        if (*value < 1 || *value > 31) {
          reader_.Error(day, out.id, Tr("day must be 1-31 or last"));
        } else {
          due.day = static_cast<int>(*value);
        }
      }
      if (const YAML::Node roll = YamlNodeReader::Get(node, "roll"); roll.IsDefined()) {
        due.roll_to_working_day = roll.IsScalar() && roll.Scalar() == "next_working_day";
        if (!due.roll_to_working_day) {
          reader_.Error(roll, out.id, Tr("roll must be next_working_day"));
        }
      }
    } else if (auto value = reader_.Integer(working_day, out.id, "working_day")) {
      if (*value < 1 || *value > 23) {
        reader_.Error(working_day, out.id, Tr("working_day must be between 1 and 23"));
      } else {
        due.working_day = static_cast<int>(*value);
      }
    }
  }

  // "2023-09" (month), "2023-Q3" (quarter), "2023" (year).
  std::optional<Period> ParsePeriod(const YAML::Node& node, Frequency frequency,
                                    const std::string& rule_id, const std::string& what) {
    static const char* const kShapes[] = {"YYYY-MM", "YYYY-Qn", "YYYY"};
    const std::string text = node.IsScalar() ? node.Scalar() : "";
    Period period;
    period.frequency = frequency;
    int year = 0, index = 0;
    char extra = 0;
    bool ok = false;
    switch (frequency) {
      case Frequency::kMonth:
        ok = text.size() == 7 &&
             std::sscanf(text.c_str(), "%4d-%2d%c", &year, &index, &extra) == 2 && index >= 1 &&
             index <= 12;
        break;
      case Frequency::kQuarter:
        ok = text.size() == 7 &&
             std::sscanf(text.c_str(), "%4d-Q%1d%c", &year, &index, &extra) == 2 && index >= 1 &&
             index <= 4;
        break;
      case Frequency::kYear:
        ok = text.size() == 4 && std::sscanf(text.c_str(), "%4d%c", &year, &extra) == 1;
        break;
    }
    if (!ok || year < 1900 || year > 2199) {
      reader_.Error(node, rule_id,
                    Format(Tr("{0} must be a period written {1}, not '{2}'"),
                           {what, kShapes[static_cast<int>(frequency)], text}));
      return std::nullopt;
    }
    period.year = year;
    period.index = index;
    return period;
  }

  // 14, "14 days" or "10 working days".
  std::optional<DayCount> ParseDayCount(const YAML::Node& node, const std::string& rule_id,
                                        const std::string& what) {
    if (node.IsScalar()) {
      std::istringstream words(node.Scalar());
      std::vector<std::string> tokens;
      for (std::string token; words >> token;) tokens.push_back(token);
      DayCount count;
      bool ok = !tokens.empty() && !tokens[0].empty() &&
                tokens[0].find_first_not_of("0123456789") == std::string::npos &&
                tokens[0].size() <= 4;
      if (ok) count.days = std::stoi(tokens[0]);
      const auto is_days = [](const std::string& word) { return word == "days" || word == "day"; };
      if (tokens.size() == 2) {
        ok = ok && is_days(tokens[1]);
      } else if (tokens.size() == 3) {
        ok = ok && tokens[1] == "working" && is_days(tokens[2]);
        count.unit = DayUnit::kWorking;
      } else if (tokens.size() != 1) {
        ok = false;
      }
      if (ok && count.days <= 3660) return count;
    }
    reader_.Error(
        node, rule_id,
        Format(Tr("{0} must be a number of days: 14, \"14 days\" or \"10 working days\""), {what}));
    return std::nullopt;
  }

  void LoadCheck(const YAML::Node& map, Obligation& out) {
    const YAML::Node node = YamlNodeReader::Get(map, "check");
    if (!node.IsDefined()) {
      reader_.Error(map, out.id, Tr("missing 'check'"));
      return;
    }
    Check& check = out.check;
    check.location = reader_.At(node);
    if (!reader_.CheckMap(node, kCheckKeys, out.id, "check")) return;
    const std::string kind = RequiredText(node, "kind", out.id);
    const YAML::Node kind_node = YamlNodeReader::Get(node, "kind");
    if (const auto parsed = ParseCheckKind(kind)) {
      check.kind = *parsed;
    } else if (!kind.empty()) {
      reader_.Error(kind_node, out.id,
                    Format(Tr("unknown check kind '{0}' (expected one of: {1})"),
                           {kind, JoinWords(kCheckKindNames)}));
      return;
    } else {
      return;
    }

    // Which keys each kind takes; anything else is a mistake worth reporting.
    std::vector<std::string> allowed = {"kind"};
    switch (check.kind) {
      case CheckKind::kCoverage:
        allowed.insert(allowed.end(), {"table", "where", "satisfied", "target", "empty_base"});
        break;
      case CheckKind::kCount:
        allowed.insert(allowed.end(), {"table", "where", "at_least"});
        break;
      case CheckKind::kTask:
        allowed.insert(allowed.end(), {"obligation", "where", "satisfied", "target", "complete"});
        break;
      case CheckKind::kIndicator:
        allowed.insert(allowed.end(), {"indicator", "target"});
        break;
    }
    for (const auto& entry : node) {
      const std::string key = entry.first.Scalar();
      if (std::find(kCheckKeys.begin(), kCheckKeys.end(), key) == kCheckKeys.end()) continue;
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        reader_.Error(entry.first, out.id,
                      Format(Tr("'{0}' does not apply to a {1} check (it takes: {2})"),
                             {key, kind, JoinWords(allowed)}));
      }
    }

    switch (check.kind) {
      case CheckKind::kCoverage:
        check.table = RequiredText(node, "table", out.id);
        check.where = LoadPredicate(YamlNodeReader::Get(node, "where"), out.id, "where");
        if (!YamlNodeReader::Get(node, "satisfied").IsDefined()) {
          reader_.Error(node, out.id, Tr("a coverage check needs 'satisfied'"));
        }
        check.satisfied =
            LoadPredicate(YamlNodeReader::Get(node, "satisfied"), out.id, "satisfied");
        check.target = LoadShare(YamlNodeReader::Get(node, "target"), out.id, 1.0);
        LoadEmptyBase(YamlNodeReader::Get(node, "empty_base"), out);
        break;
      case CheckKind::kCount: {
        check.table = RequiredText(node, "table", out.id);
        check.where = LoadPredicate(YamlNodeReader::Get(node, "where"), out.id, "where");
        const YAML::Node at_least = YamlNodeReader::Get(node, "at_least");
        if (!at_least.IsDefined()) {
          reader_.Error(node, out.id, Tr("a count check needs 'at_least'"));
        } else if (auto value = reader_.Integer(at_least, out.id, "at_least")) {
          if (*value < 1) reader_.Error(at_least, out.id, Tr("at_least must be 1 or more"));
          check.at_least = *value;
          check.target = static_cast<double>(*value);
        }
        break;
      }
      case CheckKind::kTask:
        check.table = kTaskTable;
        check.task_obligation = out.id;
        if (const YAML::Node n = YamlNodeReader::Get(node, "obligation"); n.IsDefined()) {
          check.task_obligation = reader_.Text(n, out.id, "obligation").value_or(out.id);
        }
        check.where = LoadPredicate(YamlNodeReader::Get(node, "where"), out.id, "where");
        check.satisfied =
            LoadPredicate(YamlNodeReader::Get(node, "satisfied"), out.id, "satisfied");
        check.target = LoadShare(YamlNodeReader::Get(node, "target"), out.id, 1.0);
        LoadComplete(node, out);
        break;
      case CheckKind::kIndicator: {
        check.table = kMeasurementTable;
        check.indicator = RequiredText(node, "indicator", out.id);
        const YAML::Node target = YamlNodeReader::Get(node, "target");
        if (!target.IsDefined()) {
          reader_.Error(node, out.id, Tr("an indicator check needs 'target'"));
        } else if (auto value = ParseNumberOrPercent(target, out.id, "target")) {
          check.target = *value;
        }
        break;
      }
    }
  }

  // `complete: all` (default: every task row, or the share `target` of
  // them) or `complete: any` (one row suffices; a target would contradict it).
  void LoadComplete(const YAML::Node& check, Obligation& out) {
    const YAML::Node node = YamlNodeReader::Get(check, "complete");
    if (!node.IsDefined()) return;
    const std::string value = reader_.Text(node, out.id, "complete").value_or("");
    if (value == "all") {
      out.check.complete = TaskRowsNeeded::kAll;
    } else if (value == "any") {
      out.check.complete = TaskRowsNeeded::kAny;
      if (YamlNodeReader::Get(check, "target").IsDefined()) {
        reader_.Error(node, out.id,
                      Tr("complete: any takes no target (one completed task row reaches it)"));
      }
    } else if (node.IsScalar()) {
      reader_.Error(node, out.id, Format(Tr("complete must be all or any, not '{0}'"), {value}));
    }
  }

  void LoadEmptyBase(const YAML::Node& node, Obligation& out) {
    if (!node.IsDefined()) return;
    const std::string value = reader_.Text(node, out.id, "empty_base").value_or("");
    if (value == "not_applicable") {
      out.check.empty_base = EmptyBase::kNotApplicable;
    } else if (value == "met") {
      out.check.empty_base = EmptyBase::kMet;
    } else if (node.IsScalar()) {
      reader_.Error(node, out.id,
                    Format(Tr("empty_base must be not_applicable or met, not '{0}'"), {value}));
    }
  }

  // "80%", "12.5%", 0.8 or 1.
  std::optional<double> ParseNumberOrPercent(const YAML::Node& node, const std::string& rule_id,
                                             const std::string& what) {
    if (node.IsScalar()) {
      std::string text = node.Scalar();
      const bool percent = !text.empty() && text.back() == '%';
      if (percent) text.pop_back();
      std::size_t used = 0;
      try {
        const double value = std::stod(text, &used);
        if (used == text.size() && !text.empty()) return percent ? value / 100.0 : value;
      } catch (const std::exception&) {
        // Reported below.
      }
    }
    reader_.Error(node, rule_id,
                  Format(Tr("{0} must be a number or a percentage such as 80%"), {what}));
    return std::nullopt;
  }

  double LoadShare(const YAML::Node& node, const std::string& rule_id, double fallback) {
    if (!node.IsDefined()) return fallback;
    const std::optional<double> value = ParseNumberOrPercent(node, rule_id, "target");
    if (!value) return fallback;
    if (*value <= 0 || *value > 1) {
      reader_.Error(node, rule_id,
                    Tr("target must be a share above 0% and at most 100% (write 80% or 0.8)"));
      return fallback;
    }
    return *value;
  }

  Predicate LoadPredicate(const YAML::Node& node, const std::string& rule_id,
                          const std::string& what) {
    Predicate predicate;
    if (!node.IsDefined() || node.IsNull()) return predicate;
    if (node.IsMap()) {  // A single condition may be written without the list.
      if (auto condition = LoadCondition(node, rule_id, what)) predicate.push_back(*condition);
      return predicate;
    }
    if (!node.IsSequence()) {
      reader_.Error(node, rule_id, Format(Tr("{0} must be a list of conditions"), {what}));
      return predicate;
    }
    for (const YAML::Node& item : node) {
      if (auto condition = LoadCondition(item, rule_id, what)) predicate.push_back(*condition);
    }
    return predicate;
  }

  std::optional<Condition> LoadCondition(const YAML::Node& node, const std::string& rule_id,
                                         const std::string& what) {
    if (!reader_.CheckMap(node, kConditionKeys, rule_id,
                          Format(Tr("a condition of {0}"), {what}))) {
      return std::nullopt;
    }
    Condition condition;
    condition.location = reader_.At(node);
    condition.column = RequiredText(node, "column", rule_id);
    const YAML::Node op_node = YamlNodeReader::Get(node, "op");
    const std::string op = RequiredText(node, "op", rule_id);
    if (op.empty()) return std::nullopt;
    const std::optional<CompareOp> parsed = ParseCompareOp(op);
    if (!parsed) {
      const std::string nearest = SuggestOperator(op);
      reader_.Error(op_node, rule_id,
                    nearest.empty()
                        ? Format(Tr("unknown operator '{0}' (expected one of: {1})"),
                                 {op, JoinWords(kCompareOpNames)})
                        : Format(Tr("unknown operator '{0}' (expected: {1})"), {op, nearest}));
      return std::nullopt;
    }
    condition.op = *parsed;

    const YAML::Node value = YamlNodeReader::Get(node, "value");
    const YAML::Node values = YamlNodeReader::Get(node, "values");
    const bool takes_list = condition.op == CompareOp::kIn || condition.op == CompareOp::kNotIn;
    const bool takes_none =
        condition.op == CompareOp::kIsNull || condition.op == CompareOp::kNotNull;
    if (takes_none) {
      if (value.IsDefined() || values.IsDefined()) {
        reader_.Error(value.IsDefined() ? value : values, rule_id,
                      Format(Tr("{0} takes no value"), {op}));
      }
      return condition;
    }
    if (takes_list) {
      const YAML::Node list = values.IsDefined() ? values : value;
      if (!list.IsDefined()) {
        reader_.Error(node, rule_id, Format(Tr("{0} needs 'values: [...]'"), {op}));
        return std::nullopt;
      }
      const auto items = reader_.TextList(list, rule_id, "values");
      if (!items) return std::nullopt;
      if (items->empty()) {
        reader_.Error(list, rule_id, Format(Tr("{0} needs at least one value"), {op}));
        return std::nullopt;
      }
      for (const std::string& item : *items) {
        if (auto operand = LoadOperand(item, list, rule_id)) condition.values.push_back(*operand);
      }
      return condition;
    }
    if (values.IsDefined()) {
      reader_.Error(values, rule_id,
                    Format(Tr("{0} compares with one 'value', not 'values'"), {op}));
      return std::nullopt;
    }
    if (!value.IsDefined() || value.IsNull()) {
      reader_.Error(node, rule_id, Format(Tr("{0} needs a 'value'"), {op}));
      return std::nullopt;
    }
    const auto text = reader_.Text(value, rule_id, "value");
    if (!text) return std::nullopt;
    if (auto operand = LoadOperand(*text, value, rule_id)) condition.values.push_back(*operand);
    return condition;
  }

  // Values stay text here; the validator types them by their column.
  std::optional<Operand> LoadOperand(const std::string& text, const YAML::Node& node,
                                     const std::string& rule_id) {
    Operand operand;
    if (!text.empty() && text[0] == '$') {
      if (text == "$as_of") {
        operand.kind = Operand::Kind::kAsOf;
      } else if (text == "$due") {
        operand.kind = Operand::Kind::kDue;
      } else {
        reader_.Error(node, rule_id,
                      Format(Tr("unknown symbol '{0}' (expected $as_of or $due)"), {text}));
        return std::nullopt;
      }
      return operand;
    }
    operand.kind = Operand::Kind::kText;
    operand.text = text;
    return operand;
  }

  void LoadDependencies(const YAML::Node& map, Obligation& out) {
    const YAML::Node node = YamlNodeReader::Get(map, "depends_on");
    if (!node.IsDefined() || node.IsNull()) return;
    if (!node.IsSequence()) {
      reader_.Error(node, out.id, Tr("depends_on must be a list"));
      return;
    }
    for (const YAML::Node& item : node) {
      Dependency dependency;
      dependency.location = reader_.At(item);
      if (item.IsScalar()) {
        dependency.obligation = item.Scalar();
        out.depends_on.push_back(dependency);
        continue;
      }
      if (!reader_.CheckMap(item, kDependencyKeys, out.id, Tr("a depends_on entry"))) continue;
      dependency.obligation = RequiredText(item, "obligation", out.id);
      if (const YAML::Node n = YamlNodeReader::Get(item, "agency"); n.IsDefined()) {
        if (auto agency = reader_.Text(n, out.id, "agency")) dependency.agencies.push_back(*agency);
      }
      if (const YAML::Node n = YamlNodeReader::Get(item, "agencies"); n.IsDefined()) {
        for (const std::string& agency :
             reader_.TextList(n, out.id, "agencies").value_or(std::vector<std::string>{})) {
          dependency.agencies.push_back(agency);
        }
      }
      if (const YAML::Node n = YamlNodeReader::Get(item, "kinds"); n.IsDefined()) {
        dependency.kinds =
            reader_.TextList(n, out.id, "kinds").value_or(std::vector<std::string>{});
        CheckKinds(n, dependency.kinds, out.id);
      }
      if (const YAML::Node n = YamlNodeReader::Get(item, "lead_time"); n.IsDefined()) {
        const auto days = reader_.Integer(n, out.id, "lead_time (days)");
        if (days && (*days < 0 || *days > 3660)) {
          reader_.Error(n, out.id, Tr("lead_time must be between 0 and 3660 days"));
        } else if (days) {
          dependency.lead_time_days = static_cast<int>(*days);
        }
      }
      if (!dependency.obligation.empty()) out.depends_on.push_back(dependency);
    }
  }

  void LoadEscalation(const YAML::Node& list) {
    if (!list.IsSequence()) {
      reader_.Error(list, "", Tr("'escalation' must be a list of tiers"));
      return;
    }
    for (const YAML::Node& node : list) {
      if (!reader_.CheckMap(node, kTierKeys, "", Tr("an escalation tier"))) continue;
      EscalationTier tier;
      tier.location = reader_.At(node);
      const YAML::Node level = YamlNodeReader::Get(node, "tier");
      if (!level.IsDefined()) {
        reader_.Error(node, "", Tr("an escalation tier needs 'tier' (1, 2, 3...)"));
        continue;
      }
      const std::optional<std::int64_t> value = reader_.Integer(level, "", "tier");
      if (!value) continue;
      if (*value < 1 || *value > 9) {
        reader_.Error(level, "", Tr("tier must be between 1 and 9"));
        continue;
      }
      tier.level = static_cast<int>(*value);
      tier.name = RequiredText(node, "name", "");
      if (const YAML::Node n = YamlNodeReader::Get(node, "name_en"); n.IsDefined()) {
        tier.name_en = reader_.Text(n, "", "name_en").value_or("");
      }
      const YAML::Node when = YamlNodeReader::Get(node, "when");
      const YAML::Node when_any = YamlNodeReader::Get(node, "when_any");
      if (when.IsDefined() == when_any.IsDefined()) {
        reader_.Error(node, "", Tr("an escalation tier needs either 'when' or 'when_any'"));
        continue;
      }
      if (when.IsDefined()) {
        if (auto condition = LoadWhen(when)) tier.when_any.push_back(*condition);
      } else if (!when_any.IsSequence() || when_any.size() == 0) {
        reader_.Error(when_any, "", Tr("when_any must be a non-empty list of conditions"));
      } else {
        for (const YAML::Node& item : when_any) {
          if (auto condition = LoadWhen(item)) tier.when_any.push_back(*condition);
        }
      }
      for (const EscalationTier& other : rules_.escalation) {
        if (other.level == tier.level) {
          reader_.Error(level, "",
                        Format(Tr("tier {0} is declared twice (first at {1})"),
                               {std::to_string(tier.level), other.location.ToString()}));
        }
      }
      rules_.escalation.push_back(std::move(tier));
    }
    std::sort(rules_.escalation.begin(), rules_.escalation.end(),
              [](const EscalationTier& a, const EscalationTier& b) { return a.level < b.level; });
  }

  std::optional<EscalationCondition> LoadWhen(const YAML::Node& node) {
    if (!reader_.CheckMap(node, kConditionWhenKeys, "", Tr("an escalation condition"))) {
      return std::nullopt;
    }
    EscalationCondition condition;
    if (const YAML::Node n = YamlNodeReader::Get(node, "status"); n.IsDefined()) {
      for (const std::string& name :
           reader_.TextList(n, "", "status").value_or(std::vector<std::string>{})) {
        const std::optional<Status> status = ParseStatus(name);
        if (status == Status::kOverdue || status == Status::kAtRisk) {
          condition.statuses.push_back(*status);
        } else {
          reader_.Error(
              n, "",
              Format(Tr("escalation applies to overdue and at_risk findings, not '{0}'"), {name}));
        }
      }
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "due_within_warn_before"); n.IsDefined()) {
      condition.due_within_warn_before =
          reader_.Boolean(n, "", "due_within_warn_before").value_or(false);
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "overdue_at_least"); n.IsDefined()) {
      condition.overdue_at_least = ParseDayCount(n, "", "overdue_at_least");
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "blocks_other_agencies"); n.IsDefined()) {
      condition.blocks_other_agencies =
          reader_.Boolean(n, "", "blocks_other_agencies").value_or(false);
    }
    // Checked on what was read, not on the keys: `status: []` or a flag set
    // to false says nothing either, and would match every finding.
    if (condition.statuses.empty() && !condition.due_within_warn_before &&
        !condition.overdue_at_least && !condition.blocks_other_agencies) {
      reader_.Error(node, "",
                    Tr("an escalation condition needs at least one of: status, "
                       "due_within_warn_before: true, overdue_at_least, "
                       "blocks_other_agencies: true"));
      return std::nullopt;
    }
    return condition;
  }

  void LoadTables(const YAML::Node& list) {
    if (!list.IsSequence()) {
      reader_.Error(list, "", Tr("'tables' must be a list of tables"));
      return;
    }
    for (const YAML::Node& node : list) {
      TableSpec table;
      table.location = reader_.At(node);
      if (!reader_.CheckMap(node, kTableKeys, "", Tr("a table"))) continue;
      table.name = RequiredText(node, "name", "");
      if (const YAML::Node n = YamlNodeReader::Get(node, "id"); n.IsDefined()) {
        table.id_column = reader_.Text(n, "", "id").value_or("id");
      }
      if (const YAML::Node n = YamlNodeReader::Get(node, "agency"); n.IsDefined()) {
        table.agency_column = reader_.Text(n, "", "agency").value_or("agency_id");
      }
      if (const YAML::Node n = YamlNodeReader::Get(node, "lifetime"); n.IsDefined()) {
        if (reader_.CheckMap(n, kLifetimeKeys, "", "lifetime")) {
          if (const YAML::Node f = YamlNodeReader::Get(n, "from"); f.IsDefined()) {
            table.lifetime_from = reader_.Text(f, "", "from").value_or("");
          }
          if (const YAML::Node u = YamlNodeReader::Get(n, "until"); u.IsDefined()) {
            table.lifetime_until = reader_.Text(u, "", "until").value_or("");
          }
        }
      }
      if (const YAML::Node n = YamlNodeReader::Get(node, "sheet"); n.IsDefined()) {
        table.sheet = reader_.Text(n, "", "sheet").value_or("");
      }
      if (const YAML::Node n = YamlNodeReader::Get(node, "key"); n.IsDefined()) {
        table.key = reader_.TextList(n, "", "key").value_or(std::vector<std::string>{});
      }
      const YAML::Node columns = YamlNodeReader::Get(node, "columns");
      if (columns.IsDefined() && !columns.IsSequence()) {
        reader_.Error(columns, "", Tr("columns must be a list"));
      } else if (columns.IsDefined()) {
        for (const YAML::Node& column : columns) LoadColumn(column, table);
      }
      for (const std::string* lifetime : {&table.lifetime_from, &table.lifetime_until}) {
        if (lifetime->empty()) continue;
        const ColumnSpec* spec = table.FindColumn(*lifetime);
        if (spec == nullptr || spec->type != ColumnType::kDate) {
          reader_.Error(node, "",
                        Format(Tr("lifetime column '{0}' of table '{1}' must be declared with "
                                  "type date"),
                               {*lifetime, table.name}));
        }
      }
      CheckSheetKeys(node, table);
      if (!table.name.empty()) rules_.tables.push_back(std::move(table));
    }
  }

  void LoadColumn(const YAML::Node& node, TableSpec& table) {
    if (!reader_.CheckMap(node, kColumnKeys, "", Tr("a column"))) return;
    ColumnSpec column;
    column.location = reader_.At(node);
    column.name = RequiredText(node, "name", "");
    const YAML::Node type_node = YamlNodeReader::Get(node, "type");
    const std::string type = RequiredText(node, "type", "");
    if (const auto parsed = ParseColumnType(type)) {
      column.type = *parsed;
    } else if (!type.empty()) {
      reader_.Error(type_node, "",
                    Format(Tr("unknown column type '{0}' (expected one of: {1})"),
                           {type, JoinWords(kColumnTypeNames)}));
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "min"); n.IsDefined()) {
      column.min = reader_.Integer(n, "", "min");
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "max"); n.IsDefined()) {
      column.max = reader_.Integer(n, "", "max");
    }
    if ((column.min || column.max) && column.type != ColumnType::kInteger) {
      reader_.Error(node, "", Tr("min and max apply only to integer columns"));
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "values"); n.IsDefined()) {
      column.values = reader_.TextList(n, "", "values").value_or(std::vector<std::string>{});
      if (column.type != ColumnType::kText) {
        reader_.Error(n, "", Tr("values applies only to text columns"));
      }
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "nullable"); n.IsDefined()) {
      column.nullable = reader_.Boolean(n, "", "nullable").value_or(true);
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "optional"); n.IsDefined()) {
      column.optional = reader_.Boolean(n, "", "optional").value_or(false);
    }
    LoadSheetKeys(node, column);
    if (table.FindColumn(column.name) != nullptr) {
      reader_.Error(node, "", Format(Tr("column '{0}' is declared twice"), {column.name}));
      return;
    }
    if (!column.name.empty()) table.columns.push_back(std::move(column));
  }

  // The keys only `dxcomply template` and `import` read.
  void LoadSheetKeys(const YAML::Node& node, ColumnSpec& column) {
    for (auto [key, field] : {std::pair{"label", &column.label}, std::pair{"note", &column.note},
                              std::pair{"references", &column.references},
                              std::pair{"not_before", &column.not_before}}) {
      if (const YAML::Node n = YamlNodeReader::Get(node, key); n.IsDefined()) {
        *field = reader_.Text(n, "", key).value_or("");
      }
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "labels"); n.IsDefined()) {
      column.value_labels = reader_.TextList(n, "", "labels").value_or(std::vector<std::string>{});
      if (column.value_labels.size() != column.values.size()) {
        reader_.Error(n, "", Tr("labels must name each of the column's values, in their order"));
      }
    }
    if (!column.references.empty() && column.references != "obligation" &&
        column.references != "agency") {
      reader_.Error(YamlNodeReader::Get(node, "references"), "",
                    Tr("references must be 'obligation' or 'agency'"));
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "required_when"); n.IsDefined()) {
      if (reader_.CheckMap(n, kRequiredWhenKeys, "", "required_when")) {
        column.required_when_column = RequiredText(n, "column", "");
        column.required_when_value = RequiredText(n, "value", "");
      }
    }
  }

  // Columns named by `key`, `not_before` and `required_when` must be declared.
  void CheckSheetKeys(const YAML::Node& node, const TableSpec& table) {
    for (const std::string& key : table.key) {
      if (table.FindColumn(key) == nullptr) {
        reader_.Error(
            YamlNodeReader::Get(node, "key"), "",
            Format(Tr("key column '{0}' of table '{1}' is not declared"), {key, table.name}));
      }
    }
    const YAML::Node columns = YamlNodeReader::Get(node, "columns");
    if (!columns.IsDefined() || !columns.IsSequence()) return;
    for (const YAML::Node& column_node : columns) {
      if (!column_node.IsMap()) continue;
      const YAML::Node name = YamlNodeReader::Get(column_node, "name");
      const ColumnSpec* column =
          name.IsDefined() && name.IsScalar() ? table.FindColumn(name.Scalar()) : nullptr;
      if (column == nullptr) continue;
      if (!column->not_before.empty()) {
        const ColumnSpec* earlier = table.FindColumn(column->not_before);
        if (earlier == nullptr || earlier->type != ColumnType::kDate ||
            column->type != ColumnType::kDate) {
          reader_.Error(YamlNodeReader::Get(column_node, "not_before"), "",
                        Format(Tr("not_before of column '{0}' must name another date column, "
                                  "and apply to a date column"),
                               {column->name}));
        }
      }
      if (!column->required_when_column.empty() &&
          table.FindColumn(column->required_when_column) == nullptr) {
        reader_.Error(YamlNodeReader::Get(column_node, "required_when"), "",
                      Format(Tr("required_when of column '{0}' names column '{1}', which is not "
                                "declared"),
                             {column->name, column->required_when_column}));
      }
    }
  }

  YamlNodeReader reader_;
  const std::string& text_;
  RuleSet& rules_;
};

}  // namespace

void LoadRuleText(const std::string& file, const std::string& text, RuleSet& rules,
                  Diagnostics& diagnostics) {
  RuleFileLoader(file, text, rules, diagnostics).Load();
  rules.files.push_back(file);
}

RuleSet LoadRuleDirectory(const std::string& directory, Diagnostics& diagnostics) {
  RuleSet rules;
  std::error_code error;
  if (!fs::is_directory(directory, error)) {
    diagnostics.Error({directory, 0, 0}, "", Tr("rules folder not found"));
    return rules;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(directory, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    diagnostics.Error({directory, 0, 0}, "", Tr("no *.yaml rule files in this folder"));
    return rules;
  }
  for (const fs::path& path : files) {
    const FileText file = ReadFileText(path.string());
    if (!file.ok()) {
      diagnostics.Error({path.string(), 0, 0}, "",
                        Format(Tr("cannot read the file: {0}"), {file.error}));
      continue;
    }
    LoadRuleText(path.string(), file.text, rules, diagnostics);
  }
  return rules;
}

}  // namespace dxcomply

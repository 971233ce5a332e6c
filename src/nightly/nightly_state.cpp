#include "nightly/nightly_state.hpp"

#include "base/file_text.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace dxcomply {
namespace {

using json = nlohmann::ordered_json;

constexpr const char* kFormat = "dxcomply-nightly-state";
constexpr int kVersion = 1;

json DateJson(const std::optional<Date>& date) {
  return date ? json(FormatIsoDate(*date)) : json(nullptr);
}

json ItemsJson(const TrackedItems& items) {
  json out = json::object();
  for (const auto& [key, item] : items) {
    out[key] = {{"obligation_id", item.obligation_id},
                {"obligation_title", item.obligation_title},
                {"agency_id", item.agency_id},
                {"agency_name", item.agency_name},
                {"period", item.period},
                {"status", StatusName(item.status)},
                {"due", DateJson(item.due)},
                {"days", item.days},
                {"day_unit", DayUnitName(item.day_unit)},
                {"tier", item.tier},
                {"escalated_tier", item.escalated_tier}};
  }
  return out;
}

// Reads one state file; every error names the file and the JSON path.
class StateReader {
 public:
  explicit StateReader(std::string path) : path_(std::move(path)) {}

  NightlyState Read(const json& root) const {
    Expect(root.is_object(), "", "an object");
    // find(), not value(): value() throws on a member of another type.
    const auto format = root.find("format");
    Expect(format != root.end() && format->is_string() && *format == kFormat, "format",
           std::string("\"") + kFormat + "\"");
    const auto version = root.find("version");
    Expect(version != root.end() && version->is_number_integer() && *version == kVersion, "version",
           std::to_string(kVersion));
    NightlyState state;
    state.as_of = RequiredDate(root, "as_of", "as_of");
    if (root.contains("baseline_as_of") && !root["baseline_as_of"].is_null()) {
      state.baseline_as_of = RequiredDate(root, "baseline_as_of", "baseline_as_of");
    }
    state.baseline = Items(root, "baseline");
    state.items = Items(root, "items");
    return state;
  }

 private:
  [[noreturn]] void Fail(const std::string& where, const std::string& expected) const {
    throw StateError(path_ + ": " + (where.empty() ? "the document" : where) + ": expected " +
                     expected + "; move the file away to start afresh");
  }
  void Expect(bool ok, const std::string& where, const std::string& expected) const {
    if (!ok) Fail(where, expected);
  }

  Date RequiredDate(const json& object, const char* key, const std::string& where) const {
    const auto found = object.find(key);
    Expect(found != object.end() && found->is_string(), where, "an ISO date YYYY-MM-DD");
    const std::optional<Date> date = ParseIsoDate(found->get<std::string>());
    Expect(date.has_value(), where, "an ISO date YYYY-MM-DD");
    return *date;
  }

  std::string Text(const json& object, const char* key, const std::string& where) const {
    const auto found = object.find(key);
    Expect(found != object.end() && found->is_string(), where + "." + key, "a string");
    return found->get<std::string>();
  }

  int Number(const json& object, const char* key, const std::string& where) const {
    const auto found = object.find(key);
    Expect(found != object.end() && found->is_number_integer(), where + "." + key, "an integer");
    return found->get<int>();
  }

  TrackedItems Items(const json& root, const char* key) const {
    const auto found = root.find(key);
    Expect(found != root.end() && found->is_object(), key, "an object of items");
    TrackedItems items;
    for (const auto& [item_key, value] : found->items()) {
      const std::string where = std::string(key) + "." + item_key;
      Expect(value.is_object(), where, "an object");
      TrackedItem item;
      item.obligation_id = Text(value, "obligation_id", where);
      item.obligation_title = Text(value, "obligation_title", where);
      item.agency_id = Text(value, "agency_id", where);
      item.agency_name = Text(value, "agency_name", where);
      item.period = Text(value, "period", where);
      const std::optional<Status> status = ParseStatus(Text(value, "status", where));
      Expect(status == Status::kOverdue || status == Status::kAtRisk, where + ".status",
             "overdue or at_risk");
      item.status = *status;
      if (value.contains("due") && !value["due"].is_null()) {
        item.due = RequiredDate(value, "due", where + ".due");
      }
      item.days = Number(value, "days", where);
      const std::string unit = Text(value, "day_unit", where);
      Expect(unit == DayUnitName(DayUnit::kCalendar) || unit == DayUnitName(DayUnit::kWorking),
             where + ".day_unit", "days or working days");
      item.day_unit =
          unit == DayUnitName(DayUnit::kWorking) ? DayUnit::kWorking : DayUnit::kCalendar;
      item.tier = Number(value, "tier", where);
      item.escalated_tier = Number(value, "escalated_tier", where);
      Expect(ItemKey(item) == item_key, where, "the key " + ItemKey(item));
      items.emplace(item_key, std::move(item));
    }
    return items;
  }

  std::string path_;
};

}  // namespace

std::optional<NightlyState> LoadState(const std::string& path) {
  // No state is a first night; a state that cannot be read is not: treated
  // as one, every item would be reported new and the baseline lost.
  std::error_code missing;
  if (!std::filesystem::exists(path, missing) && !missing) return std::nullopt;
  const FileText file = ReadFileText(path);
  if (!file.ok()) {
    throw StateError(path + ": cannot read (" + file.error +
                     "); check its rights, or move it away to start afresh");
  }
  json root;
  try {
    root = json::parse(file.text);
  } catch (const json::exception& e) {  // a syntax error, or a number too large
    throw StateError(path + ": not valid JSON (" + e.what() +
                     "); move the file away to start afresh");
  }
  try {
    return StateReader(path).Read(root);
  } catch (const json::exception& e) {  // what the reader's checks did not foresee
    throw StateError(path + ": not a state dxcomply wrote (" + e.what() +
                     "); move the file away to start afresh");
  }
}

std::string SerializeState(const NightlyState& state) {
  const json root = {{"format", kFormat},
                     {"version", kVersion},
                     {"as_of", FormatIsoDate(state.as_of)},
                     {"baseline_as_of", DateJson(state.baseline_as_of)},
                     {"baseline", ItemsJson(state.baseline)},
                     {"items", ItemsJson(state.items)}};
  return root.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace dxcomply

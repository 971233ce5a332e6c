// Version 1 of the nightly state, <state>/state.json: read so that a batch
// upgraded between two nights compares with the night before and escalates
// nothing twice. It is never written any more.
#include "nightly/nightly_state.hpp"

#include <nlohmann/json.hpp>

namespace dxcomply {
namespace {

// std::map objects: a version 1 file of a large country holds a few hundred
// thousand keys, which an ordered_json would search one by one.
using json = nlohmann::json;

constexpr const char* kFormat = "dxcomply-nightly-state";
constexpr int kVersion = 1;

// Reads one state file; every error names the file and the JSON path.
class StateReader {
 public:
  StateReader(std::string path, TextStore& texts) : path_(std::move(path)), texts_(texts) {}

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

  std::string_view Text(const json& object, const char* key, const std::string& where) const {
    const auto found = object.find(key);
    Expect(found != object.end() && found->is_string(), where + "." + key, "a string");
    return texts_.Keep(found->get_ref<const std::string&>());
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
    items.reserve(found->size());
    for (const auto& [item_key, value] : found->items()) {
      const std::string where = std::string(key) + "." + item_key;
      Expect(value.is_object(), where, "an object");
      TrackedItem item;
      item.obligation_id = Text(value, "obligation_id", where);
      item.obligation_title = Text(value, "obligation_title", where);
      item.agency_id = Text(value, "agency_id", where);
      item.agency_name = Text(value, "agency_name", where);
      item.period = Text(value, "period", where);
      const std::optional<Status> status = ParseStatus(std::string(Text(value, "status", where)));
      Expect(status == Status::kOverdue || status == Status::kAtRisk, where + ".status",
             "overdue or at_risk");
      item.status = *status;
      if (value.contains("due") && !value["due"].is_null()) {
        item.due = RequiredDate(value, "due", where + ".due");
      }
      item.days = Number(value, "days", where);
      const std::string_view unit = Text(value, "day_unit", where);
      Expect(unit == DayUnitName(DayUnit::kCalendar) || unit == DayUnitName(DayUnit::kWorking),
             where + ".day_unit", "days or working days");
      item.day_unit =
          unit == DayUnitName(DayUnit::kWorking) ? DayUnit::kWorking : DayUnit::kCalendar;
      item.tier = Number(value, "tier", where);
      item.escalated_tier = Number(value, "escalated_tier", where);
      Expect(item.tier >= 0 && item.escalated_tier >= 0, where, "tiers of 0 or more");
      Expect(ItemKey(item) == item_key, where, "the key " + ItemKey(item));
      items.push_back(item);
    }
    return items;
  }

  std::string path_;
  TextStore& texts_;
};

}  // namespace

NightlyState ParseLegacyState(const std::string& text, const std::string& name) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    throw StateError(name + ": not valid JSON (" + e.what() +
                     "); move the file away to start afresh");
  }
  auto texts = std::make_shared<TextStore>();
  NightlyState state = StateReader(name, *texts).Read(root);
  state.texts = std::move(texts);
  return state;
}

}  // namespace dxcomply

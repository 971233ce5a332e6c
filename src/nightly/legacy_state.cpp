// Version 1 of the nightly state, <state>/state.json: read so that a batch
// upgraded between two nights compares with the night before and escalates
// nothing twice. It is never written any more.
#include "base/messages.hpp"
#include "base/phrase.hpp"
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
    Expect(root.is_object(), "", TrNoop("an object"));
    // find(), not value(): value() throws on a member of another type.
    const auto format = root.find("format");
    Expect(format != root.end() && format->is_string() && *format == kFormat, "format",
           "\"dxcomply-nightly-state\"");
    const auto version = root.find("version");
    Expect(version != root.end() && version->is_number_integer() && *version == kVersion, "version",
           "1");
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
    throw StateError(Format(Tr("{0}: {1}: expected {2}; move the file away to start afresh"),
                            {path_, where.empty() ? Tr("the document") : where, expected}));
  }
  // `expected`: a literal marked TrNoop, translated on a fault only.
  void Expect(bool ok, const std::string& where, const char* expected) const {
    if (!ok) Fail(where, Tr(expected));
  }

  Date RequiredDate(const json& object, const char* key, const std::string& where) const {
    const auto found = object.find(key);
    Expect(found != object.end() && found->is_string(), where, TrNoop("an ISO date YYYY-MM-DD"));
    const std::optional<Date> date = ParseIsoDate(found->get<std::string>());
    Expect(date.has_value(), where, TrNoop("an ISO date YYYY-MM-DD"));
    return *date;
  }

  std::string_view Text(const json& object, const char* key, const std::string& where) const {
    const auto found = object.find(key);
    Expect(found != object.end() && found->is_string(), where + "." + key, TrNoop("a string"));
    return texts_.Keep(found->get_ref<const std::string&>());
  }

  int Number(const json& object, const char* key, const std::string& where) const {
    const auto found = object.find(key);
    Expect(found != object.end() && found->is_number_integer(), where + "." + key,
           TrNoop("an integer"));
    return found->get<int>();
  }

  TrackedItems Items(const json& root, const char* key) const {
    const auto found = root.find(key);
    Expect(found != root.end() && found->is_object(), key, TrNoop("an object of items"));
    TrackedItems items;
    items.reserve(found->size());
    for (const auto& [item_key, value] : found->items()) {
      const std::string where = std::string(key) + "." + item_key;
      Expect(value.is_object(), where, TrNoop("an object"));
      TrackedItem item;
      item.obligation_id = Text(value, "obligation_id", where);
      item.obligation_title = Text(value, "obligation_title", where);
      item.agency_id = Text(value, "agency_id", where);
      item.agency_name = Text(value, "agency_name", where);
      item.period = Text(value, "period", where);
      const std::optional<Status> status = ParseStatus(std::string(Text(value, "status", where)));
      Expect(status == Status::kOverdue || status == Status::kAtRisk, where + ".status",
             TrNoop("overdue or at_risk"));
      item.status = *status;
      if (value.contains("due") && !value["due"].is_null()) {
        item.due = RequiredDate(value, "due", where + ".due");
      }
      item.days = Number(value, "days", where);
      const std::string_view unit = Text(value, "day_unit", where);
      Expect(unit == DayUnitName(DayUnit::kCalendar) || unit == DayUnitName(DayUnit::kWorking),
             where + ".day_unit", TrNoop("days or working days"));
      item.day_unit =
          unit == DayUnitName(DayUnit::kWorking) ? DayUnit::kWorking : DayUnit::kCalendar;
      item.tier = Number(value, "tier", where);
      item.escalated_tier = Number(value, "escalated_tier", where);
      Expect(item.tier >= 0 && item.escalated_tier >= 0, where, TrNoop("tiers of 0 or more"));
      if (ItemKey(item) != item_key) {
        Fail(where, Format(Tr("the key {0}"), {ItemKey(item)}));
      }
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
    throw StateError(Format(Tr("{0}: not valid JSON ({1}); move the file away to start afresh"),
                            {name, e.what()}));
  }
  auto texts = std::make_shared<TextStore>();
  NightlyState state = StateReader(name, *texts).Read(root);
  state.texts = std::move(texts);
  return state;
}

}  // namespace dxcomply

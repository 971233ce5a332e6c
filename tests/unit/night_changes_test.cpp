// What changed between two nights, and who is escalated: an item is
// escalated to a tier once, the night it first gets there.
#include "nightly/night_changes.hpp"

#include <boost/test/unit_test.hpp>

#include <ostream>

namespace dxcomply {

std::ostream& operator<<(std::ostream& out, Change change) { return out << ChangeName(change); }

namespace {

// The texts are string literals: they live as long as the test.
TrackedItem Item(const char* obligation, const char* agency, Status status, int tier,
                 int escalated_tier = 0) {
  TrackedItem item;
  item.obligation_id = obligation;
  item.agency_id = agency;
  item.agency_name = agency;
  item.status = status;
  item.tier = tier;
  item.escalated_tier = escalated_tier;
  return item;
}

TrackedItems Items(std::initializer_list<TrackedItem> items) { return TrackedItems(items); }

const ItemChange& Of(const NightChanges& changes, const std::string& obligation) {
  for (const ItemChange& change : changes.changes) {
    if (change.item->obligation_id == obligation) return change;
  }
  BOOST_FAIL("no change for " + obligation);
  return changes.changes.front();
}

// Tonight's item of `obligation`, or null.
const TrackedItem* Tonight(const NightChanges& changes, const std::string& obligation) {
  for (const TrackedItem& item : changes.tonight) {
    if (item.obligation_id == obligation) return &item;
  }
  return nullptr;
}

BOOST_AUTO_TEST_SUITE(night_changes)

BOOST_AUTO_TEST_CASE(first_night_everything_is_new_and_escalated_to_its_tier) {
  const NightChanges changes = CompareNights(
      {}, Items({Item("a", "X", Status::kAtRisk, 1), Item("b", "X", Status::kAtRisk, 0)}));
  BOOST_TEST(Of(changes, "a").change == Change::kNew);
  BOOST_TEST(Of(changes, "a").escalate_to == 1);
  BOOST_TEST(Of(changes, "b").escalate_to == 0);  // at risk but no tier: tracked, not escalated
  BOOST_TEST(Tonight(changes, "a")->escalated_tier == 1);
}

BOOST_AUTO_TEST_CASE(each_class_of_change) {
  const TrackedItems last =
      Items({Item("same", "X", Status::kOverdue, 2, 2), Item("worse", "X", Status::kAtRisk, 1, 1),
             Item("gone", "X", Status::kOverdue, 2, 2)});
  const TrackedItems tonight =
      Items({Item("same", "X", Status::kOverdue, 2), Item("worse", "X", Status::kOverdue, 2),
             Item("fresh", "Y", Status::kOverdue, 2)});
  const NightChanges changes = CompareNights(last, tonight);
  BOOST_TEST(changes.changes.size() == 4u);
  BOOST_TEST(Of(changes, "same").change == Change::kUnchanged);
  BOOST_TEST(Of(changes, "same").escalate_to == 0);
  BOOST_TEST(Of(changes, "worse").change == Change::kWorsened);
  BOOST_TEST(Of(changes, "worse").escalate_to == 2);
  BOOST_TEST(Of(changes, "gone").change == Change::kResolved);
  BOOST_TEST(Of(changes, "fresh").change == Change::kNew);
  BOOST_TEST(Tonight(changes, "gone") == nullptr);
  // Listed new, worsened, resolved, unchanged.
  BOOST_TEST(changes.changes[0].item->obligation_id == "fresh");
  BOOST_TEST(changes.changes[3].item->obligation_id == "same");
}

BOOST_AUTO_TEST_CASE(a_tier_reached_before_is_not_escalated_again) {
  // Tier 3 because it blocked another agency, then back to 2, then 3 again.
  const TrackedItems last = Items({Item("a", "X", Status::kOverdue, 2, 3)});
  NightChanges changes = CompareNights(last, Items({Item("a", "X", Status::kOverdue, 3)}));
  BOOST_TEST(Of(changes, "a").change == Change::kWorsened);
  BOOST_TEST(Of(changes, "a").escalate_to == 0);
  BOOST_TEST(Tonight(changes, "a")->escalated_tier == 3);
}

BOOST_AUTO_TEST_CASE(a_lower_tier_keeps_what_was_escalated) {
  const TrackedItems last = Items({Item("a", "X", Status::kOverdue, 3, 3)});
  const NightChanges changes = CompareNights(last, Items({Item("a", "X", Status::kOverdue, 2)}));
  BOOST_TEST(Of(changes, "a").change == Change::kUnchanged);
  BOOST_TEST(Tonight(changes, "a")->escalated_tier == 3);
}

BOOST_AUTO_TEST_CASE(items_match_by_their_keys_not_where_their_texts_are) {
  // Last night's texts come from the state file, tonight's from the report.
  TextStore store;
  TrackedItems last;
  for (int i = 0; i < 1000; ++i) {
    TrackedItem item = Item("o", "", Status::kOverdue, 2, 2);
    item.agency_id = store.Keep("A" + std::to_string(i));
    item.period = store.Keep(i % 2 == 0 ? "2022" : "");
    last.push_back(item);
  }
  std::vector<std::string> ids;
  for (int i = 999; i >= 1; --i) ids.push_back("A" + std::to_string(i));  // A0 is gone
  TrackedItems tonight;
  for (int i = 999; i >= 1; --i) {
    TrackedItem item = Item("o", "", Status::kOverdue, 2);
    item.agency_id = ids[static_cast<std::size_t>(999 - i)];
    item.period = i % 2 == 0 ? "2022" : "";
    tonight.push_back(item);
  }
  const NightChanges changes = CompareNights(last, tonight);
  BOOST_TEST(changes.changes.size() == 1000u);
  BOOST_TEST(changes.changes[0].change == Change::kResolved);
  BOOST_TEST(changes.changes[0].item->agency_id == "A0");
  for (std::size_t i = 1; i < changes.changes.size(); ++i) {
    BOOST_TEST(changes.changes[i].change == Change::kUnchanged);
    BOOST_TEST(changes.changes[i].previous->agency_id == changes.changes[i].item->agency_id);
    BOOST_TEST(changes.changes[i].escalate_to == 0);
  }
}

BOOST_AUTO_TEST_CASE(another_period_is_another_instance) {
  TrackedItem last = Item("o", "X", Status::kOverdue, 2, 2);
  last.period = "2022";
  TrackedItem tonight = Item("o", "X", Status::kOverdue, 2);
  tonight.period = "2023";
  const NightChanges changes = CompareNights({last}, {tonight});
  BOOST_TEST(changes.changes.size() == 2u);
  BOOST_TEST(changes.changes[0].change == Change::kNew);
  BOOST_TEST(changes.changes[1].change == Change::kResolved);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

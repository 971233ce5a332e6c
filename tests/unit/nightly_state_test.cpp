// The nightly state file: what is written reads back the same, and a
// damaged file is refused with its name and the place at fault.
#include "nightly/nightly_state.hpp"

#include "support/test_files.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <tuple>
#include <vector>

namespace dxcomply {
namespace {

NightlyState SampleState() {
  TrackedItem item;
  item.obligation_id = "is-classify";
  item.obligation_title = "Tổ chức xác định, phân loại";
  item.agency_id = "NGHE-AN";
  item.agency_name = "Nghệ An";
  item.status = Status::kOverdue;
  item.due = Date(2022, 9, 30);
  item.days = 47;
  item.tier = 3;
  item.escalated_tier = 3;
  NightlyState state;
  state.as_of = Date(2022, 11, 16);
  state.baseline_as_of = Date(2022, 11, 15);
  state.items.emplace(ItemKey(item), item);
  item.tier = 2;
  item.escalated_tier = 2;
  item.days = 46;
  state.baseline.emplace(ItemKey(item), item);
  return state;
}

BOOST_AUTO_TEST_SUITE(nightly_state)

BOOST_AUTO_TEST_CASE(no_file_is_a_first_run) {
  testing::TempFolder folder;
  BOOST_TEST(!LoadState(folder.path() + "/state.json").has_value());
}

BOOST_AUTO_TEST_CASE(reads_back_what_it_wrote) {
  testing::TempFolder folder;
  const std::string text = SerializeState(SampleState());
  const std::optional<NightlyState> read = LoadState(folder.Write("state.json", text));
  BOOST_REQUIRE(read.has_value());
  BOOST_TEST(SerializeState(*read) == text);
  BOOST_TEST(read->items.at("is-classify|NGHE-AN|").agency_name == "Nghệ An");
  BOOST_TEST(read->baseline.at("is-classify|NGHE-AN|").escalated_tier == 2);
}

BOOST_AUTO_TEST_CASE(damaged_files_name_the_file_and_the_place) {
  testing::TempFolder folder;
  std::string text = SerializeState(SampleState());
  const std::string path = folder.Write("state.json", text.substr(0, text.size() / 2));
  BOOST_CHECK_EXCEPTION(LoadState(path), StateError, [&](const StateError& e) {
    return std::string(e.what()).find(path + ": not valid JSON") == 0;
  });
  const std::size_t status = text.find("\"overdue\"", text.find("\"items\""));
  text.replace(status, 9, "\"late\"");
  folder.Write("state.json", text);
  BOOST_CHECK_EXCEPTION(LoadState(path), StateError, [&](const StateError& e) {
    return std::string(e.what()).find(
               "items.is-classify|NGHE-AN|.status: expected overdue or "
               "at_risk") != std::string::npos;
  });
}

BOOST_AUTO_TEST_CASE(an_unknown_day_unit_is_refused) {
  testing::TempFolder folder;
  std::string text = SerializeState(SampleState());
  const std::string days = "\"day_unit\": \"days\"";
  const std::size_t unit = text.find(days, text.find("\"items\""));
  BOOST_REQUIRE(unit != std::string::npos);
  text.replace(unit, days.size(), "\"day_unit\": \"weeks\"");
  const std::string path = folder.Write("state.json", text);
  BOOST_CHECK_EXCEPTION(LoadState(path), StateError, [&](const StateError& e) {
    return std::string(e.what()).find(".day_unit: expected days or working days") !=
           std::string::npos;
  });
}

BOOST_AUTO_TEST_CASE(a_format_or_version_of_another_type_is_refused_not_thrown) {
  testing::TempFolder folder;
  const std::string text = SerializeState(SampleState());
  for (const auto& [from, to, where] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"\"format\": \"dxcomply-nightly-state\"", "\"format\": 1", "format: expected"},
           {"\"version\": 1", "\"version\": \"1\"", "version: expected 1"}}) {
    std::string changed = text;
    const std::size_t at = changed.find(from);
    BOOST_REQUIRE(at != std::string::npos);
    changed.replace(at, from.size(), to);
    const std::string path = folder.Write("state.json", changed);
    BOOST_CHECK_EXCEPTION(LoadState(path), StateError, [&](const StateError& e) {
      return std::string(e.what()).find(path + ": " + where) == 0;
    });
  }
}

BOOST_AUTO_TEST_CASE(a_state_that_cannot_be_read_is_not_a_first_night) {
  testing::TempFolder folder;
  // A folder where the file should be: it exists, and reading it fails.
  const std::string path = folder.path() + "/state.json";
  std::filesystem::create_directory(path);
  BOOST_CHECK_EXCEPTION(LoadState(path), StateError, [&](const StateError& e) {
    return std::string(e.what()).find(path + ": ") == 0;
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

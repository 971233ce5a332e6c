// The nightly state file: what is written reads back the same, a damaged
// file is refused with its name and the place at fault (never a crash, never
// a first night), and a version 1 state.json from before is still read.
#include "nightly/nightly_state.hpp"

#include "support/test_files.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <tuple>
#include <vector>
#include <zlib.h>

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
  state.items.push_back(item);
  TrackedItem other = item;
  other.obligation_id = "plan";
  other.period = "2022";
  other.status = Status::kAtRisk;
  other.due.reset();
  other.day_unit = DayUnit::kWorking;
  other.tier = 0;
  other.escalated_tier = 1;
  state.items.push_back(other);
  item.tier = 2;
  item.escalated_tier = 2;
  item.days = 46;
  state.baseline.push_back(item);
  state.agencies = AgencyDigests{{"HA-NOI", 0, 7}, {"NGHE-AN", 0xFFFFFFFFFFFFFFFFu, 1}};
  return state;
}

// `bytes` with byte `at` set to `value` and the checksum made right again:
// a file that is whole but says something impossible.
std::string Changed(std::string bytes, std::size_t at, char value) {
  bytes[at] = value;
  const uLong crc =
      crc32(0L, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size() - 4));
  for (int i = 0; i < 4; ++i)
    bytes[bytes.size() - 4 + i] = static_cast<char>((crc >> (8 * i)) & 0xFF);
  return bytes;
}

bool Says(const StateError& e, const std::string& path, const std::string& what) {
  const std::string message = e.what();
  return message.rfind(path + ": ", 0) == 0 && message.find(what) != std::string::npos;
}

BOOST_AUTO_TEST_SUITE(nightly_state)

BOOST_AUTO_TEST_CASE(no_file_is_a_first_run) {
  testing::TempFolder folder;
  BOOST_TEST(!LoadState(folder.path()).has_value());
}

BOOST_AUTO_TEST_CASE(reads_back_what_it_wrote) {
  testing::TempFolder folder;
  const std::string bytes = SerializeState(SampleState());
  folder.Write(kStateFileName, bytes);
  const std::optional<NightlyState> read = LoadState(folder.path());
  BOOST_REQUIRE(read.has_value());
  BOOST_TEST(SerializeState(*read) == bytes);
  BOOST_TEST((read->as_of == Date(2022, 11, 16)));
  BOOST_TEST((read->baseline_as_of.value() == Date(2022, 11, 15)));
  BOOST_REQUIRE(read->items.size() == 2u);
  BOOST_TEST(read->items[0].agency_name == "Nghệ An");
  BOOST_TEST((read->items[0].due.value() == Date(2022, 9, 30)));
  BOOST_TEST(!read->items[1].due.has_value());
  BOOST_TEST(read->items[1].period == "2022");
  BOOST_TEST((read->items[1].status == Status::kAtRisk));
  BOOST_TEST((read->items[1].day_unit == DayUnit::kWorking));
  BOOST_TEST(read->items[1].escalated_tier == 1);
  BOOST_TEST(read->baseline.at(0).escalated_tier == 2);
  BOOST_TEST(!read->baseline_agencies.has_value());  // unknown stays unknown
  BOOST_REQUIRE(read->agencies.has_value());
  BOOST_TEST(read->agencies->at(1).letter == 0xFFFFFFFFFFFFFFFFu);
  BOOST_TEST(read->agencies->at(0).calendar == 7u);
}

BOOST_AUTO_TEST_CASE(the_same_state_gives_the_same_bytes) {
  BOOST_TEST(SerializeState(SampleState()) == SerializeState(SampleState()));
}

BOOST_AUTO_TEST_CASE(a_damaged_file_is_refused_with_its_name) {
  testing::TempFolder folder;
  const std::string path = folder.path() + "/" + kStateFileName;
  const std::string bytes = SerializeState(SampleState());
  for (const auto& [damaged, says] : std::vector<std::pair<std::string, std::string>>{
           {bytes.substr(0, bytes.size() / 2), "checksum does not match"},
           {bytes.substr(0, 10), "cut short in the version"},
           {bytes.substr(0, 13), "cut short in the checksum"},
           {"", "not a dxcomply nightly state"},
           {"{\"format\": \"dxcomply-nightly-state\"}", "not a dxcomply nightly state"},
           {Changed(bytes, 8, 3), "version 3, this dxcomply reads 2"}}) {
    folder.Write(kStateFileName, damaged);
    BOOST_CHECK_EXCEPTION(LoadState(folder.path()), StateError, [&](const StateError& e) {
      BOOST_TEST_MESSAGE(e.what());
      return Says(e, path, says);
    });
  }
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x20;
  folder.Write(kStateFileName, flipped);
  BOOST_CHECK_EXCEPTION(LoadState(folder.path()), StateError, [&](const StateError& e) {
    return Says(e, path, "checksum does not match its contents (the file is damaged)");
  });
}

BOOST_AUTO_TEST_CASE(impossible_values_are_refused_even_with_a_right_checksum) {
  testing::TempFolder folder;
  const std::string path = folder.path() + "/" + kStateFileName;
  const std::string bytes = SerializeState(SampleState());
  // The texts end with HA-NOI (met last, in the digests); then the count of
  // baseline items, and the first of them: five text indexes, due, days,
  // tier, escalated tier, then status, day unit, has_due.
  const std::size_t texts = bytes.find("HA-NOI") + 6;
  const std::size_t first_item = texts + 4;
  const std::size_t status = first_item + 5 * 4 + 4 * 4;
  for (const auto& [at, value, says] : std::vector<std::tuple<std::size_t, char, std::string>>{
           {status, 7, "baseline item 0: status 7 is neither overdue (1) nor at risk (2)"},
           {status + 1, 2, "baseline item 0: day unit 2"},
           {status + 2, 5, "baseline item 0: has_due 5"},
           {first_item, 100, "baseline item 0: obligation_id: text 100 of"},
           {texts + 3, 127, "the count of baseline items (2130706433) runs past the end"}}) {
    folder.Write(kStateFileName, Changed(bytes, at, value));
    BOOST_CHECK_EXCEPTION(LoadState(folder.path()), StateError,
                          [&](const StateError& e) { return Says(e, path, says); });
  }
}

BOOST_AUTO_TEST_CASE(an_instance_kept_twice_is_refused) {
  testing::TempFolder folder;
  NightlyState state = SampleState();
  state.items.push_back(state.items.front());
  folder.Write(kStateFileName, SerializeState(state));
  BOOST_CHECK_EXCEPTION(LoadState(folder.path()), StateError, [&](const StateError& e) {
    return Says(e, folder.path() + "/" + kStateFileName,
                "item 2: a second item for is-classify|NGHE-AN|");
  });
}

BOOST_AUTO_TEST_CASE(a_state_that_cannot_be_read_is_not_a_first_night) {
  testing::TempFolder folder;
  // A folder where the file should be: it exists, and reading it fails.
  const std::string path = folder.path() + "/" + kStateFileName;
  std::filesystem::create_directory(path);
  BOOST_CHECK_EXCEPTION(LoadState(folder.path()), StateError,
                        [&](const StateError& e) { return Says(e, path, "cannot read"); });
}

// Version 1, as dxcomply wrote it before the binary state.
const char* const kLegacy = R"({
 "format": "dxcomply-nightly-state",
 "version": 1,
 "as_of": "2022-11-16",
 "baseline_as_of": "2022-11-15",
 "baseline": {
  "is-classify|NGHE-AN|": {"obligation_id": "is-classify", "obligation_title": "Phân loại",
   "agency_id": "NGHE-AN", "agency_name": "Nghệ An", "period": "", "status": "overdue",
   "due": "2022-09-30", "days": 46, "day_unit": "days", "tier": 2, "escalated_tier": 2}
 },
 "items": {
  "is-classify|NGHE-AN|": {"obligation_id": "is-classify", "obligation_title": "Phân loại",
   "agency_id": "NGHE-AN", "agency_name": "Nghệ An", "period": "", "status": "overdue",
   "due": "2022-09-30", "days": 47, "day_unit": "days", "tier": 3, "escalated_tier": 3}
 }
}
)";

std::string LegacyWith(const std::string& from, const std::string& to) {
  std::string text = kLegacy;
  const std::size_t at = text.find(from, text.find("\"items\""));
  BOOST_REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

BOOST_AUTO_TEST_CASE(a_version_1_state_is_read_and_knows_no_digests) {
  testing::TempFolder folder;
  folder.Write(kLegacyStateFileName, kLegacy);
  const std::optional<NightlyState> read = LoadState(folder.path());
  BOOST_REQUIRE(read.has_value());
  BOOST_TEST((read->as_of == Date(2022, 11, 16)));
  BOOST_REQUIRE(read->items.size() == 1u);
  BOOST_TEST(read->items[0].agency_name == "Nghệ An");
  BOOST_TEST(read->items[0].escalated_tier == 3);
  BOOST_TEST(read->baseline.at(0).days == 46);
  BOOST_TEST(!read->agencies.has_value());
  BOOST_TEST(!read->baseline_agencies.has_value());
}

BOOST_AUTO_TEST_CASE(version_2_is_read_before_version_1) {
  testing::TempFolder folder;
  folder.Write(kLegacyStateFileName, kLegacy);
  folder.Write(kStateFileName, SerializeState(SampleState()));
  BOOST_TEST(LoadState(folder.path())->items.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_damaged_version_1_state_names_the_file_and_the_place) {
  testing::TempFolder folder;
  const std::string path = folder.path() + "/" + kLegacyStateFileName;
  for (const auto& [text, says] : std::vector<std::pair<std::string, std::string>>{
           {std::string(kLegacy).substr(0, 200), "not valid JSON"},
           {LegacyWith("\"status\": \"overdue\"", "\"status\": \"late\""),
            "items.is-classify|NGHE-AN|.status: expected overdue or at_risk"},
           {LegacyWith("\"day_unit\": \"days\"", "\"day_unit\": \"weeks\""),
            ".day_unit: expected days or working days"},
           {LegacyWith("\"agency_id\": \"NGHE-AN\"", "\"agency_id\": \"HA-NOI\""),
            "expected the key is-classify|HA-NOI|"}}) {
    folder.Write(kLegacyStateFileName, text);
    BOOST_CHECK_EXCEPTION(LoadState(folder.path()), StateError,
                          [&](const StateError& e) { return Says(e, path, says); });
  }
  for (const auto& [from, to, where] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"\"format\": \"dxcomply-nightly-state\"", "\"format\": 1", "format: expected"},
           {"\"version\": 1", "\"version\": \"1\"", "version: expected 1"}}) {
    std::string changed = kLegacy;
    changed.replace(changed.find(from), from.size(), to);
    folder.Write(kLegacyStateFileName, changed);
    BOOST_CHECK_EXCEPTION(LoadState(folder.path()), StateError,
                          [&](const StateError& e) { return Says(e, path, where); });
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

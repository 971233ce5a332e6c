// StringIndex, the scans' lookup of agency, obligation and period ids.
#include "base/string_index.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace dxcomply {
namespace {

BOOST_AUTO_TEST_SUITE(string_index)

BOOST_AUTO_TEST_CASE(finds_what_was_inserted_and_nothing_else) {
  StringIndex index;
  BOOST_TEST(index.Find("BCA") == -1);  // empty
  // Short and long keys (the hash takes eight bytes a step), keys that
  // differ only in their last byte or their length, Vietnamese text, "".
  const std::vector<std::string> keys = {"",
                                         "B",
                                         "BCA",
                                         "BCA2",
                                         "HA-NOI",
                                         "A0000001",
                                         "A0000002",
                                         "A00000010",
                                         "A0000001x",
                                         "cybersecurity-classify-approve",
                                         "cybersecurity-classify-approvE",
                                         "Hà Nội",
                                         "Hà Nộ",
                                         std::string("A\0B", 3)};
  for (std::size_t i = 0; i < keys.size(); ++i) {
    BOOST_TEST(index.Insert(keys[i], static_cast<int>(i)), keys[i]);
  }
  BOOST_TEST(index.size() == keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    BOOST_TEST(index.Find(keys[i]) == static_cast<int>(i), keys[i]);
  }
  BOOST_TEST(!index.Insert("BCA", 99));  // present: kept as it was
  BOOST_TEST(index.Find("BCA") == 2);
  for (const char* missing : {"BC", "BCA ", "A0000003", "A000000", "Ha Noi", "A"}) {
    BOOST_TEST(index.Find(missing) == -1, missing);
  }
  BOOST_TEST(index.Find(std::string("A\0C", 3)) == -1);
}

BOOST_AUTO_TEST_CASE(short_keys_differing_in_any_one_byte_are_different_keys) {
  // Keys of up to eight bytes are packed into their slot from overlapping
  // loads: every byte must still count.
  for (std::size_t length = 1; length <= 9; ++length) {
    StringIndex index;
    const std::string base(length, 'a');
    BOOST_TEST_REQUIRE(index.Insert(base, 0));
    for (std::size_t at = 0; at < length; ++at) {
      std::string other = base;
      other[at] = 'b';
      BOOST_TEST(index.Find(other) == -1, other);
      BOOST_TEST_REQUIRE(index.Insert(other, static_cast<int>(at) + 1), other);
    }
    BOOST_TEST(index.Find(base) == 0);
    for (std::size_t at = 0; at < length; ++at) {
      std::string other = base;
      other[at] = 'b';
      BOOST_TEST(index.Find(other) == static_cast<int>(at) + 1, other);
    }
    BOOST_TEST(index.Find(base + "a") == -1);
    BOOST_TEST(index.Find(base.substr(1)) == -1);
  }
}

BOOST_AUTO_TEST_CASE(keeps_finding_as_it_grows) {
  StringIndex index;
  for (int i = 0; i < 20000; ++i) BOOST_TEST_REQUIRE(index.Insert("A" + std::to_string(i), i));
  for (int i = 0; i < 20000; ++i) BOOST_TEST_REQUIRE(index.Find("A" + std::to_string(i)) == i);
  BOOST_TEST(index.Find("A20000") == -1);
  BOOST_TEST(index.Find("B1") == -1);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

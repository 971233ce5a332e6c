// "Did you mean": ids typed on the command line against the ids and
// Vietnamese names they were meant to be.
#include "cli/did_you_mean.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace dxcomply {
namespace {

std::vector<std::string> Ids(const std::vector<const Agency*>& agencies) {
  std::vector<std::string> ids;
  for (const Agency* agency : agencies) ids.push_back(agency->id);
  return ids;
}

const std::vector<Agency> kAgencies = {
    {"BCA", "Bộ Công an", "ministry"},
    {"BTC", "Bộ Tài chính", "ministry"},
    {"DA-NANG", "Đà Nẵng", "province"},
    {"HA-NAM", "Hà Nam", "province"},
    {"HA-NOI", "Hà Nội", "province"},
    {"NGHE-AN", "Nghệ An", "province"},
    {"THUA-THIEN-HUE", "Thừa Thiên Huế", "province"},
};

BOOST_AUTO_TEST_SUITE(did_you_mean)

BOOST_AUTO_TEST_CASE(folds_vietnamese_to_lower_case_ascii_words) {
  BOOST_TEST(FoldForMatching("Nghệ An") == "nghe an");
  BOOST_TEST(FoldForMatching("NGHE-AN") == "nghe an");
  BOOST_TEST(FoldForMatching("  Đà   Nẵng ") == "da nang");
  BOOST_TEST(FoldForMatching("Thừa Thiên Huế") == "thua thien hue");
  BOOST_TEST(FoldForMatching("ỲỴỶỸÝ_ừựữửứ") == "yyyyy uuuuu");
  // Decomposed input (a letter, then combining marks), as some keyboards
  // and terminals send it: e + U+0302 (circumflex) + U+0323 (dot below).
  BOOST_TEST(FoldForMatching("Nghe\xCC\x82\xCC\xA3 An") == "nghe an");
  // Invalid UTF-8 and other scripts do not match Latin letters.
  BOOST_TEST(FoldForMatching("a\xFF"
                             "b") == "a?b");
}

BOOST_AUTO_TEST_CASE(edit_distance_counts_insertions_deletions_substitutions) {
  BOOST_TEST(EditDistance("is-clasify", "is-classify") == 1u);
  BOOST_TEST(EditDistance("kitten", "sitting") == 3u);
  BOOST_TEST(EditDistance("", "abc") == 3u);
  BOOST_TEST(EditDistance("same", "same") == 0u);
}

BOOST_AUTO_TEST_CASE(an_agency_name_with_or_without_diacritics_gives_its_id) {
  BOOST_TEST(Ids(NearestAgencies("Nghệ An", kAgencies)) == std::vector<std::string>{"NGHE-AN"});
  BOOST_TEST(Ids(NearestAgencies("nghe an", kAgencies)) == std::vector<std::string>{"NGHE-AN"});
  BOOST_TEST(Ids(NearestAgencies("Da Nang", kAgencies)) == std::vector<std::string>{"DA-NANG"});
  // One word of a name: the agencies whose names hold it.
  BOOST_TEST(Ids(NearestAgencies("Hue", kAgencies)) == std::vector<std::string>{"THUA-THIEN-HUE"});
}

BOOST_AUTO_TEST_CASE(a_mistyped_agency_id_gives_the_nearest_ones) {
  BOOST_TEST(Ids(NearestAgencies("NGHE-NA", kAgencies)) == std::vector<std::string>{"NGHE-AN"});
  // Hà Nam and Hà Nội are both one letter from "HA-NAI": closest first, then by id.
  BOOST_TEST(Ids(NearestAgencies("HA-NAI", kAgencies)) ==
             (std::vector<std::string>{"HA-NAM", "HA-NOI"}));
  BOOST_TEST(Ids(NearestAgencies("BCX", kAgencies)) == std::vector<std::string>{"BCA"});
}

BOOST_AUTO_TEST_CASE(nothing_is_suggested_for_what_is_far_from_every_id) {
  BOOST_TEST(NearestAgencies("Sở Tài nguyên", kAgencies).empty());
  BOOST_TEST(NearestAgencies("", kAgencies).empty());
  BOOST_TEST(NearestIds("dashboard", {"is-classify", "is-protect"}).empty());
}

BOOST_AUTO_TEST_CASE(obligation_ids_by_edit_distance_closest_first) {
  const std::vector<std::string> ids = {"is-classify", "is-protect", "is-monitor-l345",
                                        "is-monitor-all", "drill-2022"};
  BOOST_TEST(NearestIds("is-clasify", ids) == std::vector<std::string>{"is-classify"});
  BOOST_TEST(NearestIds("IS-CLASSIFY", ids) == std::vector<std::string>{"is-classify"});
  BOOST_TEST(NearestIds("is-monitor-al", ids) == std::vector<std::string>{"is-monitor-all"});
  // The beginning of ids.
  BOOST_TEST(NearestIds("is-monitor", ids) ==
             (std::vector<std::string>{"is-monitor-all", "is-monitor-l345"}));
  BOOST_TEST(NearestIds("drill-2023", ids) == std::vector<std::string>{"drill-2022"});
}

BOOST_AUTO_TEST_CASE(the_hint_reads_as_a_sentence) {
  BOOST_TEST(DidYouMean({}) == "");
  BOOST_TEST(DidYouMean({"A"}) == "; did you mean A?");
  BOOST_TEST(DidYouMean({"A", "B"}) == "; did you mean A or B?");
  BOOST_TEST(DidYouMean({"A", "B", "C"}) == "; did you mean A, B or C?");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

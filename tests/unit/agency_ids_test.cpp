// The agency table as the engine keys it: one agency per id (a table
// without its primary key may hold copies), and ids too long for a file
// name reported, each as a data-quality finding.
#include "records/agency_directory.hpp"
#include "records/agency_timeline.hpp"
#include "store/record_store.hpp"
#include "support/test_files.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace dxcomply {
namespace {

std::string WithoutAgencyKey() {
  std::string schema = testing::SchemaSql();
  const std::string key = "id          TEXT PRIMARY KEY,";
  const std::size_t at = schema.find(key);
  BOOST_TEST_REQUIRE(at != std::string::npos);
  return schema.replace(at, key.size(), "id          TEXT,");
}

BOOST_AUTO_TEST_SUITE(agency_ids)

BOOST_AUTO_TEST_CASE(a_duplicate_id_keeps_one_agency_and_is_reported) {
  const testing::TestDatabase database(
      WithoutAgencyKey() +
      "INSERT INTO agency (id, name, kind) VALUES ('BCA', 'Bộ Công an', 'ministry');\n"
      "INSERT INTO agency (id, name, kind) VALUES ('HUE', 'Huế', 'province');\n"
      "INSERT INTO agency (id, name, kind, valid_until) VALUES\n"
      "  ('BCA', 'Bộ Công an (bản sao)', 'province', '2021-01-01');\n"
      "INSERT INTO agency (id, name, kind) VALUES ('BCA', 'Bộ Công an', 'ministry');\n");
  RecordStore store = RecordStore::Open(database.path());
  std::vector<DataIssue> issues;
  const AgencyDirectory directory = AgencyDirectory::Read(store, issues);
  BOOST_TEST(directory.size() == 2u);
  BOOST_TEST(directory.at(directory.Find("BCA")).kind == "ministry");
  BOOST_TEST_REQUIRE(issues.size() == 2u);
  for (const DataIssue& issue : issues) {
    BOOST_TEST(issue.table == "agency");
    BOOST_TEST(issue.row_id == "BCA");
    BOOST_TEST(issue.agency_id == "BCA");
  }
  BOOST_TEST(issues[0].problem ==
             "duplicate agency id: the row named 'Bộ Công an' (ministry) is ignored; the agency "
             "is the row named 'Bộ Công an' (ministry)");
  BOOST_TEST(issues[1].problem ==
             "duplicate agency id: the row named 'Bộ Công an (bản sao)' (province) is ignored; "
             "the agency is the row named 'Bộ Công an' (ministry)");
  // The ignored row's validity does not apply either.
  const AgencyTimeline timeline = AgencyTimeline::Read(store, directory, issues);
  BOOST_TEST(timeline.ExistsOn(directory.Find("BCA"), ToDayNumber(Date(2022, 11, 1))));
  BOOST_TEST(issues.size() == 2u);
}

BOOST_AUTO_TEST_CASE(the_directory_of_a_list_keeps_the_first_of_each_id) {
  const AgencyDirectory directory(
      {{"B", "first", "ministry"}, {"A", "a", "ministry"}, {"B", "second", "province"}});
  BOOST_TEST(directory.size() == 2u);
  BOOST_TEST(directory.at(directory.Find("B")).name == "first");
}

BOOST_AUTO_TEST_CASE(an_id_too_long_for_a_file_name_is_reported_and_kept) {
  const std::string long_id = "UBND-" + std::string(60, 'x') + std::string(60, '/');
  const testing::TestDatabase database(testing::SchemaSql() +
                                       "INSERT INTO agency (id, name, kind) VALUES ('" + long_id +
                                       "', 'Sở', 'province');\n");
  RecordStore store = RecordStore::Open(database.path());
  std::vector<DataIssue> issues;
  const AgencyDirectory directory = AgencyDirectory::Read(store, issues);
  BOOST_TEST(directory.Find(long_id) == 0);
  BOOST_TEST_REQUIRE(issues.size() == 1u);
  BOOST_TEST(issues[0].problem.rfind("id too long for a file name (245 bytes encoded, at most "
                                     "200): its calendar and letters are named UBND-xxx",
                                     0) == 0);
  BOOST_TEST(issues[0].value == long_id);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

// Output files: an agency id from the database never names a file outside
// the output folder.
#include "cli/output_files.hpp"

#include <boost/test/unit_test.hpp>

namespace dxcomply {
namespace {

BOOST_AUTO_TEST_SUITE(output_files)

BOOST_AUTO_TEST_CASE(ordinary_ids_are_their_own_file_names) {
  BOOST_TEST(FileNameOf("NGHE-AN") == "NGHE-AN");
  BOOST_TEST(FileNameOf("so_1.2") == "so_1.2");
}

BOOST_AUTO_TEST_CASE(ids_that_would_leave_the_folder_are_encoded) {
  BOOST_TEST(FileNameOf("../etc/x") == "%2E.%2Fetc%2Fx");
  BOOST_TEST(FileNameOf("a/b") == "a%2Fb");
  BOOST_TEST(FileNameOf("Bộ") == "B%E1%BB%99");
  BOOST_TEST(FileNameOf("") == "%");
  BOOST_TEST(FileNameOf("a%2Fb") != FileNameOf("a/b"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

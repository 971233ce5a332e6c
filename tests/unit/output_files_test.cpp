// Output files: an agency id from the database never names a file outside
// the output folder, nor one too long for it; standard output keeps its
// first write failure and, for terminals, escapes control characters.
#include "cli/output_files.hpp"

#include "base/file_text.hpp"
#include "support/test_files.hpp"

#include <boost/test/unit_test.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <ostream>
#include <unistd.h>

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

BOOST_AUTO_TEST_CASE(an_id_too_long_for_a_file_name_is_cut_and_marked_with_its_hash) {
  const std::string long_id = "UBND-" + std::string(150, 'x') + "-Thừa-Thiên-Huế-Sở-Thông-tin";
  const std::string name = FileNameOf(long_id);
  BOOST_TEST(name.size() <= 200u);
  BOOST_TEST(name.rfind("UBND-xxxx", 0) == 0);
  BOOST_TEST(name.find('~') == name.size() - 17);
  BOOST_TEST(FileNameOf(long_id + "a") != name);  // the hash tells them apart
  BOOST_TEST(FileNameOf(long_id) == name);        // the same id, the same name
  const std::string short_enough(200, 'a');
  BOOST_TEST(FileNameOf(short_enough) == short_enough);
  BOOST_TEST(FileNameOf(short_enough + "a").size() == 200u);
  // A cut never splits a %XX.
  for (std::size_t pad = 0; pad < 3; ++pad) {
    const std::string cut = FileNameOf(std::string(pad, 'a') + std::string(80, '/'));
    const std::string kept = cut.substr(0, cut.find('~'));
    BOOST_TEST((kept.size() - pad) % 3 == 0u);
  }
}

BOOST_AUTO_TEST_CASE(checked_output_keeps_the_first_write_failure) {
  const int fd = open("/dev/full", O_WRONLY);
  BOOST_TEST_REQUIRE(fd >= 0);
  {
    CheckedOutput output(fd);
    std::ostream out(&output);
    out << std::string(200000, 'x');
    BOOST_TEST(output.Finish() == std::strerror(ENOSPC));
  }
  close(fd);
}

BOOST_AUTO_TEST_CASE(checked_output_escapes_control_characters_on_a_terminal) {
  const testing::TempFolder folder;
  const std::string path = folder.path() + "/out.txt";
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT, 0644);
  BOOST_TEST_REQUIRE(fd >= 0);
  {
    CheckedOutput output(fd);
    output.set_terminal_safe(true);
    std::ostream out(&output);
    // Each multi-byte control is split across two writes.
    out << "Bộ\x1b[2J\t|\r\n"
        << std::string("\xC2") << std::string("\x9B") << "x" << std::string("\xE2\x80")
        << std::string("\xAE") << "y\xE2\x80\x93 ";
    out << "\x7f\n" << std::string("\xC2");  // cut short at the end
    BOOST_TEST(output.Finish() == "");
  }
  close(fd);
  BOOST_TEST(ReadFileText(path).text ==
             "Bộ\\x1B[2J\\t|\\r\n\\u009Bx\\u202Ey\xE2\x80\x93 \\x7F\n\xC2");
}

BOOST_AUTO_TEST_CASE(checked_output_lets_the_reports_colours_through_and_nothing_else) {
  const testing::TempFolder folder;
  const std::string path = folder.path() + "/out.txt";
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT, 0644);
  BOOST_TEST_REQUIRE(fd >= 0);
  {
    CheckedOutput output(fd);
    output.set_terminal_safe(true);
    output.set_colour(true);
    std::ostream out(&output);
    // A colour split across two writes; a clear screen, a title and a
    // lone ESC; a colour cut short by the end.
    out << "\x1b[1;31mquá hạn\x1b[0m " << std::string("\x1b[1;") << "33m!\x1b[0m "
        << "\x1b[2J\x1b]0;x\x07\x1b " << std::string("\x1b[1;3");
    BOOST_TEST(output.Finish() == "");
  }
  close(fd);
  BOOST_TEST(ReadFileText(path).text ==
             "\x1b[1;31mquá hạn\x1b[0m \x1b[1;33m!\x1b[0m "
             "\\x1B[2J\\x1B]0;x\\x07\\x1B \\x1B[1;3");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

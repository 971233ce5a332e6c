// The pieces of `dxcomply remind` the nightly batch shares: the cap on the
// number of letters and the writing of letters into a folder.
#include "cli/remind_command.hpp"

#include "cli/output_files.hpp"
#include "support/test_files.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace dxcomply {
namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

BOOST_AUTO_TEST_SUITE(remind_command)

BOOST_AUTO_TEST_CASE(the_cap_refuses_more_letters_than_max_letters) {
  RemindOptions options;
  options.max_letters = 5;
  BOOST_TEST(TooManyLetters(0, options) == "");
  BOOST_TEST(TooManyLetters(5, options) == "");
  BOOST_TEST(TooManyLetters(93, options) ==
             "would write 93 letters, more than --max-letters 5; check the rules, or pass --force");
  options.force = true;
  BOOST_TEST(TooManyLetters(93, options) == "");
}

BOOST_AUTO_TEST_CASE(the_default_cap_is_100) {
  const RemindOptions options;
  BOOST_TEST(TooManyLetters(100, options) == "");
  BOOST_TEST(TooManyLetters(101, options) != "");
}

BOOST_AUTO_TEST_CASE(writes_markdown_and_html_per_letter) {
  const testing::TempFolder folder;
  const std::string out = folder.path() + "/letters";  // created on demand
  std::vector<ReminderLetter> letters(2);
  letters[0].agency_id = "BCA";
  letters[0].markdown = "# Bộ Công an\n";
  letters[0].html = "<p>Bộ Công an</p>\n";
  letters[1].agency_id = "NGHE-AN";
  letters[1].markdown = "# Nghệ An\n";
  letters[1].html = "<p>Nghệ An</p>\n";
  const std::vector<std::string> written = WriteReminderLetters(letters, out);
  BOOST_TEST(
      written == (std::vector<std::string>{"BCA.md", "BCA.html", "NGHE-AN.md", "NGHE-AN.html"}),
      boost::test_tools::per_element());
  BOOST_TEST(Read(out + "/NGHE-AN.md") == "# Nghệ An\n");
  BOOST_TEST(Read(out + "/BCA.html") == "<p>Bộ Công an</p>\n");
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(out)) {
    (void)entry;
    ++files;
  }
  BOOST_TEST(files == 4);  // no temporaries left behind
  BOOST_TEST(RemoveStrayTemporaries(out) == 0);
}

BOOST_AUTO_TEST_CASE(no_letters_write_nothing) {
  const testing::TempFolder folder;
  BOOST_TEST(WriteReminderLetters({}, folder.path()).empty());
  BOOST_TEST(std::filesystem::is_empty(folder.path()));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

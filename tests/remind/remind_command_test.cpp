// The pieces of `dxcomply remind` the nightly batch shares: the cap on the
// number of letters and the writing of letters into a folder.
#include "cli/remind_command.hpp"

#include "cli/output_files.hpp"
#include "remind/letter_documents.hpp"
#include "remind/run_program.hpp"
#include "support/test_files.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdlib>
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

// PATH set to one folder for a test's length, restored after.
class PathSetTo {
 public:
  explicit PathSetTo(const std::string& folder) : old_(std::getenv("PATH")) {
    setenv("PATH", folder.c_str(), 1);
  }
  ~PathSetTo() { setenv("PATH", old_.c_str(), 1); }

 private:
  std::string old_;
};

std::vector<ReminderLetter> TwoLetters() {
  std::vector<ReminderLetter> letters(2);
  letters[0].agency_id = "BCA";
  letters[0].markdown = "# Bộ Công an\n";
  letters[0].html = "<p>Bộ Công an</p>\n";
  letters[1].agency_id = "NGHE-AN";
  letters[1].markdown = "# Nghệ An\n";
  letters[1].html = "<p>Nghệ An</p>\n";
  return letters;
}

BOOST_AUTO_TEST_CASE(only_the_formats_asked_for) {
  const testing::TempFolder folder;
  RemindOptions options;
  options.formats = {"md"};
  const std::string templates = std::string(DXCOMPLY_SOURCE_DIR) + "/templates";
  BOOST_TEST(LetterFormatsUnavailable(options, templates) == "");
  const std::vector<std::string> written =
      WriteLetterFiles(TwoLetters(), folder.path(), options, templates);
  BOOST_TEST(written == (std::vector<std::string>{"BCA.md", "NGHE-AN.md"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(docx_and_pdf_need_their_programs_and_the_word_styles) {
  const testing::TempFolder empty;
  const std::string templates = std::string(DXCOMPLY_SOURCE_DIR) + "/templates";
  RemindOptions options;
  options.formats = {"md", "docx"};
  {
    const PathSetTo nothing(empty.path());
    BOOST_TEST(LetterFormatsUnavailable(options, templates) ==
               "--format docx needs pandoc (Debian: apt-get install pandoc), which is not on PATH");
    options.formats = {"pdf"};
    BOOST_TEST(LetterFormatsUnavailable(options, templates) ==
               "--format pdf needs chromium (Debian: apt-get install chromium), which is not on "
               "PATH");
  }
  empty.Write("pandoc", "#!/bin/sh\nexit 0\n");
  std::filesystem::permissions(empty.path() + "/pandoc", std::filesystem::perms::owner_all);
  const PathSetTo fake(empty.path());
  options.formats = {"docx"};
  BOOST_TEST(LetterFormatsUnavailable(options, empty.path()) ==
             "--format docx needs " + empty.path() + "/reference.docx, which is missing");
  options.formats = {};
  BOOST_TEST(LetterFormatsUnavailable(options, templates) != "");
}

BOOST_AUTO_TEST_CASE(a_failing_converter_leaves_no_letter_written) {
  // A pandoc that fails after writing half a file: no .docx, and neither
  // the .md nor the .html of any letter, is left in the folder.
  const testing::TempFolder bin;
  bin.Write("pandoc",
            "#!/bin/sh\nfor a; do case $a in --output=*) echo half > \"${a#--output=}\";; esac; "
            "done\necho 'pandoc: out of memory' >&2\nexit 3\n");
  std::filesystem::permissions(bin.path() + "/pandoc", std::filesystem::perms::owner_all);
  const testing::TempFolder folder;
  RemindOptions options;
  options.formats = {"md", "html", "docx"};
  const std::string templates = std::string(DXCOMPLY_SOURCE_DIR) + "/templates";
  const PathSetTo fake(bin.path() + ":/usr/bin:/bin");
  try {
    WriteLetterFiles(TwoLetters(), folder.path(), options, templates);
    BOOST_FAIL("no ConversionError");
  } catch (const ConversionError& e) {
    const std::string message = e.what();
    BOOST_TEST(message.find("pandoc could not convert") != std::string::npos, message);
    BOOST_TEST(message.find("BCA.html to .docx: exited with status 3: pandoc: out of memory") !=
                   std::string::npos,
               message);
  }
  BOOST_TEST(std::filesystem::is_empty(folder.path()));
}

BOOST_AUTO_TEST_CASE(a_converters_exit_status_and_complaint_are_kept) {
  const ProgramRun failed = RunProgram({"sh", "-c", "echo 'bad input' >&2; exit 4"}, 10);
  BOOST_TEST(failed.started);
  BOOST_TEST(!failed.ok());
  BOOST_TEST(failed.exit_code == 4);
  BOOST_TEST(failed.error == "bad input");
  BOOST_TEST(RunProgram({"true"}, 10).ok());
  const ProgramRun missing = RunProgram({"no-such-converter-here"}, 10);
  BOOST_TEST(!missing.started);
  BOOST_TEST(missing.error.find("cannot run no-such-converter-here") == 0u, missing.error);
}

BOOST_AUTO_TEST_CASE(a_hung_converter_is_killed_after_its_time) {
  const auto started = std::chrono::steady_clock::now();
  const ProgramRun hung = RunProgram({"sleep", "30"}, 1);
  const auto took = std::chrono::steady_clock::now() - started;
  BOOST_TEST(hung.timed_out);
  BOOST_TEST(!hung.ok());
  BOOST_TEST(std::chrono::duration_cast<std::chrono::seconds>(took).count() < 10);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

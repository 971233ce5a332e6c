// ReadFileText: a file's whole text, or why it cannot be read.
#include "base/file_text.hpp"

#include "support/test_files.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>

namespace dxcomply {
namespace {

BOOST_AUTO_TEST_SUITE(file_text)

BOOST_AUTO_TEST_CASE(a_file_a_folder_a_missing_file_and_an_empty_one) {
  testing::TempFolder folder;
  const FileText text = ReadFileText(folder.Write("a.yaml", "Hà Nội\n"));
  BOOST_TEST(text.ok());
  BOOST_TEST(text.text == "Hà Nội\n");

  const FileText empty = ReadFileText(folder.Write("empty.yaml", ""));
  BOOST_TEST(empty.ok());
  BOOST_TEST(empty.text.empty());

  std::filesystem::create_directory(folder.path() + "/dir.yaml");
  const FileText dir = ReadFileText(folder.path() + "/dir.yaml");
  BOOST_TEST(dir.error == "is a folder, not a file");

  const FileText missing = ReadFileText(folder.path() + "/missing.yaml");
  BOOST_TEST(!missing.ok());
  BOOST_TEST(missing.error == "No such file or directory");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

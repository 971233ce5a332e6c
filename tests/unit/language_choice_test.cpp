// Which language a run speaks (cli/language_choice) and CLI11's usage
// errors in it (cli/usage_errors).
#include "cli/language_choice.hpp"

#include "cli/usage_errors.hpp"

#include <boost/test/unit_test.hpp>

#include <vector>

namespace dxcomply {
namespace {

LanguageChoice Choose(std::vector<const char*> arguments, const char* environment) {
  arguments.insert(arguments.begin(), "dxcomply");
  return ChooseLanguage(static_cast<int>(arguments.size()), arguments.data(), environment);
}

bool Is(const LanguageChoice& choice, Language language) {
  return choice.language && *choice.language == language && choice.problem.empty();
}

BOOST_AUTO_TEST_SUITE(language_choice)

BOOST_AUTO_TEST_CASE(vietnamese_without_option_or_environment) {
  BOOST_TEST(Is(Choose({"report", "--db", "x.db"}, nullptr), Language::kVietnamese));
}

BOOST_AUTO_TEST_CASE(the_environment_sets_the_default) {
  BOOST_TEST(Is(Choose({"report"}, "en"), Language::kEnglish));
  BOOST_TEST(Is(Choose({"report"}, "vi"), Language::kVietnamese));
  BOOST_TEST(Is(Choose({"report"}, ""), Language::kVietnamese));  // set empty: as unset
}

BOOST_AUTO_TEST_CASE(the_option_wins_over_the_environment_wherever_it_stands) {
  BOOST_TEST(Is(Choose({"--lang", "vi", "report"}, "en"), Language::kVietnamese));
  BOOST_TEST(Is(Choose({"report", "--lang", "en"}, "vi"), Language::kEnglish));
  BOOST_TEST(Is(Choose({"report", "--lang=en"}, nullptr), Language::kEnglish));
  // The last one counts, as CLI11 takes it.
  BOOST_TEST(
      Is(Choose({"--lang", "en", "report", "--lang", "vi"}, nullptr), Language::kVietnamese));
}

BOOST_AUTO_TEST_CASE(a_bad_value_is_a_problem_naming_where_it_came_from) {
  const LanguageChoice option = Choose({"report", "--lang", "fr"}, "en");
  BOOST_TEST(!option.language.has_value());
  BOOST_TEST(option.problem == "--lang takes vi or en, not 'fr'");
  const LanguageChoice missing = Choose({"report", "--lang"}, nullptr);
  BOOST_TEST(!missing.language.has_value());
  BOOST_TEST(missing.problem == "--lang takes vi or en, not ''");
  const LanguageChoice environment = Choose({"report"}, "vi_VN.UTF-8");
  BOOST_TEST(!environment.language.has_value());
  BOOST_TEST(environment.problem == "DXCOMPLY_LANG must be vi or en, not 'vi_VN.UTF-8'");
}

BOOST_AUTO_TEST_CASE(arguments_after_a_double_dash_are_not_options) {
  BOOST_TEST(Is(Choose({"import", "--", "--lang"}, nullptr), Language::kVietnamese));
}

BOOST_AUTO_TEST_CASE(usage_errors_keep_cli11_s_text_in_english) {
  BOOST_TEST(UsageErrorText("--db is required") ==
             "--db is required\nRun with --help for more information.\n");
}

BOOST_AUTO_TEST_CASE(usage_errors_of_known_shapes_are_translated) {
  ScopedLanguage vietnamese(Language::kVietnamese);
  const std::string hint = "Chạy với --help để xem cách dùng.\n";
  BOOST_TEST(UsageErrorText("--db is required") == "lỗi: cần --db\n" + hint);
  BOOST_TEST(UsageErrorText("A subcommand is required") == "lỗi: cần một lệnh\n" + hint);
  BOOST_TEST(UsageErrorText("The following arguments were not expected: a b") ==
             "lỗi: không dùng được ở đây: a b\n" + hint);
  BOOST_TEST(UsageErrorText("--reply-within: Value 400 not in range 0 to 366") ==
             "lỗi: --reply-within: 400 nằm ngoài khoảng 0 đến 366\n" + hint);
  BOOST_TEST(UsageErrorText("--format: foo not in {md,html,docx,pdf}") ==
             "lỗi: --format không nhận 'foo' (chọn một trong: md,html,docx,pdf)\n" + hint);
  BOOST_TEST(UsageErrorText("--letter-settings: File does not exist: /no/letter.yaml") ==
             "lỗi: --letter-settings: không có tệp /no/letter.yaml\n" + hint);
  // A shape it does not know keeps CLI11's words.
  BOOST_TEST(UsageErrorText("something new") == "lỗi: something new\n" + hint);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

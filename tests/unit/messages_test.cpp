// The message catalogue (base/messages), phrases with placeholders
// (base/phrase) and the numbers and dates people read (base/shown_format).
#include "base/messages.hpp"

#include "base/language.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"

#include <boost/test/unit_test.hpp>

#include <thread>

namespace dxcomply {
namespace {

BOOST_AUTO_TEST_SUITE(messages)

BOOST_AUTO_TEST_CASE(languages_are_vi_and_en_only) {
  BOOST_TEST((ParseLanguage("vi") == Language::kVietnamese));
  BOOST_TEST((ParseLanguage("en") == Language::kEnglish));
  for (const char* bad : {"", "VI", "vi_VN", "vi_VN.UTF-8", "fr", "english"}) {
    BOOST_TEST(!ParseLanguage(bad).has_value(), bad);
  }
  BOOST_TEST(LanguageCode(Language::kVietnamese) == std::string("vi"));
  BOOST_TEST(LanguageCode(Language::kEnglish) == std::string("en"));
}

// The catalogue is the one embedded in the program: no locale files and no
// system locale are involved.
BOOST_AUTO_TEST_CASE(vietnamese_comes_from_the_embedded_catalogue) {
  ScopedLanguage vietnamese(Language::kVietnamese);
  BOOST_TEST(Tr("overdue") == std::string("quá hạn"));
  BOOST_TEST(TrC("status", "met") == std::string("đạt"));
  BOOST_TEST(TrN("{0} day", "{0} days", 1) == std::string("{0} ngày"));
  BOOST_TEST(TrN("{0} day", "{0} days", 3) == std::string("{0} ngày"));
  BOOST_TEST(TrN("{0} day", "{0} days", 5000000000LL) == std::string("{0} ngày"));
}

BOOST_AUTO_TEST_CASE(english_is_the_source_text) {
  ScopedLanguage english(Language::kEnglish);
  BOOST_TEST(Tr("overdue") == std::string("overdue"));
  BOOST_TEST(TrC("status", "met") == std::string("met"));
  BOOST_TEST(TrN("{0} day", "{0} days", 1) == std::string("{0} day"));
  BOOST_TEST(TrN("{0} day", "{0} days", 0) == std::string("{0} days"));
  BOOST_TEST(TrN("{0} day", "{0} days", -1) == std::string("{0} days"));
}

BOOST_AUTO_TEST_CASE(a_text_missing_from_the_catalogue_stays_english) {
  ScopedLanguage vietnamese(Language::kVietnamese);
  const char* missing = "a text no catalogue has";
  BOOST_TEST(Tr(missing) == missing);
  // A context is part of the key: "met" without one is another text.
  BOOST_TEST(TrC("no such context", "met") == std::string("met"));
}

BOOST_AUTO_TEST_CASE(phrases_fill_placeholders_in_the_translation_s_order) {
  const Phrase phrase("{1} của {0}, {1} lần nữa; {2}");
  BOOST_TEST(phrase({"Nghệ An", "is-classify", "xong"}) ==
             "is-classify của Nghệ An, is-classify lần nữa; xong");
  std::string out = "> ";
  phrase.AppendTo(out, {"a"});  // missing arguments read as nothing
  BOOST_TEST(out == ">  của a,  lần nữa; ");
}

BOOST_AUTO_TEST_CASE(braces_that_are_not_placeholders_are_text) {
  BOOST_TEST(Format("{x} {10} {0 {", {"a"}) == "{x} {10} {0 {");
  BOOST_TEST(Format("", {"a"}).empty());
  BOOST_TEST(Format("{0}", {}).empty());
}

struct Table {
  Phrase greeting{Tr("overdue")};
};

BOOST_AUTO_TEST_CASE(a_table_is_made_once_per_language) {
  const Table* vietnamese = nullptr;
  const Table* english = nullptr;
  {
    ScopedLanguage language(Language::kVietnamese);
    vietnamese = &Translated<Table>();
    BOOST_TEST(vietnamese->greeting({}) == "quá hạn");
    BOOST_TEST(&Translated<Table>() == vietnamese);
  }
  {
    ScopedLanguage language(Language::kEnglish);
    english = &Translated<Table>();
    BOOST_TEST(english->greeting({}) == "overdue");
  }
  BOOST_TEST(vietnamese != english);
}

BOOST_AUTO_TEST_CASE(threads_share_one_table) {
  ScopedLanguage language(Language::kVietnamese);
  const Table* seen[2] = {nullptr, nullptr};
  std::thread other([&] { seen[0] = &Translated<Table>(); });
  seen[1] = &Translated<Table>();
  other.join();
  BOOST_TEST(seen[0] == seen[1]);
}

BOOST_AUTO_TEST_CASE(numbers_and_dates_as_each_language_writes_them) {
  const Date date(2022, 9, 3);
  {
    ScopedLanguage language(Language::kVietnamese);
    BOOST_TEST(ShownDate(date) == "03/09/2022");
    BOOST_TEST(ThousandsSeparator() == '.');
    BOOST_TEST(DecimalSeparator() == ',');
  }
  {
    ScopedLanguage language(Language::kEnglish);
    BOOST_TEST(ShownDate(date) == "2022-09-03");
    BOOST_TEST(ThousandsSeparator() == ',');
    BOOST_TEST(DecimalSeparator() == '.');
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

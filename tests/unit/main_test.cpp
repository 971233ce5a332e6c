// The Boost.Test entry point of unit_tests; every other file adds suites.
#define BOOST_TEST_MODULE dxcomply unit tests
#include "base/language.hpp"

#include <boost/test/unit_test.hpp>

// The unit tests pin the English source texts (the catalogue's keys); a
// test of the Vietnamese says so with a ScopedLanguage, and the golden
// tests pin the Vietnamese outputs.
struct EnglishTexts {
  EnglishTexts() { dxcomply::SetLanguage(dxcomply::Language::kEnglish); }
};
BOOST_TEST_GLOBAL_FIXTURE(EnglishTexts);

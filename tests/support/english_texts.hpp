// Included once by each Boost.Test binary's main file: its tests pin the
// English source texts (the message catalogue's keys). A test of the
// Vietnamese says so with a ScopedLanguage; the golden tests pin the
// Vietnamese outputs.
#pragma once

#include "base/language.hpp"

#include <boost/test/unit_test.hpp>

struct EnglishTexts {
  EnglishTexts() { dxcomply::SetLanguage(dxcomply::Language::kEnglish); }
};
BOOST_TEST_GLOBAL_FIXTURE(EnglishTexts);

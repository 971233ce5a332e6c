// The Boost.Test entry point of remind_tests; every other file adds suites.
#define BOOST_TEST_MODULE dxcomply reminder letters tests
#include "support/english_texts.hpp"

#include <boost/test/unit_test.hpp>

// The Boost.Test entry point of ruletest_tests; every other file adds suites.
#define BOOST_TEST_MODULE dxcomply rule tests tests
#include "support/english_texts.hpp"

#include <boost/test/unit_test.hpp>

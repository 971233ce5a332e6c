#define BOOST_TEST_MODULE dxcomply import
#include "support/english_texts.hpp"

#include <boost/test/unit_test.hpp>

#define BOOST_TEST_MODULE dxcomply import
#include <boost/test/unit_test.hpp>
// These tests pin the Vietnamese that agencies read (the default language),
// not the English source texts as the other test binaries do.

#define BOOST_TEST_MODULE dxcomply import
#include <boost/test/unit_test.hpp>

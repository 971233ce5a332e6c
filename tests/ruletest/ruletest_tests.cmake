# Tests of `dxcomply test` (src/ruletest): the test file reader's and
# checker's messages, the fixture schema, the comparison of expected and
# actual instances. The shipped rules' own tests run as rule_tests/shipped;
# the output on a failing case is the golden case test-wrong-expectation.
add_executable(ruletest_tests
  ${CMAKE_CURRENT_LIST_DIR}/ruletest_main_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rule_test_file_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rule_test_checker_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/case_runner_test.cpp)
target_link_libraries(ruletest_tests PRIVATE dxcomply_ruletest dxcomply_test_support
  Boost::unit_test_framework)
target_compile_definitions(ruletest_tests PRIVATE BOOST_TEST_DYN_LINK)
add_test(NAME ruletest_tests COMMAND ruletest_tests)

# Every obligation shipped in rules/ has a test, and every test passes.
add_test(NAME rule_tests/shipped
  COMMAND dxcomply test --require-coverage rules
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

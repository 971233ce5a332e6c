# Tests of the reminder letters (unit and golden); see tests/remind/.
# remind_tests: Vietnamese text, the letter data, the templates, the cap and
# the writing of letters. The golden cases are tests/golden/cases/remind-*.
add_executable(remind_tests
  ${CMAKE_CURRENT_LIST_DIR}/remind_main_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vietnamese_text_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reminder_letters_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/remind_command_test.cpp)
target_link_libraries(remind_tests PRIVATE dxcomply_cli dxcomply_test_support
  Boost::unit_test_framework)
target_compile_definitions(remind_tests PRIVATE BOOST_TEST_DYN_LINK)
add_test(NAME remind_tests COMMAND remind_tests)

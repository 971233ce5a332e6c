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

# remind/letter_files: the golden letters of a ministry and a province in
# every format (md, html, docx, pdf), opened by python-docx, read by
# pdftotext, printed to PNG (pdftoppm, Chromium), page counts checked; see
# check_letter_files.py. python3-docx is Debian's, installed for
# /usr/bin/python3: used when the interpreter CMake found cannot import it.
set(DXCOMPLY_LETTERS_PYTHON ${Python3_EXECUTABLE})
execute_process(COMMAND ${Python3_EXECUTABLE} -c "import docx"
                RESULT_VARIABLE found_docx OUTPUT_QUIET ERROR_QUIET)
if(NOT found_docx EQUAL 0 AND EXISTS /usr/bin/python3)
  set(DXCOMPLY_LETTERS_PYTHON /usr/bin/python3)
endif()
add_test(NAME remind/letter_files
  COMMAND ${DXCOMPLY_LETTERS_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/check_letter_files.py
          $<TARGET_FILE:dxcomply> ${DXCOMPLY_SAMPLE_DB} ${PROJECT_SOURCE_DIR}
          ${CMAKE_BINARY_DIR}/remind/letter_files)
set_tests_properties(remind/letter_files PROPERTIES TIMEOUT 180 RESOURCE_LOCK chromium)

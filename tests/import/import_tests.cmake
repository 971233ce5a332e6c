# The spreadsheet round trip (src/import): unit tests of the readers and the
# cell checks, and the end-to-end test with real workbooks (openpyxl), CSV
# files, a busy database and kills.
add_executable(import_tests
  ${CMAKE_CURRENT_LIST_DIR}/import_main_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/day_month_year_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_reader_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/cell_value_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sheet_keys_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/xlsx_reader_test.cpp)
target_link_libraries(import_tests PRIVATE dxcomply_import Boost::unit_test_framework)
target_include_directories(import_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_compile_definitions(import_tests PRIVATE BOOST_TEST_DYN_LINK
  DXCOMPLY_FUZZ_REGRESSIONS="${PROJECT_SOURCE_DIR}/tests/fuzz/regressions")
add_test(NAME import_tests COMMAND import_tests)

# openpyxl is Debian's, for /usr/bin/python3 (see tests/output/CMakeLists.txt).
set(DXCOMPLY_IMPORT_PYTHON ${Python3_EXECUTABLE})
execute_process(COMMAND ${Python3_EXECUTABLE} -c "import openpyxl"
                RESULT_VARIABLE found_openpyxl OUTPUT_QUIET ERROR_QUIET)
if(NOT found_openpyxl EQUAL 0 AND EXISTS /usr/bin/python3)
  set(DXCOMPLY_IMPORT_PYTHON /usr/bin/python3)
endif()
add_test(NAME import/round_trip
  COMMAND ${DXCOMPLY_IMPORT_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/check_import.py
          $<TARGET_FILE:dxcomply> ${DXCOMPLY_SAMPLE_DB} ${PROJECT_SOURCE_DIR}
          ${CMAKE_BINARY_DIR}/import)
set_tests_properties(import/round_trip PROPERTIES TIMEOUT 300)

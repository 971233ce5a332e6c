# Reports while a producer writes (WAL and rollback journal), and a database
# another program holds locked: tests/concurrency/check_concurrency.py.
add_test(NAME concurrency/reports_while_writing
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check_concurrency.py
          $<TARGET_FILE:dxcomply> ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR}/concurrency)
set_tests_properties(concurrency/reports_while_writing PROPERTIES TIMEOUT 600)

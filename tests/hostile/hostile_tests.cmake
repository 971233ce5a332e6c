# Hostile and unlucky inputs (issue 19): one test per case of
# check_hostile.py, each a command a user could run, on small fixtures.
foreach(case stdout wal hot-journal duplicate-agency long-id csv-injection terminal dates
        empty-options fifo sizes)
  add_test(NAME hostile/${case}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check_hostile.py
            $<TARGET_FILE:dxcomply> ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR}/hostile ${case})
  set_tests_properties(hostile/${case} PROPERTIES TIMEOUT 600)
endforeach()

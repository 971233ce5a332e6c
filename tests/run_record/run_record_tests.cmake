# The record of every run that writes: run.json, the log, findings.json's
# header, and digests that follow the rules, templates and database.
add_test(NAME run_record/every_writer
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check_run_record.py
          $<TARGET_FILE:dxcomply> ${DXCOMPLY_SAMPLE_DB} ${PROJECT_SOURCE_DIR}
          ${CMAKE_BINARY_DIR}/run_record)
set_tests_properties(run_record/every_writer PROPERTIES TIMEOUT 300)

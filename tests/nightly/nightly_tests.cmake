# The nightly batch end to end: three nights, re-run, backwards, kills.
add_test(NAME nightly/three_nights
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check_nightly.py
          $<TARGET_FILE:dxcomply> ${DXCOMPLY_SAMPLE_DB} ${PROJECT_SOURCE_DIR}
          ${CMAKE_BINARY_DIR}/nightly)
set_tests_properties(nightly/three_nights PROPERTIES TIMEOUT 300)

# The nightly batch end to end: three nights, re-run, backwards, kills
# (check_nightly.py); the output folder: foreign files, links, one --out for
# two batches, --keep, what changed, a version 1 state (check_night_folder.py).
add_test(NAME nightly/three_nights
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check_nightly.py
          $<TARGET_FILE:dxcomply> ${DXCOMPLY_SAMPLE_DB} ${PROJECT_SOURCE_DIR}
          ${CMAKE_BINARY_DIR}/nightly)
set_tests_properties(nightly/three_nights PROPERTIES TIMEOUT 300)
add_test(NAME nightly/night_folder
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check_night_folder.py
          $<TARGET_FILE:dxcomply> ${DXCOMPLY_SAMPLE_DB} ${PROJECT_SOURCE_DIR}
          ${CMAKE_BINARY_DIR}/night_folder)
set_tests_properties(nightly/night_folder PROPERTIES TIMEOUT 300)

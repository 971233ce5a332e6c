# The message catalogue: every text marked in the sources has its
# Vietnamese in po/vi.po, and po/vi.po holds nothing else.
find_program(DXCOMPLY_XGETTEXT xgettext REQUIRED)
add_test(NAME i18n/catalogue_complete
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check_catalogue.py
          ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR}/i18n)
# ... and that check fails on each way the catalogue can fall out of step.
add_test(NAME i18n/catalogue_check_fails
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check_catalogue_selftest.py
          ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR}/i18n-selftest)

# Install tests: the tool as a user gets it.
#
#   install/prefix     check_install.py: `cmake --install` into a temporary
#                      prefix, then report, check, remind, calendar, nightly
#                      and list from an unrelated folder without --rules or
#                      --templates; missing data is exit 2, overrides win
#   install/deb        check_deb.py: the CPack Debian package's Depends and
#                      contents (dpkg-deb -I/-c), and its program run unpacked
#   install/man_page   check_man_page.py: every command and option of --help
#                      is in docs/dxcomply.1 and in its Vietnamese translation
#                      docs/dxcomply.vi.1 (install/man_page_vi)
#
# scripts/test-deb-in-debian12.sh installs the package into a fresh Debian 12
# root and runs it there (minutes, network; not run by CTest).

add_test(NAME install/prefix
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check_install.py
          ${CMAKE_BINARY_DIR} ${DXCOMPLY_SAMPLE_DB})
add_test(NAME install/deb
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check_deb.py
          ${CMAKE_BINARY_DIR} ${DXCOMPLY_SAMPLE_DB})
add_test(NAME install/man_page
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check_man_page.py
          $<TARGET_FILE:dxcomply> ${PROJECT_SOURCE_DIR}/docs/dxcomply.1)
add_test(NAME install/man_page_vi
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check_man_page.py
          $<TARGET_FILE:dxcomply> ${PROJECT_SOURCE_DIR}/docs/dxcomply.vi.1)
set_tests_properties(install/prefix install/deb PROPERTIES TIMEOUT 180)

# Colour only on a terminal, NO_COLOR honoured (check_colour.py).
add_test(NAME cli/colour
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check_colour.py
          $<TARGET_FILE:dxcomply> ${DXCOMPLY_SAMPLE_DB} ${PROJECT_SOURCE_DIR})

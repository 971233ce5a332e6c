# `cmake --install build [--prefix P]`: the program in P/bin, its data in
# P/share/dxcomply (the rules with their calendar/, the letter templates), the
# manual page in P/share/man/man1. The program finds the data from its own
# folder (src/cli/resource_paths.hpp), so any prefix works.
#
# The build tree mirrors that layout: build/share/dxcomply/{rules,templates}
# link to the source tree's folders, so build/src/dxcomply finds them from
# anywhere too, and edits to the rules need no rebuild.

install(TARGETS dxcomply RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rules/ DESTINATION ${DXCOMPLY_DATA_DIR}/rules
  FILES_MATCHING PATTERN "*.yaml")
# dashboard.html is built into the program; the letters' templates are read
# at run time so that officials can edit them.
install(FILES ${PROJECT_SOURCE_DIR}/templates/reminder.md.mustache
              ${PROJECT_SOURCE_DIR}/templates/reminder.html.mustache
              ${PROJECT_SOURCE_DIR}/templates/letter.yaml
              ${PROJECT_SOURCE_DIR}/templates/reference.docx
              ${PROJECT_SOURCE_DIR}/templates/reminder-docx.lua
  DESTINATION ${DXCOMPLY_DATA_DIR}/templates)

# The manual page, compressed as Debian's policy wants it (man reads it so).
find_program(GZIP_EXECUTABLE gzip REQUIRED)
set(DXCOMPLY_MAN_PAGE ${CMAKE_BINARY_DIR}/man/dxcomply.1.gz)
add_custom_command(
  OUTPUT ${DXCOMPLY_MAN_PAGE}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
  COMMAND ${GZIP_EXECUTABLE} -9 -n -c ${PROJECT_SOURCE_DIR}/docs/dxcomply.1 > ${DXCOMPLY_MAN_PAGE}
  DEPENDS ${PROJECT_SOURCE_DIR}/docs/dxcomply.1
  COMMENT "Compressing the manual page")
add_custom_target(man_page ALL DEPENDS ${DXCOMPLY_MAN_PAGE})
install(FILES ${DXCOMPLY_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# As in the repository, README.md beside a docs/ folder: the README links
# to docs/*.md (and the dashboard's picture, the manual's source) and they
# link back to ../README.md.
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
file(GLOB DXCOMPLY_DOC_PAGES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${DXCOMPLY_DOC_PAGES} ${PROJECT_SOURCE_DIR}/docs/dashboard.png
              ${PROJECT_SOURCE_DIR}/docs/dxcomply.1
  DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)

# The build tree's data folder, beside build/src (where the program is).
get_filename_component(build_data_dir
  ${CMAKE_BINARY_DIR}/src/${DXCOMPLY_DATA_FROM_PROGRAM} ABSOLUTE)
file(MAKE_DIRECTORY ${build_data_dir})
foreach(folder rules templates)
  if(NOT EXISTS ${build_data_dir}/${folder})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${folder} ${build_data_dir}/${folder} SYMBOLIC)
  endif()
endforeach()

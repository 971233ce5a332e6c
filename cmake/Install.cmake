# `cmake --install build [--prefix P]`: the program in P/bin, its data in
# P/share/dxcomply (the rules with their calendar/, the letter templates), the
# manual pages in P/share/man/man1 (English) and P/share/man/vi/man1
# (Vietnamese). The program finds the data from its own folder
# (src/cli/resource_paths.hpp), so any prefix works.
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

# The manual pages, compressed as Debian's policy wants them (man reads them
# so): the English one in man1, where man falls back to for any language, and
# the Vietnamese one in vi/man1, which man shows in a Vietnamese locale
# (LANG=vi_VN.UTF-8) or for `man -L vi dxcomply`.
find_program(GZIP_EXECUTABLE gzip REQUIRED)
function(dxcomply_man_page source folder)
  set(page ${CMAKE_BINARY_DIR}/man/${folder}/dxcomply.1.gz)
  add_custom_command(
    OUTPUT ${page}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man/${folder}
    COMMAND ${GZIP_EXECUTABLE} -9 -n -c ${PROJECT_SOURCE_DIR}/docs/${source} > ${page}
    DEPENDS ${PROJECT_SOURCE_DIR}/docs/${source}
    COMMENT "Compressing the manual page ${source}")
  install(FILES ${page} DESTINATION ${CMAKE_INSTALL_MANDIR}/${folder})
  set(DXCOMPLY_MAN_PAGES ${DXCOMPLY_MAN_PAGES} ${page} PARENT_SCOPE)
endfunction()
dxcomply_man_page(dxcomply.1 man1)
dxcomply_man_page(dxcomply.vi.1 vi/man1)
add_custom_target(man_page ALL DEPENDS ${DXCOMPLY_MAN_PAGES})

# As in the repository, README.md beside a docs/ folder: the README links
# to docs/*.md (and the dashboard's picture, the manual's source) and they
# link back to ../README.md.
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
file(GLOB DXCOMPLY_DOC_PAGES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${DXCOMPLY_DOC_PAGES} ${PROJECT_SOURCE_DIR}/docs/dashboard.png
              ${PROJECT_SOURCE_DIR}/docs/dxcomply.1 ${PROJECT_SOURCE_DIR}/docs/dxcomply.vi.1
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

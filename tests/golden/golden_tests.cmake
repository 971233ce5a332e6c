# Golden tests: every folder under tests/golden/cases/ is one CLI run.
#
#   cmd              '#' lines say what the case proves; the last line holds
#                    the arguments, with @SAMPLE_DB@, @FIXTURES@ (built
#                    fixture databases) and @SOURCE@ (the repository)
#   expected.stdout  what a person has read and agreed with
#                    and @WORK@ (an empty folder for commands that write files)
#   expected.stderr  optional; compared when present
#   expected.files/  optional; each file in it must equal the one the
#                    command wrote at the same path under @WORK@
#   expected.rc      the exit code
#
# DXCOMPLY_UPDATE_GOLDEN=1 ctest -R golden rewrites the expected files (for
# expected.files/, only those already there: add a new one by hand first);
# read the diff before committing it.

set(DXCOMPLY_FIXTURES ${CMAKE_BINARY_DIR}/fixtures)
file(GLOB fixture_sql CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/fixtures/*.sql)
set(fixture_dbs)
foreach(sql ${fixture_sql})
  get_filename_component(name ${sql} NAME_WE)
  set(db ${DXCOMPLY_FIXTURES}/${name}.db)
  add_custom_command(
    OUTPUT ${db}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${DXCOMPLY_FIXTURES}
    COMMAND ${CMAKE_COMMAND} -E rm -f ${db}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/build_fixture.py
            ${PROJECT_SOURCE_DIR}/data/schema.sql ${sql} ${db}
    DEPENDS ${sql} ${PROJECT_SOURCE_DIR}/data/schema.sql ${CMAKE_CURRENT_LIST_DIR}/build_fixture.py
    VERBATIM)
  list(APPEND fixture_dbs ${db})
endforeach()
add_custom_target(golden_fixtures ALL DEPENDS ${fixture_dbs})

file(GLOB golden_cases LIST_DIRECTORIES true CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/cases/*)
foreach(case_dir ${golden_cases})
  if(IS_DIRECTORY ${case_dir})
    get_filename_component(case ${case_dir} NAME)
    add_test(NAME golden/${case}
      COMMAND ${CMAKE_COMMAND}
        -DDXCOMPLY=$<TARGET_FILE:dxcomply>
        -DCASE_DIR=${case_dir}
        -DOUT_DIR=${CMAKE_BINARY_DIR}/golden/${case}
        -DSAMPLE_DB=${DXCOMPLY_SAMPLE_DB}
        -DFIXTURES=${DXCOMPLY_FIXTURES}
        -DSOURCE=${PROJECT_SOURCE_DIR}
        -P ${CMAKE_CURRENT_LIST_DIR}/run_golden.cmake)
  endif()
endforeach()

add_test(NAME graph/dot_renders
  COMMAND ${CMAKE_COMMAND}
    -DDXCOMPLY=$<TARGET_FILE:dxcomply>
    -DSAMPLE_DB=${DXCOMPLY_SAMPLE_DB}
    -DSOURCE=${PROJECT_SOURCE_DIR}
    -DOUT_DIR=${CMAKE_BINARY_DIR}/golden
    -P ${CMAKE_CURRENT_LIST_DIR}/render_dot.cmake)

# Runs one golden case (see golden_tests.cmake) and diffs its outputs.
cmake_minimum_required(VERSION 3.18)
file(STRINGS ${CASE_DIR}/cmd lines ENCODING UTF-8)
set(arguments "")
foreach(line ${lines})
  if(NOT line MATCHES "^#" AND NOT line STREQUAL "")
    set(arguments "${line}")
  endif()
endforeach()
string(REPLACE "@SAMPLE_DB@" "${SAMPLE_DB}" arguments "${arguments}")
string(REPLACE "@FIXTURES@" "${FIXTURES}" arguments "${arguments}")
string(REPLACE "@SOURCE@" "${SOURCE}" arguments "${arguments}")
# @WORK@: an empty folder for commands that write files (remind, nightly).
set(WORK ${OUT_DIR}/work)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
string(REPLACE "@WORK@" "${WORK}" arguments "${arguments}")
separate_arguments(arguments UNIX_COMMAND "${arguments}")

execute_process(
  COMMAND ${DXCOMPLY} ${arguments}
  WORKING_DIRECTORY ${SOURCE}
  OUTPUT_VARIABLE stdout
  ERROR_VARIABLE stderr
  RESULT_VARIABLE rc)

# Paths differ between machines; outputs name them by placeholder.
foreach(text stdout stderr)
  string(REPLACE "${WORK}" "@WORK@" ${text} "${${text}}")  # before SOURCE: it may lie inside
  string(REPLACE "${SAMPLE_DB}" "@SAMPLE_DB@" ${text} "${${text}}")
  string(REPLACE "${FIXTURES}" "@FIXTURES@" ${text} "${${text}}")
  string(REPLACE "${SOURCE}" "@SOURCE@" ${text} "${${text}}")
endforeach()

file(MAKE_DIRECTORY ${OUT_DIR})
file(WRITE ${OUT_DIR}/actual.stdout "${stdout}")
file(WRITE ${OUT_DIR}/actual.stderr "${stderr}")
file(WRITE ${OUT_DIR}/actual.rc "${rc}\n")

if("$ENV{DXCOMPLY_UPDATE_GOLDEN}")
  file(WRITE ${CASE_DIR}/expected.stdout "${stdout}")
  file(WRITE ${CASE_DIR}/expected.rc "${rc}\n")
  if(EXISTS ${CASE_DIR}/expected.stderr OR NOT stderr STREQUAL "")
    file(WRITE ${CASE_DIR}/expected.stderr "${stderr}")
  endif()
  file(GLOB_RECURSE kept RELATIVE ${CASE_DIR}/expected.files ${CASE_DIR}/expected.files/*)
  foreach(name ${kept})
    if(EXISTS ${WORK}/${name})
      file(COPY_FILE ${WORK}/${name} ${CASE_DIR}/expected.files/${name})
    endif()
  endforeach()
  return()
endif()

set(failed FALSE)
foreach(part stdout rc stderr)
  if(part STREQUAL "stderr" AND NOT EXISTS ${CASE_DIR}/expected.stderr)
    continue()
  endif()
  execute_process(
    COMMAND diff -u ${CASE_DIR}/expected.${part} ${OUT_DIR}/actual.${part}
    OUTPUT_VARIABLE diff
    RESULT_VARIABLE different)
  if(different)
    message("${part} differs from ${CASE_DIR}/expected.${part}:\n${diff}")
    set(failed TRUE)
  endif()
endforeach()
# expected.files/<path>: a file the command must have written as @WORK@/<path>.
file(GLOB_RECURSE expected_files RELATIVE ${CASE_DIR}/expected.files ${CASE_DIR}/expected.files/*)
foreach(name ${expected_files})
  if(NOT EXISTS ${WORK}/${name})
    message("the command did not write @WORK@/${name}")
    set(failed TRUE)
    continue()
  endif()
  execute_process(
    COMMAND diff -u ${CASE_DIR}/expected.files/${name} ${WORK}/${name}
    OUTPUT_VARIABLE diff
    RESULT_VARIABLE different)
  if(different)
    message("@WORK@/${name} differs from ${CASE_DIR}/expected.files/${name}:\n${diff}")
    set(failed TRUE)
  endif()
endforeach()

if(failed)
  message(FATAL_ERROR "golden case failed; actual outputs are in ${OUT_DIR}")
endif()

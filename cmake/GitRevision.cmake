# Writes OUTPUT (a header defining DXCOMPLY_GIT_REVISION) from `git describe`
# of SOURCE_DIR, run at build time so the revision --version prints is the
# one built, not the one configured. configure_file leaves OUTPUT untouched
# when the revision has not changed, so nothing is recompiled then.
#
#   cmake -DSOURCE_DIR=... -DOUTPUT=... [-DREVISION=...] -P GitRevision.cmake
#
# REVISION (from -DDXCOMPLY_GIT_REVISION=..., for builds from a source
# tarball that know their revision) wins over git.
cmake_minimum_required(VERSION 3.18)
if(NOT REVISION)
  find_program(GIT_EXECUTABLE git)
  if(GIT_EXECUTABLE)
    execute_process(
      COMMAND ${GIT_EXECUTABLE} describe --always --dirty=-modified --abbrev=12
      WORKING_DIRECTORY ${SOURCE_DIR}
      OUTPUT_VARIABLE REVISION
      ERROR_QUIET
      RESULT_VARIABLE failed
      OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(failed)
      set(REVISION "")
    endif()
  endif()
endif()
if(NOT REVISION)
  set(REVISION "unknown: not built from a git checkout")
endif()
file(CONFIGURE OUTPUT ${OUTPUT}
  CONTENT "#pragma once\n#define DXCOMPLY_GIT_REVISION \"@REVISION@\"\n" @ONLY)

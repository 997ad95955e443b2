# Writes OUTPUT, a header defining ISOBENCH_COMMIT: the commit the sources are at when the build
# runs, with "-modified" when tracked files differ from it. Run at every build (script mode), it
# rewrites OUTPUT only when the stamp changed, so an unchanged commit rebuilds nothing.
#   cmake -DSOURCE_DIR=... -DOUTPUT=... -P commit_stamp.cmake
execute_process(COMMAND git rev-parse --short=12 HEAD
  WORKING_DIRECTORY ${SOURCE_DIR} OUTPUT_VARIABLE commit
  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE not_a_checkout)
if(not_a_checkout OR NOT commit)
  set(commit "unknown")
else()
  # A figure measured by modified sources must not be credited to the commit they started from.
  execute_process(COMMAND git diff --quiet HEAD --
    WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE modified ERROR_QUIET)
  if(modified)
    string(APPEND commit "-modified")
  endif()
endif()

set(content "// Generated at build time by cmake/commit_stamp.cmake.\n#define ISOBENCH_COMMIT \"${commit}\"\n")
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} previous)
endif()
if(NOT previous STREQUAL content)
  file(WRITE ${OUTPUT} "${content}")
endif()

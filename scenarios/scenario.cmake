# isobench_add_scenario(<name>
#     SOURCES <file>...              the scenario's sources, its ISOBENCH_REGISTER_SCENARIO among them
#     [LIBRARIES <target>...]        what it links beyond the harness (its workload library, fmt...)
#     [TESTS <file>...]              its GoogleTest files, built into <name>_tests and run by ctest
#     [TEST_LIBRARIES <target>...]   what the tests link beyond the scenario
#     [FIXTURE])                     a test-only scenario: in the fixture CLI, not in isolate-bench
#
# Makes the object library scenario_<name> (public headers in the folder's include/, if any) and
# lists it in the global property ISOBENCH_SCENARIOS (or ISOBENCH_FIXTURE_SCENARIOS), which every
# isolate-bench executable links. An object library, not a static one: the linker keeps every
# object of it, so the scenario's self-registration (registry.hpp) is never dropped.
function(isobench_add_scenario name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "FIXTURE" "" "SOURCES;LIBRARIES;TESTS;TEST_LIBRARIES")
  if(NOT arg_SOURCES)
    message(FATAL_ERROR "isobench_add_scenario(${name}): SOURCES is required")
  endif()
  set(target scenario_${name})
  add_library(${target} OBJECT ${arg_SOURCES})
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/include)
    target_include_directories(${target} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
  endif()
  target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_link_libraries(${target} PUBLIC bench_harness ${arg_LIBRARIES})
  if(arg_FIXTURE)
    set_property(GLOBAL APPEND PROPERTY ISOBENCH_FIXTURE_SCENARIOS ${target})
  else()
    set_property(GLOBAL APPEND PROPERTY ISOBENCH_SCENARIOS ${target})
  endif()
  if(arg_TESTS)
    add_executable(${name}_tests ${arg_TESTS})
    target_include_directories(${name}_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
    target_link_libraries(${name}_tests PRIVATE ${target} ${arg_TEST_LIBRARIES} GTest::gtest_main)
    gtest_discover_tests(${name}_tests DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 300)
  endif()
endfunction()

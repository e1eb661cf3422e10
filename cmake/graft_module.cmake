# graft_module(<name> SOURCES ... DEPS ...): one static library per module of
# docs/architecture.md, named graft_<name>, whose headers are included as "<name>/file.h".
# graft_unit_test(<name> SOURCES ... DEPS ...): a GoogleTest binary registered with ctest
# under the label `unit`.

function(graft_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(graft_${name} STATIC ${ARG_SOURCES})
  target_include_directories(graft_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(graft_${name} PUBLIC ${ARG_DEPS})
endfunction()

function(graft_unit_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main)
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  gtest_discover_tests(${name} PROPERTIES LABELS "${ARG_LABELS}" DISCOVERY_TIMEOUT 60)
endfunction()

# graft_module_tests(SOURCES ... DEPS ...): unit tests of the calling module, when tests are on.
macro(graft_module_tests name)
  if(GRAFT_BUILD_TESTS)
    graft_unit_test(${name} ${ARGN})
  endif()
endmacro()

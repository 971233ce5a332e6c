# The DOT that `dxcomply graph` writes is valid for Graphviz: render it with
# the real `dot` and check an SVG comes out with every node drawn.
cmake_minimum_required(VERSION 3.18)
find_program(DOT dot REQUIRED)
file(MAKE_DIRECTORY ${OUT_DIR})  # also when no golden case has run before
execute_process(
  COMMAND ${DXCOMPLY} graph --db ${SAMPLE_DB} --rules ${SOURCE}/rules --as-of 2023-09-18
          --format dot
  OUTPUT_FILE ${OUT_DIR}/graph.dot
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "dxcomply graph failed: ${rc}")
endif()
execute_process(
  COMMAND ${DOT} -Tsvg ${OUT_DIR}/graph.dot -o ${OUT_DIR}/graph.svg
  RESULT_VARIABLE rc
  ERROR_VARIABLE errors)
if(NOT rc EQUAL 0 OR NOT errors STREQUAL "")
  message(FATAL_ERROR "dot rejected the graph (${rc}): ${errors}")
endif()
file(STRINGS ${OUT_DIR}/graph.dot declared ENCODING UTF-8 REGEX "^  n[0-9]+ \\[label")
list(LENGTH declared node_count)
# The legend's entries are nodes too (one per status shown, and a task).
file(STRINGS ${OUT_DIR}/graph.dot legend ENCODING UTF-8 REGEX "^    legend_[a-z_]+ \\[label")
list(LENGTH legend legend_count)
if(legend_count EQUAL 0)
  message(FATAL_ERROR "the graph has no legend of its colours")
endif()
math(EXPR node_count "${node_count} + ${legend_count}")
file(READ ${OUT_DIR}/graph.svg svg)
string(REGEX MATCHALL "class=\"node\"" drawn "${svg}")
list(LENGTH drawn drawn_count)
if(node_count EQUAL 0 OR NOT node_count EQUAL drawn_count)
  message(FATAL_ERROR "declared ${node_count} nodes, SVG draws ${drawn_count}")
endif()
if(NOT svg MATCHES "Bộ Công an")
  message(FATAL_ERROR "the SVG lost the Vietnamese agency names")
endif()
message(STATUS "dot rendered ${drawn_count} nodes")

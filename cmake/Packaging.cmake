# A Debian package of what `cmake --install` installs, built by
#
#   cpack --config build/CPackConfig.cmake -B build/package
#
# (./build.sh package). Its dependencies are the shared libraries the program
# links, as dpkg-shlibdeps finds them (libsqlite3-0, libyaml-cpp0.7,
# libxlsxwriter4, libspdlog1.10, ...), so `apt-get install ./dxcomply_*.deb`
# on a clean Debian 12 pulls in exactly those. tests/install checks the
# package's contents and dependencies; scripts/test-deb-in-debian12.sh
# installs it into a fresh Debian 12 root and runs it on the sample.

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME dxcomply)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "dxcomply maintainers")
set(CPACK_PACKAGE_CONTACT "dxcomply maintainers <maintainers@users.noreply.b-seed-29cf310e.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "checks Vietnam's digital-transformation obligations and their deadlines")
set(CPACK_PACKAGE_DESCRIPTION
    "dxcomply evaluates the duties of the National Committee on Digital Transformation\n\
(rules in YAML, each citing its legal source) against the records of the agencies\n\
that owe them (SQLite), as of any date: who is late, who is about to be, why, and\n\
whose lateness holds others back. Reports, reminder letters, calendars, a workbook,\n\
a dashboard and a nightly batch.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The program runs without these; they read the outputs.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "sqlite3, graphviz")
# `remind --format docx` runs pandoc and `--format pdf` chromium (opt-in;
# the default md and html need neither); fonts-liberation2 gives the letters'
# Times New Roman its metric twin where Microsoft's fonts are not installed.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "pandoc, chromium, fonts-liberation2")
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/package)
include(CPack)

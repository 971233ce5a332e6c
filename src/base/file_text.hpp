// Reading a whole input file (rules, calendars, templates, the nightly
// state) with the reason when it cannot be read, for each caller's own
// message naming the file.
#pragma once

#include <string>

namespace dxcomply {

struct FileText {
  std::string text;
  std::string error;  // empty when read: "is a folder, not a file", strerror(errno)...
  bool ok() const { return error.empty(); }
};

FileText ReadFileText(const std::string& path);

}  // namespace dxcomply

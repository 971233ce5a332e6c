#include "fuzz_support.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace dxcomply::fuzz {
namespace {

namespace fs = std::filesystem;

struct Scratch {
  Scratch() {
    std::error_code error;
    const fs::path base =
        fs::is_directory("/dev/shm", error) ? fs::path("/dev/shm") : fs::temp_directory_path();
    path = (base / ("dxcomply-fuzz-" + std::to_string(getpid()))).string();
    fs::remove_all(path, error);
    fs::create_directories(path);
  }
  ~Scratch() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  std::string path;
};

}  // namespace

const std::string& ScratchFolder() {
  static const Scratch scratch;
  return scratch.path;
}

std::string WriteScratch(const std::string& name, std::string_view content) {
  const std::string path = ScratchFolder() + "/" + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
  return path;
}

std::string SourcePath(const std::string& relative) {
  return std::string(DXCOMPLY_SOURCE_DIR) + "/" + relative;
}

std::string ReadSource(const std::string& relative) {
  std::ifstream in(SourcePath(relative), std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + SourcePath(relative));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace dxcomply::fuzz

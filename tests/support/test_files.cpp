#include "support/test_files.hpp"

#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace dxcomply::testing {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TempFolder::TempFolder() {
  static std::atomic<int> counter{0};
  const fs::path path = fs::temp_directory_path() / ("dxcomply-test-" + std::to_string(getpid()) +
                                                     "-" + std::to_string(counter++));
  fs::remove_all(path);
  fs::create_directories(path);
  path_ = path.string();
}

TempFolder::~TempFolder() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::string TempFolder::Write(const std::string& name, const std::string& content) const {
  const fs::path path = fs::path(path_) / name;
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

std::string SchemaSql() { return ReadFile(DXCOMPLY_SOURCE_DIR "/data/schema.sql"); }

std::string TablesYaml() { return ReadFile(DXCOMPLY_SOURCE_DIR "/rules/tables.yaml"); }

TestDatabase::TestDatabase(const std::string& sql) : path_(folder_.path() + "/records.db") {
  Execute(sql);
}

void TestDatabase::Execute(const std::string& sql) const {
  sqlite3* db = nullptr;
  if (sqlite3_open(path_.c_str(), &db) != SQLITE_OK) {
    throw std::runtime_error("cannot create " + path_);
  }
  char* error = nullptr;
  const int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error != nullptr ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  if (code != SQLITE_OK) throw std::runtime_error("test SQL failed: " + message);
}

TestRules::TestRules(const std::map<std::string, std::string>& files, bool with_tables) {
  if (with_tables) folder_.Write("tables.yaml", TablesYaml());
  for (const auto& [name, content] : files) folder_.Write(name, content);
}

}  // namespace dxcomply::testing

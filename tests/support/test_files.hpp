// Throwaway files for tests: a SQLite database built from inline SQL, and a
// rules folder built from inline YAML. Both live in a fresh temporary folder
// removed when the object goes out of scope.
#pragma once

#include <map>
#include <string>

namespace dxcomply::testing {

// A fresh folder under the system temp dir; removed on destruction.
class TempFolder {
 public:
  TempFolder();
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const std::string& path() const { return path_; }
  std::string Write(const std::string& name, const std::string& content) const;

 private:
  std::string path_;
};

// data/schema.sql as text (the record contract every test database starts from).
std::string SchemaSql();
// rules/tables.yaml as text.
std::string TablesYaml();

// A database file made by running `sql` (usually SchemaSql() + inserts).
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& sql);
  const std::string& path() const { return path_; }
  // Runs more SQL on the file (through a separate, writable connection).
  void Execute(const std::string& sql) const;

 private:
  TempFolder folder_;
  std::string path_;
};

// A rules folder with tables.yaml plus the given files (name -> YAML).
class TestRules {
 public:
  explicit TestRules(const std::map<std::string, std::string>& files, bool with_tables = true);
  const std::string& path() const { return folder_.path(); }

 private:
  TempFolder folder_;
};

}  // namespace dxcomply::testing

// `dxcomply import` on a CSV file: the bytes are the file. Each input is
// imported three ways: its header choosing the table, as the table --table
// names (one of the shipped tables, by the input's size), and the same
// with --agency. The CSV reader (BOM, separators, quotes, line ends, UTF-8),
// the header match, every cell's reading as its column's type and the
// plan against the sample country's rows all run; nothing is committed
// (import_run.hpp).
#include "import_run.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  dxcomply::fuzz::PrepareImport();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using dxcomply::fuzz::ImportBytes;
  const auto& tables = dxcomply::fuzz::TableNames();
  const std::string& table = tables[size % tables.size()];
  ImportBytes(data, size, "import.csv", "", "");
  ImportBytes(data, size, "import.csv", table, "");
  ImportBytes(data, size, "import.csv", table, "BDTTG");
  return 0;
}

// What the two import targets share: `dxcomply import` (ImportFile) run on
// fuzz bytes as a file, against a scratch copy of the sample country's
// database, up to the commit and no further. Every cell is read and checked,
// the plan is made against the stored rows and, when the file is clean, its
// rows are inserted and updated inside the import's transaction; the hook
// before the commit then throws, so that the transaction is rolled back. The
// sample database itself is never opened for writing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dxcomply::fuzz {

// Loads the shipped rules and copies the sample database (once).
void PrepareImport();

// Imports `bytes` as the file `file_name` (its extension chooses the
// reader) with the options --table and --agency (empty: none), then checks
// what the import must always hold: no exception escapes, nothing is
// committed, a refusal says why, a file problem names the file, every cell
// problem names a cell. Aborts when one does not hold.
void ImportBytes(const std::uint8_t* data, std::size_t size, const std::string& file_name,
                 const std::string& table, const std::string& agency);

// The names of the shipped record tables, for --table.
const std::vector<std::string>& TableNames();

}  // namespace dxcomply::fuzz

#include "import/sheet.hpp"

namespace dxcomply {

std::string ColumnLetters(int column) {
  std::string letters;
  for (int n = column + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

std::string CellName(const std::string& sheet, int column, int row) {
  return sheet + "!" + ColumnLetters(column) + std::to_string(row);
}

int ColumnIndex(const std::string& letters) {
  if (letters.empty() || letters.size() > 3) return -1;
  int index = 0;
  for (const char c : letters) {
    if (c < 'A' || c > 'Z') return -1;
    index = index * 26 + (c - 'A' + 1);
  }
  return index - 1;
}

}  // namespace dxcomply

// What the fuzz targets share: a scratch folder for the files a target
// must hand to an API that reads files (one per process, in memory when
// /dev/shm exists), and a reader of fuzz bytes as small typed choices.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dxcomply::fuzz {

// A folder of this process's own, removed at exit.
const std::string& ScratchFolder();

// Writes `content` to ScratchFolder()/name and returns its path.
std::string WriteScratch(const std::string& name, std::string_view content);

// The repository (for seed rules, the schema, the templates).
std::string SourcePath(const std::string& relative);
std::string ReadSource(const std::string& relative);

// Fuzz bytes read as choices; past the end, every choice is 0 or empty.
class Bytes {
 public:
  Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  bool empty() const { return at_ >= size_; }
  std::uint8_t Byte() { return at_ < size_ ? data_[at_++] : 0; }
  // 0 .. count - 1.
  std::size_t Pick(std::size_t count) { return count == 0 ? 0 : Byte() % count; }
  template <typename T>
  const T& PickOf(const std::vector<T>& items) {
    return items[Pick(items.size())];
  }
  std::int64_t Integer() {
    std::int64_t value = 0;
    for (int i = 0; i < 8; ++i) value = (value << 8) | Byte();
    return value;
  }
  // Up to `max` raw bytes, their count first.
  std::string Text(std::size_t max) {
    const std::size_t length = Pick(max + 1);
    std::string text;
    for (std::size_t i = 0; i < length && !empty(); ++i) text += static_cast<char>(Byte());
    return text;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

}  // namespace dxcomply::fuzz

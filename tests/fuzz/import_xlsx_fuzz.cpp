// `dxcomply import` on an .xlsx workbook: the bytes are the file, imported
// as it is and with --agency. The zip (libzip), the XML parts (pugixml),
// shared and inline strings, styles and date formats, cell references, the
// template's information sheet, every cell's reading as its column's type
// and the plan against the sample country's rows all run; nothing is
// committed (import_run.hpp).
//
// Mutating a zip's bytes mostly breaks its checksums, and the reader then
// stops at "a damaged file". So under libFuzzer a custom mutator unpacks
// the workbook, mutates one of its parts (most often one the reader reads)
// and packs it again (stored, not compressed); now and then it mutates the
// zip's own bytes instead, for the reader of the zip.
#include "import_run.hpp"

#include <cstddef>
#include <cstdint>

#ifdef DXCOMPLY_LIBFUZZER
#include <algorithm>
#include <cstring>
#include <optional>
#include <random>
#include <string>
#include <vector>
#include <zip.h>
#endif

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  dxcomply::fuzz::PrepareImport();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  dxcomply::fuzz::ImportBytes(data, size, "import.xlsx", "", "");
  dxcomply::fuzz::ImportBytes(data, size, "import.xlsx", "", "BDTTG");
  return 0;
}

#ifdef DXCOMPLY_LIBFUZZER
namespace {

struct Part {
  std::string name;
  std::string bytes;
};

// The parts of a zip, or nullopt when it is none (or holds a large part).
std::optional<std::vector<Part>> Unzip(const std::uint8_t* data, std::size_t size) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(data, size, 0, &error);
  zip_t* archive = source != nullptr ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  zip_error_fini(&error);
  if (archive == nullptr) {
    if (source != nullptr) zip_source_free(source);
    return std::nullopt;
  }
  std::vector<Part> parts;
  bool ok = true;
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < count && ok; ++i) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    ok = zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat) == 0 &&
         (stat.valid & ZIP_STAT_SIZE) != 0 && (stat.valid & ZIP_STAT_NAME) != 0 &&
         stat.size <= (1u << 20);
    zip_file_t* file = ok ? zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0) : nullptr;
    if (file == nullptr) {
      ok = false;
      break;
    }
    Part part{stat.name, std::string(stat.size, '\0')};
    ok = zip_fread(file, part.bytes.data(), stat.size) == static_cast<zip_int64_t>(stat.size);
    zip_fclose(file);
    parts.push_back(std::move(part));
  }
  zip_discard(archive);
  if (!ok) return std::nullopt;
  return parts;
}

// The parts packed as a zip, stored; empty when libzip fails.
std::string Zip(const std::vector<Part>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = buffer != nullptr ? zip_open_from_source(buffer, ZIP_TRUNCATE, &error) : nullptr;
  zip_error_fini(&error);
  if (archive == nullptr) {
    if (buffer != nullptr) zip_source_free(buffer);
    return "";
  }
  zip_source_keep(buffer);
  for (const Part& part : parts) {
    zip_source_t* source = zip_source_buffer(archive, part.bytes.data(), part.bytes.size(), 0);
    if (source == nullptr) continue;
    const zip_int64_t index =
        zip_file_add(archive, part.name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(source);
      continue;
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  std::string bytes;
  if (zip_close(archive) != 0) {
    zip_discard(archive);
  } else if (zip_source_open(buffer) == 0) {
    zip_source_seek(buffer, 0, SEEK_END);
    const zip_int64_t size = zip_source_tell(buffer);
    zip_source_seek(buffer, 0, SEEK_SET);
    if (size > 0) {
      bytes.resize(static_cast<std::size_t>(size));
      if (zip_source_read(buffer, bytes.data(), bytes.size()) != size) bytes.clear();
    }
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return bytes;
}

// The parts ReadXlsx reads: the workbook, its relationships, shared
// strings, styles and sheets (not the theme or the document properties).
bool ReaderReads(const std::string& name) {
  return name.rfind("xl/", 0) == 0 && name.rfind("xl/theme/", 0) != 0;
}

}  // namespace

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size,
                                               std::size_t max_size, unsigned int seed) {
  std::minstd_rand random(seed);
  std::optional<std::vector<Part>> parts;
  if (random() % 16 != 0) parts = Unzip(data, size);
  if (!parts || parts->empty()) return LLVMFuzzerMutate(data, size, max_size);

  std::vector<std::size_t> chosen;
  for (std::size_t i = 0; i < parts->size(); ++i) {
    if (ReaderReads((*parts)[i].name) || random() % 8 == 0) chosen.push_back(i);
  }
  if (chosen.empty()) chosen.push_back(random() % parts->size());
  Part& part = (*parts)[chosen[random() % chosen.size()]];
  const std::size_t room = max_size > size ? std::min<std::size_t>(max_size - size, 4096) : 0;
  if (part.bytes.empty()) part.bytes = " ";
  const std::size_t length = part.bytes.size();
  part.bytes.resize(length + room);
  part.bytes.resize(
      LLVMFuzzerMutate(reinterpret_cast<std::uint8_t*>(part.bytes.data()), length, length + room));

  const std::string zipped = Zip(*parts);
  if (zipped.empty() || zipped.size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
  std::memcpy(data, zipped.data(), zipped.size());
  return zipped.size();
}
#endif

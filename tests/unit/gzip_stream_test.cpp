// The nightly's gzip files: what goes in comes out of a standard gzip
// reader, the same text gives the same bytes, and a failed write is seen.
#include "nightly/gzip_stream.hpp"

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <streambuf>
#include <string>

namespace dxcomply {
namespace {

std::string Gzip(const std::string& text) {
  std::ostringstream file;
  GzipStreamBuf gzip(file);
  std::ostream out(&gzip);
  // In pieces, as writers do; some larger than the stream's buffer.
  for (std::size_t at = 0; at < text.size(); at += 100000) out << text.substr(at, 100000);
  BOOST_REQUIRE(gzip.Finish());
  return file.str();
}

// With zlib's own inflate, as `gunzip` and Python's gzip module read it.
std::string Gunzip(const std::string& bytes) {
  z_stream zlib{};
  BOOST_REQUIRE(inflateInit2(&zlib, 15 + 16) == Z_OK);
  zlib.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zlib.avail_in = static_cast<uInt>(bytes.size());
  std::string text;
  char buffer[1 << 16];
  int result = Z_OK;
  while (result == Z_OK) {
    zlib.next_out = reinterpret_cast<Bytef*>(buffer);
    zlib.avail_out = sizeof buffer;
    result = inflate(&zlib, Z_NO_FLUSH);
    text.append(buffer, sizeof buffer - zlib.avail_out);
  }
  inflateEnd(&zlib);
  BOOST_TEST(result == Z_STREAM_END);
  BOOST_TEST(zlib.avail_in == 0u);  // one member, nothing after it
  return text;
}

// A sink that fails after `room` bytes, like a full disk.
class FullDisk : public std::streambuf {
 public:
  explicit FullDisk(std::size_t room) : room_(room) {}

 protected:
  std::streamsize xsputn(const char*, std::streamsize count) override {
    if (static_cast<std::size_t>(count) > room_) return 0;
    room_ -= static_cast<std::size_t>(count);
    return count;
  }
  int_type overflow(int_type c) override { return room_-- > 0 ? c : traits_type::eof(); }

 private:
  std::size_t room_;
};

BOOST_AUTO_TEST_SUITE(gzip_stream)

BOOST_AUTO_TEST_CASE(a_gzip_reader_reads_back_the_text) {
  std::string text;
  for (int i = 0; i < 200000; ++i)
    text += "{\"agency\": \"Nghệ An\", \"n\": " + std::to_string(i) + "}\n";
  const std::string bytes = Gzip(text);
  BOOST_TEST(bytes.size() < text.size() / 5);
  BOOST_TEST(Gunzip(bytes) == text);
  BOOST_TEST(Gunzip(Gzip("")).empty());
}

BOOST_AUTO_TEST_CASE(the_same_text_gives_the_same_bytes) {
  const std::string bytes = Gzip("the same night\n");
  BOOST_TEST(bytes == Gzip("the same night\n"));
  // RFC 1952: magic, deflate, no flags, no time (0), then the OS byte.
  BOOST_TEST(bytes.substr(0, 8) == std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8));
}

BOOST_AUTO_TEST_CASE(a_failed_write_is_seen) {
  FullDisk disk(100);
  std::ostream file(&disk);
  GzipStreamBuf gzip(file);
  std::ostream out(&gzip);
  std::string text;
  for (int i = 0; i < 100000; ++i) text += std::to_string(i * 7919) + ",";
  out << text;
  BOOST_TEST(!gzip.Finish());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply

#include "nightly/gzip_stream.hpp"

namespace dxcomply {
namespace {

constexpr std::size_t kBuffer = 1 << 18;
constexpr int kGzipWindow = 15 + 16;  // the largest window, with a gzip header and trailer

}  // namespace

GzipStreamBuf::GzipStreamBuf(std::ostream& sink, int level)
    : sink_(sink), in_(kBuffer), out_(kBuffer) {
  failed_ = deflateInit2(&zlib_, level, Z_DEFLATED, kGzipWindow, 8, Z_DEFAULT_STRATEGY) != Z_OK;
  setp(in_.data(), in_.data() + in_.size());
}

GzipStreamBuf::~GzipStreamBuf() { deflateEnd(&zlib_); }

bool GzipStreamBuf::Deflate(int flush) {
  if (failed_) return false;
  zlib_.next_in = reinterpret_cast<Bytef*>(pbase());
  zlib_.avail_in = static_cast<uInt>(pptr() - pbase());
  int result = Z_OK;
  do {
    zlib_.next_out = reinterpret_cast<Bytef*>(out_.data());
    zlib_.avail_out = static_cast<uInt>(out_.size());
    result = deflate(&zlib_, flush);
    if (result == Z_STREAM_ERROR) {
      failed_ = true;
      return false;
    }
    const std::size_t produced = out_.size() - zlib_.avail_out;
    if (produced > 0 && !sink_.write(out_.data(), static_cast<std::streamsize>(produced))) {
      failed_ = true;
      return false;
    }
  } while (zlib_.avail_out == 0 || (flush == Z_FINISH && result != Z_STREAM_END));
  setp(in_.data(), in_.data() + in_.size());
  return true;
}

GzipStreamBuf::int_type GzipStreamBuf::overflow(int_type c) {
  if (finished_ || !Deflate(Z_NO_FLUSH)) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

// Nothing to do: flushing zlib mid-stream would only make the file larger.
int GzipStreamBuf::sync() { return failed_ ? -1 : 0; }

bool GzipStreamBuf::Finish() {
  if (!finished_) {
    finished_ = true;
    if (Deflate(Z_FINISH)) sink_.flush();
    setp(nullptr, nullptr);
  }
  return !failed_ && static_cast<bool>(sink_);
}

}  // namespace dxcomply

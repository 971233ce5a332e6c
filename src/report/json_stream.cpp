#include "report/json_stream.hpp"

#include "report/json_number.hpp"
#include "base/utf8.hpp"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cstdio>
#include <cstring>

namespace dxcomply {
namespace {

// ASCII bytes copied as they are: printable, other than '"' and '\\'.
bool IsPlainAscii(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

// IsPlainAscii for the 8 bytes of `word` at once (bit tricks from "Bit
// Twiddling Hacks": a byte below 0x20, or equal to '"' or '\\', or non-ASCII),
// and, when `script_safe`, no '<'.
bool AllPlainAscii(std::uint64_t word, bool script_safe) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHigh = 0x8080808080808080;
  const auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHigh;
  const std::uint64_t less_than = script_safe ? has_zero(word ^ (kOnes * '<')) : 0;
  return ((word & kHigh) | below_space | has_zero(word ^ (kOnes * '"')) |
          has_zero(word ^ (kOnes * '\\')) | less_than) == 0;
}

// The most WriteJsonString writes for `length` bytes of text: quotes, and
// six bytes per byte ("\u001f").
std::size_t MaxEscaped(std::size_t length) { return 6 * length + 2; }

// Writes `text` as a JSON string literal at `out`; returns the end. Runs of
// plain ASCII and valid UTF-8 are copied whole: record texts (Vietnamese
// names, reasons) rarely need anything escaped.
char* WriteJsonString(std::string_view text, char* out, bool script_safe) {
  *out++ = '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  std::size_t i = 0;
  const auto copy = [&](std::string_view bytes) {
    if (bytes.empty()) return;  // its data() may be null
    std::memcpy(out, bytes.data(), bytes.size());
    out += bytes.size();
  };
  // After a word that is not all plain ASCII, its bytes go one at a time:
  // in Vietnamese text nearly every word has a letter of two or three bytes,
  // and testing a word again at each of its bytes would be wasted.
  std::size_t bytewise_until = 0;
  while (i < text.size()) {
    std::uint64_t word;
    if (i >= bytewise_until && i + sizeof word <= text.size()) {
      std::memcpy(&word, text.data() + i, sizeof word);
      if (AllPlainAscii(word, script_safe)) {
        i += sizeof word;
        continue;
      }
      bytewise_until = i + sizeof word;
    }
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsPlainAscii(c) && !(script_safe && c == '<')) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const std::size_t length = Utf8SequenceLength(text, i);
      if (length > 0) {
        i += length;
        continue;
      }
    }
    copy(text.substr(run, i - run));
    switch (c) {
      case '"':
        copy("\\\"");
        break;
      case '\\':
        copy("\\\\");
        break;
      case '\n':
        copy("\\n");
        break;
      case '\r':
        copy("\\r");
        break;
      case '\t':
        copy("\\t");
        break;
      case '<':
        copy("\\u003c");
        break;
      default:
        if (c >= 0x80) {
          copy("\xEF\xBF\xBD");  // invalid UTF-8: U+FFFD
        } else {
          constexpr char kHex[] = "0123456789abcdef";
          const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          copy(std::string_view(escape, sizeof escape));
        }
    }
    run = ++i;
  }
  copy(text.substr(run, i - run));
  *out++ = '"';
  return out;
}

}  // namespace

void AppendJsonString(std::string_view text, std::string& out, bool script_safe) {
  const std::size_t start = out.size();
  out.resize(start + MaxEscaped(text.size()));
  const char* const end = WriteJsonString(text, out.data() + start, script_safe);
  out.resize(static_cast<std::size_t>(end - out.data()));
}

void JsonStream::Grow(std::size_t bytes) {
  // Doubling; small to begin with: a part may hold one short object.
  buffer_.resize(std::max({2 * buffer_.size(), size_ + bytes, std::size_t{256}}));
}

void JsonStream::Flush() {
  if (out_ == nullptr) return;
  out_->write(buffer_.data(), static_cast<std::streamsize>(size_));
  size_ = 0;
}

void JsonStream::LineBreak(std::size_t depth) {
  if (indent_ <= 0) return;
  const std::size_t spaces = depth * static_cast<std::size_t>(indent_);
  char* const line = Room(1 + spaces);
  line[0] = '\n';
  std::memset(line + 1, ' ', spaces);
  size_ += 1 + spaces;
}

JsonStream& JsonStream::BeginObject() {
  BeforeValue();
  Put('{');
  first_.push_back(true);
  return *this;
}

JsonStream& JsonStream::End(char close) {
  const bool empty = first_.back();
  first_.pop_back();
  if (!empty) LineBreak(first_.size());
  Put(close);
  if (first_.empty()) Flush();
  return *this;
}

JsonStream& JsonStream::EndObject() { return End('}'); }

JsonStream& JsonStream::BeginArray() {
  BeforeValue();
  Put('[');
  first_.push_back(true);
  return *this;
}

JsonStream& JsonStream::EndArray() { return End(']'); }

JsonStream& JsonStream::Key(std::string_view key) {
  BeforeValue();
  Advance(WriteJsonString(key, Room(MaxEscaped(key.size())), script_safe_));
  Put(indent_ > 0 ? ": " : ":");
  after_key_ = true;
  return *this;
}

JsonStream& JsonStream::String(std::string_view value) {
  BeforeValue();
  Advance(WriteJsonString(value, Room(MaxEscaped(value.size())), script_safe_));
  return *this;
}

JsonStream& JsonStream::Int(std::int64_t value) {
  BeforeValue();
  constexpr std::size_t kDigits = 24;
  char* const text = Room(kDigits);
  Advance(std::to_chars(text, text + kDigits, value).ptr);
  return *this;
}

JsonStream& JsonStream::Number(double value) {
  BeforeValue();
  Advance(WriteJsonNumber(value, Room(kMaxJsonNumber)));
  return *this;
}

JsonStream& JsonStream::Bool(bool value) {
  BeforeValue();
  Put(value ? "true" : "false");
  return *this;
}

JsonStream& JsonStream::Null() {
  BeforeValue();
  Put("null");
  return *this;
}

JsonStream& JsonStream::Raw(std::string_view json) {
  BeforeValue();
  if (!script_safe_) {
    Put(json);
    return *this;
  }
  // In JSON text a '<' can only be inside a string, where \u003c reads the same.
  for (std::size_t start = 0;;) {
    const std::size_t less = json.find('<', start);
    Put(json.substr(start, less - start));
    if (less == std::string_view::npos) break;
    Put("\\u003c");
    start = less + 1;
  }
  return *this;
}

JsonStream& JsonStream::Splice(std::string_view part) {
  if (part.empty()) return *this;
  first_.back() = false;
  if (out_ == nullptr) {
    Put(part);
    return *this;
  }
  Flush();
  out_->write(part.data(), static_cast<std::streamsize>(part.size()));
  return *this;
}

JsonStream& JsonStream::Members(std::string_view members) {
  assert(indent_ == 0);
  if (size_ >= kChunk) Flush();
  if (!first_.back()) Put(',');
  first_.back() = false;
  Put(members);
  return *this;
}

JsonStream& JsonStream::Newline() {
  Put('\n');
  return *this;
}

}  // namespace dxcomply

#include "report/json_stream.hpp"

#include "report/json_number.hpp"
#include "report/utf8.hpp"

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

}  // namespace

// Runs of plain ASCII and valid UTF-8 are appended whole: record texts
// (Vietnamese names, reasons) rarely need anything escaped.
void AppendJsonString(std::string_view text, std::string& out, bool script_safe) {
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet appended
  std::size_t i = 0;
  while (i < text.size()) {
    std::uint64_t word;
    if (i + sizeof word <= text.size()) {
      std::memcpy(&word, text.data() + i, sizeof word);
      if (AllPlainAscii(word, script_safe)) {
        i += sizeof word;
        continue;
      }
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
    out.append(text.data() + run, i - run);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '<':
        out += "\\u003c";
        break;
      default:
        if (c >= 0x80) {
          out += "\xEF\xBF\xBD";  // invalid UTF-8: U+FFFD
        } else {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        }
    }
    run = ++i;
  }
  out.append(text.data() + run, i - run);
  out += '"';
}

void JsonStream::Flush() {
  if (out_ == nullptr) return;
  out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

void JsonStream::LineBreak(std::size_t depth) {
  if (indent_ <= 0) return;
  buffer_ += '\n';
  buffer_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

void JsonStream::BeforeValue() {
  if (buffer_.size() >= kChunk) Flush();
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) buffer_ += ',';
    first_.back() = false;
    LineBreak(first_.size());
  }
}

JsonStream& JsonStream::BeginObject() {
  BeforeValue();
  buffer_ += '{';
  first_.push_back(true);
  return *this;
}

JsonStream& JsonStream::End(char close) {
  const bool empty = first_.back();
  first_.pop_back();
  if (!empty) LineBreak(first_.size());
  buffer_ += close;
  if (first_.empty()) Flush();
  return *this;
}

JsonStream& JsonStream::EndObject() { return End('}'); }

JsonStream& JsonStream::BeginArray() {
  BeforeValue();
  buffer_ += '[';
  first_.push_back(true);
  return *this;
}

JsonStream& JsonStream::EndArray() { return End(']'); }

JsonStream& JsonStream::Key(std::string_view key) {
  BeforeValue();
  AppendJsonString(key, buffer_, script_safe_);
  buffer_ += indent_ > 0 ? ": " : ":";
  after_key_ = true;
  return *this;
}

JsonStream& JsonStream::PlainKey(std::string_view key) {
  assert(std::all_of(key.begin(), key.end(),
                     [](char c) { return IsPlainAscii(static_cast<unsigned char>(c)); }));
  BeforeValue();
  buffer_ += '"';
  buffer_ += key;
  buffer_ += indent_ > 0 ? "\": " : "\":";
  after_key_ = true;
  return *this;
}

JsonStream& JsonStream::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(value, buffer_, script_safe_);
  return *this;
}

JsonStream& JsonStream::Int(std::int64_t value) {
  BeforeValue();
  char buffer[24];
  buffer_.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
  return *this;
}

JsonStream& JsonStream::Number(double value) {
  BeforeValue();
  AppendJsonNumber(value, buffer_);
  return *this;
}

JsonStream& JsonStream::Bool(bool value) {
  BeforeValue();
  buffer_ += value ? "true" : "false";
  return *this;
}

JsonStream& JsonStream::Null() {
  BeforeValue();
  buffer_ += "null";
  return *this;
}

JsonStream& JsonStream::Raw(std::string_view json) {
  BeforeValue();
  if (!script_safe_) {
    buffer_ += json;
    return *this;
  }
  // In JSON text a '<' can only be inside a string, where \u003c reads the same.
  for (std::size_t start = 0;;) {
    const std::size_t less = json.find('<', start);
    buffer_.append(json.substr(start, less - start));
    if (less == std::string_view::npos) break;
    buffer_ += "\\u003c";
    start = less + 1;
  }
  return *this;
}

JsonStream& JsonStream::Splice(std::string_view part) {
  if (part.empty()) return *this;
  first_.back() = false;
  if (out_ == nullptr) {
    buffer_ += part;
    return *this;
  }
  Flush();
  out_->write(part.data(), static_cast<std::streamsize>(part.size()));
  return *this;
}

JsonStream& JsonStream::Members(std::string_view members) {
  assert(indent_ == 0);
  if (buffer_.size() >= kChunk) Flush();
  if (!first_.back()) buffer_ += ',';
  first_.back() = false;
  buffer_ += members;
  return *this;
}

JsonStream& JsonStream::Newline() {
  buffer_ += '\n';
  return *this;
}

}  // namespace dxcomply

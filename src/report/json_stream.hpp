// A streaming JSON writer for the findings list, where building a document
// per finding (nlohmann::json) costs more than evaluating it. Writes RFC 8259
// JSON straight to a stream: commas and nesting are tracked, strings are
// escaped, and invalid UTF-8 from records is replaced by U+FFFD (as
// nlohmann's error_handler_t::replace does elsewhere). The text is
// gathered in a buffer and written in large chunks: when the outermost
// container closes, and when the stream is destroyed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dxcomply {

class JsonStream {
 public:
  // `indent` > 0: one member or element per line, nested ones indented by
  // that many more spaces, "key": value (the layout of nlohmann's dump).
  explicit JsonStream(std::ostream& out, int indent = 0) : out_(&out), indent_(indent) {
    buffer_.resize(kChunk + 4096);
  }
  // Strings (and Raw text) from now on escape '<' (AppendJsonString's
  // script_safe).
  JsonStream& ScriptSafe() {
    script_safe_ = true;
    return *this;
  }
  ~JsonStream() { Flush(); }
  // A stream that gathers its text in memory, for Text() or Take(), as if
  // inside an array that already has elements when `after_elements`. So the
  // elements of one array can be written in parts, each by its own stream
  // (on its own thread), and the parts joined in order with Splice: the same
  // text as one stream writing them all.
  static JsonStream ArrayPart(bool after_elements) { return JsonStream(after_elements); }
  // An ArrayPart's text so far.
  std::string_view Text() const { return std::string_view(buffer_.data(), size_); }
  std::string Take() {
    buffer_.resize(size_);
    size_ = 0;
    return std::move(buffer_);
  }
  // Starts the ArrayPart over, as ArrayPart(after_elements), in the memory
  // it has: a fresh buffer per part would be fresh pages every time.
  void Restart(bool after_elements) {
    size_ = 0;
    first_.assign(1, !after_elements);
    after_key_ = false;
  }
  // Appends a part made by an ArrayPart stream, inside the current array.
  JsonStream& Splice(std::string_view part);
  // Appends members ("key":value pairs joined by commas, escaped already)
  // inside the current object, e.g. ones that many objects repeat. Compact
  // streams only.
  JsonStream& Members(std::string_view members);
  JsonStream(const JsonStream&) = delete;
  JsonStream& operator=(const JsonStream&) = delete;

  JsonStream& BeginObject();
  JsonStream& EndObject();
  JsonStream& BeginArray();
  JsonStream& EndArray();
  JsonStream& Key(std::string_view key);
  // A key written in the code: plain ASCII, nothing to escape, appended as
  // it is (the keys repeated in every finding are a third of a report).
  template <std::size_t N>
  JsonStream& Key(const char (&literal)[N]) {
    BeforeValue();
    constexpr std::size_t kLength = N - 1;
    char* text = Room(kLength + 4);
    *text++ = '"';
    std::memcpy(text, literal, kLength);  // a known length: no call
    text += kLength;
    *text++ = '"';
    *text++ = ':';
    if (indent_ > 0) *text++ = ' ';
    Advance(text);
    after_key_ = true;
    return *this;
  }
  JsonStream& String(std::string_view value);
  JsonStream& Int(std::int64_t value);
  JsonStream& Number(double value);  // shortest form that reads back the same
  JsonStream& Bool(bool value);
  JsonStream& Null();
  // Inserts an already serialized JSON value (e.g. nlohmann's dump()).
  JsonStream& Raw(std::string_view json);
  // A line break between top-level items, for diff-friendly output.
  JsonStream& Newline();

 private:
  static constexpr std::size_t kChunk = 1 << 16;

  explicit JsonStream(bool after_elements) : first_{!after_elements} {}
  // A comma (and line break) when a value follows another.
  void BeforeValue() {
    if (out_ != nullptr && size_ >= kChunk) Flush();
    if (after_key_) {
      after_key_ = false;
    } else if (!first_.empty()) {
      if (!first_.back()) Put(',');
      first_.back() = false;
      if (indent_ > 0) LineBreak(first_.size());
    }
  }
  void Flush();
  void LineBreak(std::size_t depth);  // with indent_: a newline, then depth levels
  JsonStream& End(char close);

  // The text not yet flushed or taken is buffer_[0, size_); buffer_ is kept
  // longer and written through a pointer. A std::string append per token
  // (tens of millions in a large report) cost more than the text itself.
  char* Room(std::size_t bytes) {
    if (buffer_.size() - size_ < bytes) Grow(bytes);
    return buffer_.data() + size_;
  }
  void Advance(const char* end) { size_ = static_cast<std::size_t>(end - buffer_.data()); }
  void Put(char c) {
    *Room(1) = c;
    ++size_;
  }
  void Put(std::string_view text) {
    if (text.empty()) return;  // its data() may be null, which memcpy may not take
    std::memcpy(Room(text.size()), text.data(), text.size());
    size_ += text.size();
  }
  void Grow(std::size_t bytes);

  std::ostream* out_ = nullptr;  // null: the text stays in buffer_
  int indent_ = 0;
  bool script_safe_ = false;
  std::string buffer_;
  std::size_t size_ = 0;
  std::vector<char> first_;  // per open container: no element yet
  bool after_key_ = false;
};

// Appends `text` as a JSON string literal, quotes included. `script_safe`:
// '<' written as \u003c too, for JSON inside an HTML <script> element, which
// no text can then close early ("</script>") or turn into a comment ("<!--").
void AppendJsonString(std::string_view text, std::string& out, bool script_safe = false);

}  // namespace dxcomply

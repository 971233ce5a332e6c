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
    buffer_.reserve(kChunk + 4096);
  }
  // Strings (and Raw text) from now on escape '<' (AppendJsonString's
  // script_safe).
  JsonStream& ScriptSafe() {
    script_safe_ = true;
    return *this;
  }
  ~JsonStream() { Flush(); }
  // A stream that gathers its text in memory, for Take(), as if inside an
  // array that already has elements when `after_elements`. So the elements
  // of one array can be written in parts, each by its own stream (on its
  // own thread), and the parts joined in order with Splice: the same text
  // as one stream writing them all.
  // `reuse`: a buffer from an earlier part, whose memory it takes over.
  static JsonStream ArrayPart(bool after_elements, std::string reuse = {}) {
    return JsonStream(after_elements, std::move(reuse));
  }
  std::string Take() { return std::move(buffer_); }
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
    return PlainKey(std::string_view(literal, N - 1));
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

  JsonStream(bool after_elements, std::string buffer)
      : buffer_(std::move(buffer)), first_{!after_elements} {
    buffer_.clear();
  }
  void BeforeValue();
  void Flush();
  JsonStream& PlainKey(std::string_view key);
  void LineBreak(std::size_t depth);  // with indent_: a newline, then depth levels
  JsonStream& End(char close);

  std::ostream* out_ = nullptr;  // null: the text stays in buffer_
  int indent_ = 0;
  bool script_safe_ = false;
  std::string buffer_;
  std::vector<bool> first_;  // per open container: no element yet
  bool after_key_ = false;
};

// Appends `text` as a JSON string literal, quotes included. `script_safe`:
// '<' written as \u003c too, for JSON inside an HTML <script> element, which
// no text can then close early ("</script>") or turn into a comment ("<!--").
void AppendJsonString(std::string_view text, std::string& out, bool script_safe = false);

}  // namespace dxcomply

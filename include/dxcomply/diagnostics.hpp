// User-facing errors and warnings about rules and databases.
//
// The loader and validator never stop at the first problem: they add to a
// Diagnostics collection so that `dxcomply validate` shows every error at
// once, sorted by file and position. Every message has one shape:
//
//   rules/tasks-2023.yaml:14:7: error [plan-2023]: unknown operator 'gte' (expected: ge)
//       op: gte
//           ^
//
// Tests pin this text, so a change to it is deliberate.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace dxcomply {

// A position in a rules file. Line and column are 1-based, the column counted
// in Unicode code points (not bytes) as editors show it; 0 means unknown
// (for example an error about a whole file).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  // "file:line:column", "file:line" or "file", whichever is known.
  std::string ToString() const;
};

enum class Severity { kError, kWarning };

// The most characters of a source line a diagnostic quotes.
inline constexpr int kSourceWindow = 100;

struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLocation location;
  std::string rule_id;      // Empty when the problem is not inside one rule.
  std::string message;      // One sentence, no trailing period.
  std::string source_line;  // The offending line of the file, when known.
  // Characters of the line left out before source_line, when it holds only
  // a window of a long line (SetSourceLine); 0 for a whole line.
  int source_line_start = 0;

  // Keeps the part of `line` around the column (kSourceWindow characters
  // at most): a YAML flow list can put 10,000 errors on one line of a
  // megabyte, and each diagnostic quotes its own part of it.
  void SetSourceLine(const std::string& line);
  // The same when the caller knows the byte at which location.column is.
  void SetSourceLine(const std::string& line, std::size_t caret_byte);

  // The full text: header line, then the source line (a window of it when
  // long, "…" marking the cuts) and a caret if known. Control characters
  // in the message and the line are shown as escapes ("\x1B").
  std::string ToString() const;
};

// An ordered collection of diagnostics. Not thread-safe.
class Diagnostics {
 public:
  void Add(Diagnostic diagnostic);
  void Error(const SourceLocation& location, const std::string& rule_id,
             const std::string& message);
  void Warning(const SourceLocation& location, const std::string& rule_id,
               const std::string& message);

  bool HasErrors() const { return error_count_ > 0; }
  std::size_t error_count() const { return error_count_; }
  std::size_t warning_count() const { return items_.size() - error_count_; }
  bool empty() const { return items_.empty(); }

  // Sorted by file, line, column; insertion order among equal positions.
  std::vector<Diagnostic> Sorted() const;

  // Reads the source lines of every diagnostic whose file is readable, so
  // that ToString() can show the line and a caret.
  void AttachSourceLines();

  void Append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
  std::size_t error_count_ = 0;
};

}  // namespace dxcomply

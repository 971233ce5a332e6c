// Every text a person reads goes through here: the English source text is
// the key (gettext's msgid), po/vi.po holds its Vietnamese, and the English
// output is the key itself. Translators edit po/vi.po, never C++; the build
// compiles it with msgfmt and embeds it in the program (base/catalogue), so
// nothing is read at run time and no system locale is needed.
//
// Marking: the functions below are xgettext's keywords (tests/i18n), so a
// text is extracted only when written as a literal in one of them:
//
//   Tr("overdue")                          a text
//   TrC("status", "met")                   a text in a context, where one
//                                          English word has two meanings
//   TrN("{0} day", "{0} days", n)          English one/many; Vietnamese has
//                                          one form ("{0} ngày")
//   TrNoop("...")                          marks a literal kept in a table,
//                                          translated later with Tr(variable)
//
// Texts with figures are formats with numbered placeholders ({0}, {1}) that
// a translation may reorder (base/phrase.hpp); never concatenate sentence
// parts whose order the language decides. A text returned here lives as
// long as the program.
#pragma once

namespace dxcomply {

// The text in the current language (base/language.hpp); `english` itself
// when English is chosen or the catalogue lacks it.
const char* Tr(const char* english);
const char* TrC(const char* context, const char* english);
const char* TrN(const char* one, const char* many, long long count);
constexpr const char* TrNoop(const char* english) { return english; }

}  // namespace dxcomply

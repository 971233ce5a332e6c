// A rule's legal source as officials read it in the workbook and the
// dashboard. A rule's `source.document` is a researcher's citation: the
// documents' names with locators (slides, sections), notes, and references
// kept for the team ("(seeds/002)", "docs/sources.md", "(DOMAIN.md)"),
// which mean nothing to a reader and are never shown.
#pragma once

#include "dxcomply/obligation.hpp"

#include <string>
#include <string_view>

namespace dxcomply {

// `text` without internal references: tokens that are file paths
// ("seeds/002", "../shared/x.pdf": a first segment of lower-case ASCII, or
// a file name with an extension such as .md or .pdf), and the brackets and
// separators they leave empty. Document numbers such as "411/QĐ-TTg" or
// dates such as "10/9/2023" are not paths and stay.
std::string WithoutInternalReferences(std::string_view text);

// The names of the documents `source` cites, joined by "; ": of each part
// of the citation (parts are separated by "; " outside brackets), the text
// from its first document type ("Quyết định", "Nghị quyết", "Sơ kết",
// "Báo cáo", ...) to its first locator or note (" (", ", slide", ", mục 1",
// ", trích trong", ...). A citation naming no document type gives its first
// part up to " (". Never a path or an internal reference.
std::string DocumentName(const LegalSource& source);

// The whole citation without internal references, for a reader who wants
// the slide or section: WithoutInternalReferences(source.document).
std::string CitationText(const LegalSource& source);

}  // namespace dxcomply

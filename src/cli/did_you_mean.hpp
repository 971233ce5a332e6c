// "Did you mean" for ids typed on the command line: obligation ids by edit
// distance, agency ids by edit distance and by the agency's name written
// without diacritics ("Nghệ An", "nghe an" -> NGHE-AN), as `validate` does
// for rule keys.
#pragma once

#include "dxcomply/finding.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace dxcomply {

// Lower case, Vietnamese letters without their marks (ệ -> e, đ -> d; also
// when typed as a letter and combining marks), and '-', '_' and runs of
// spaces as one space: "Nghệ  An" and "NGHE-AN" both give "nghe an".
std::string FoldForMatching(std::string_view text);

// Levenshtein distance between two byte strings.
std::size_t EditDistance(std::string_view a, std::string_view b);

// Up to three of `candidates` close to `typed` (folded) or beginning with
// it, closest first.
std::vector<std::string> NearestIds(const std::string& typed,
                                    const std::vector<std::string>& candidates);

// Up to three agencies whose id or name is close to `typed`: an agency
// whose folded name equals or contains the folded text (as whole words)
// first, then the nearest by edit distance.
std::vector<const Agency*> NearestAgencies(const std::string& typed,
                                           const std::vector<Agency>& agencies);

// "; did you mean X?", "; did you mean X or Y?", "; did you mean X, Y or
// Z?", or "" for none.
std::string DidYouMean(const std::vector<std::string>& suggestions);

}  // namespace dxcomply

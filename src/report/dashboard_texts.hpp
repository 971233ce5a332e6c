// The dashboard's own words (headings, notes, buttons, the formats of its
// sentences), in the run's language through the message catalogue: the
// page's JavaScript reads them from its data ("texts") and fills each
// format's {0}, {1} itself, as base/phrase.hpp's Format does.
#pragma once

#include "report/json_stream.hpp"

namespace dxcomply {

// "texts": {key: text}, "thousands" and "decimal" (the separators of
// figures), "language" ("vi", "en").
void WriteDashboardTexts(JsonStream& out);

}  // namespace dxcomply

// rules/authorities.yaml: who sets the duties and signs the reminders, over
// time (README "Authorities over time").
//
//   authorities:
//     - from: 2025-03-13                 # omitted on the first: since always
//       until: ...                       # omitted on the last: still
//       body: Ban Chỉ đạo của Chính phủ về ...
//       head: Thủ tướng Chính phủ - Trưởng Ban Chỉ đạo
//       standing_body: {agency: BKHCN, name: Bộ Khoa học và Công nghệ}
//       letterhead: [BAN CHỈ ĐẠO CỦA CHÍNH PHỦ, ...]
//       signing_title: [KT. TRƯỞNG BAN, PHÓ TRƯỞNG BAN]
//       reference_suffix: BCĐCP
//       reply_to: {agency: BKHCN, name: Bộ Khoa học và Công nghệ}
//       escalation_tiers: {3: Báo cáo Ban Chỉ đạo của Chính phủ}
//       escalation_tiers_en: {3: Report to the Government's Steering Committee}
//       source: {document: Quyết định số 598/QĐ-TTg ngày 13/3/2025, passage: ...}
#pragma once

#include "dxcomply/diagnostics.hpp"
#include "dxcomply/rule_set.hpp"

#include "rules/yaml_node_reader.hpp"

namespace dxcomply {

// Loads the entries of one file's `authorities:` list into rules.authorities.
void LoadAuthorities(const YAML::Node& list, YamlNodeReader& reader, RuleSet& rules);

// Once every file is read: puts the authorities in date order and reports
// two in force on one day, a day between two with none, and an escalation
// tier an authority names that rules/escalation.yaml does not declare.
void CheckAuthorities(RuleSet& rules, Diagnostics& diagnostics);

}  // namespace dxcomply

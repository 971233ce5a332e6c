#include "rules/authority_loader.hpp"

#include <algorithm>

namespace dxcomply {
namespace {

const std::vector<std::string> kAuthorityKeys = {"from",          "until",
                                                 "body",          "head",
                                                 "standing_body", "letterhead",
                                                 "signing_title", "reference_suffix",
                                                 "reply_to",      "escalation_tiers",
                                                 "source"};
const std::vector<std::string> kAgencyRefKeys = {"agency", "name"};
const std::vector<std::string> kAuthoritySourceKeys = {"document", "passage", "assumed"};

// "{agency: BKHCN, name: Bộ Khoa học và Công nghệ}".
void LoadAgencyRef(const YAML::Node& node, YamlNodeReader& reader, const std::string& what,
                   std::string& agency, std::string& name) {
  if (!reader.CheckMap(node, kAgencyRefKeys, "", what)) return;
  if (const YAML::Node n = YamlNodeReader::Get(node, "agency"); n.IsDefined()) {
    agency = reader.Text(n, "", what + ".agency").value_or("");
  }
  if (const YAML::Node n = YamlNodeReader::Get(node, "name"); n.IsDefined()) {
    name = reader.Text(n, "", what + ".name").value_or("");
  }
  if (agency.empty()) reader.Error(node, "", what + " needs 'agency' (its id)");
}

std::vector<std::string> Lines(const YAML::Node& node, YamlNodeReader& reader,
                               const std::string& what) {
  std::vector<std::string> lines =
      reader.TextList(node, "", what).value_or(std::vector<std::string>{});
  if (lines.empty() || std::any_of(lines.begin(), lines.end(),
                                   [](const std::string& line) { return line.empty(); })) {
    reader.Error(node, "", what + " must be one or more lines of text");
  }
  return lines;
}

std::string DayText(const std::optional<Date>& date, const char* open) {
  return date ? FormatIsoDate(*date) : open;
}

}  // namespace

void LoadAuthorities(const YAML::Node& list, YamlNodeReader& reader, RuleSet& rules) {
  if (!list.IsSequence()) {
    reader.Error(list, "", "'authorities' must be a list of authorities");
    return;
  }
  for (const YAML::Node& node : list) {
    if (!reader.CheckMap(node, kAuthorityKeys, "", "an authority")) continue;
    Authority authority;
    authority.location = reader.At(node);
    if (const YAML::Node n = YamlNodeReader::Get(node, "from"); n.IsDefined()) {
      authority.from = reader.IsoDate(n, "", "from");
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "until"); n.IsDefined()) {
      authority.until = reader.IsoDate(n, "", "until");
      if (authority.from && authority.until && *authority.until <= *authority.from) {
        reader.Error(n, "", "until is not after from");
      }
    }
    const auto text = [&](const char* key, std::string& out) {
      const YAML::Node n = YamlNodeReader::Get(node, key);
      if (!n.IsDefined()) {
        reader.Error(node, "", std::string("an authority needs '") + key + "'");
        return;
      }
      out = reader.Text(n, "", key).value_or("");
    };
    text("body", authority.body);
    text("head", authority.head);
    if (const YAML::Node n = YamlNodeReader::Get(node, "standing_body"); n.IsDefined()) {
      LoadAgencyRef(n, reader, "standing_body", authority.standing_body_agency,
                    authority.standing_body_name);
    } else {
      reader.Error(node, "", "an authority needs 'standing_body' ({agency: ID, name: ...})");
    }
    for (const auto& [key, lines] :
         {std::pair<const char*, std::vector<std::string>*>{"letterhead", &authority.letterhead},
          {"signing_title", &authority.signing_title}}) {
      const YAML::Node n = YamlNodeReader::Get(node, key);
      if (n.IsDefined()) {
        *lines = Lines(n, reader, key);
      } else {
        reader.Error(node, "", std::string("an authority needs '") + key + "' (its lines)");
      }
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "reference_suffix"); n.IsDefined()) {
      authority.reference_suffix = reader.Text(n, "", "reference_suffix").value_or("");
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "reply_to"); n.IsDefined()) {
      authority.reply_to_name = reader.Text(n, "", "reply_to").value_or("");
    }
    if (authority.reply_to_name.empty()) authority.reply_to_name = authority.standing_body_name;
    if (const YAML::Node n = YamlNodeReader::Get(node, "escalation_tiers"); n.IsDefined()) {
      if (!n.IsMap()) {
        reader.Error(n, "", "escalation_tiers must map tier numbers to names");
      } else {
        for (const auto& entry : n) {
          const std::optional<std::int64_t> level = reader.Integer(entry.first, "", "tier");
          const std::optional<std::string> name = reader.Text(entry.second, "", "tier name");
          if (level && (*level < 1 || *level > 9)) {
            reader.Error(entry.first, "", "tier must be between 1 and 9");
          } else if (level && name) {
            authority.escalation_tiers[static_cast<int>(*level)] = *name;
          }
        }
      }
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "source"); n.IsDefined()) {
      if (n.IsScalar()) {
        authority.source.document = reader.Text(n, "", "source").value_or("");
      } else if (reader.CheckMap(n, kAuthoritySourceKeys, "", "source")) {
        for (const auto& [key, out] :
             {std::pair<const char*, std::string*>{"document", &authority.source.document},
              {"passage", &authority.source.passage},
              {"assumed", &authority.source.assumed}}) {
          if (const YAML::Node m = YamlNodeReader::Get(n, key); m.IsDefined()) {
            *out = reader.Text(m, "", key).value_or("");
          }
        }
      }
    }
    if (authority.source.document.empty()) {
      reader.Error(node, "", "an authority needs 'source' (the document that set it up)");
    }
    rules.authorities.push_back(std::move(authority));
  }
}

void CheckAuthorities(RuleSet& rules, Diagnostics& diagnostics) {
  std::vector<Authority>& authorities = rules.authorities;
  std::stable_sort(authorities.begin(), authorities.end(),
                   [](const Authority& a, const Authority& b) {
                     // Since always first.
                     if (!a.from || !b.from) return !a.from && b.from;
                     return *a.from < *b.from;
                   });
  for (std::size_t i = 0; i < authorities.size(); ++i) {
    const Authority& authority = authorities[i];
    if (i > 0 && !authority.from) {
      diagnostics.Error(authority.location, "",
                        "only the first authority may omit 'from' (in force since always)");
    }
    if (i + 1 == authorities.size()) break;
    const Authority& next = authorities[i + 1];
    if (!authority.until) {
      diagnostics.Error(authority.location, "",
                        "an authority followed by another needs 'until' (the day the next one "
                        "takes over, " +
                            DayText(next.from, "?") + ")");
      continue;
    }
    if (!next.from) continue;  // Reported above.
    if (*next.from < *authority.until) {
      diagnostics.Error(next.location, "",
                        "in force from " + FormatIsoDate(*next.from) + " while the authority at " +
                            authority.location.ToString() + " is, until " +
                            FormatIsoDate(*authority.until) + ": two authorities on one day");
    } else if (*authority.until < *next.from) {
      diagnostics.Error(next.location, "",
                        "no authority from " + FormatIsoDate(*authority.until) + " to " +
                            FormatIsoDate(*next.from - boost::gregorian::days(1)) +
                            ": a letter dated then would have no issuer");
    }
  }
  for (const Authority& authority : authorities) {
    for (const auto& [level, name] : authority.escalation_tiers) {
      const bool declared = std::any_of(rules.escalation.begin(), rules.escalation.end(),
                                        [&](const EscalationTier& t) { return t.level == level; });
      if (!declared && !rules.escalation.empty()) {
        diagnostics.Error(authority.location, "",
                          "escalation_tiers names tier " + std::to_string(level) + " ('" + name +
                              "'), which escalation.yaml does not declare");
      }
    }
  }
}

}  // namespace dxcomply

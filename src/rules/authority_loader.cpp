#include "rules/authority_loader.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"

#include <algorithm>
#include <map>

namespace dxcomply {
namespace {

const std::vector<std::string> kAuthorityKeys = {"from",
                                                 "until",
                                                 "body",
                                                 "head",
                                                 "standing_body",
                                                 "letterhead",
                                                 "signing_title",
                                                 "reference_suffix",
                                                 "reply_to",
                                                 "escalation_tiers",
                                                 "escalation_tiers_en",
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
  if (agency.empty()) reader.Error(node, "", Format(Tr("{0} needs 'agency' (its id)"), {what}));
}

std::vector<std::string> Lines(const YAML::Node& node, YamlNodeReader& reader,
                               const std::string& what) {
  std::vector<std::string> lines =
      reader.TextList(node, "", what).value_or(std::vector<std::string>{});
  if (lines.empty() || std::any_of(lines.begin(), lines.end(),
                                   [](const std::string& line) { return line.empty(); })) {
    reader.Error(node, "", Format(Tr("{0} must be one or more lines of text"), {what}));
  }
  return lines;
}

std::string DayText(const std::optional<Date>& date, const char* open) {
  return date ? FormatIsoDate(*date) : open;
}

}  // namespace

void LoadAuthorities(const YAML::Node& list, YamlNodeReader& reader, RuleSet& rules) {
  if (!list.IsSequence()) {
    reader.Error(list, "", Tr("'authorities' must be a list of authorities"));
    return;
  }
  for (const YAML::Node& node : list) {
    if (!reader.CheckMap(node, kAuthorityKeys, "", Tr("an authority"))) continue;
    Authority authority;
    authority.location = reader.At(node);
    if (const YAML::Node n = YamlNodeReader::Get(node, "from"); n.IsDefined()) {
      authority.from = reader.IsoDate(n, "", "from");
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "until"); n.IsDefined()) {
      authority.until = reader.IsoDate(n, "", "until");
      if (authority.from && authority.until && *authority.until <= *authority.from) {
        reader.Error(n, "", Tr("until is not after from"));
      }
    }
    const auto text = [&](const char* key, std::string& out) {
      const YAML::Node n = YamlNodeReader::Get(node, key);
      if (!n.IsDefined()) {
        reader.Error(node, "", Format(Tr("an authority needs '{0}'"), {key}));
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
      reader.Error(node, "",
                   Format(Tr("an authority needs '{0}' ({1})"),
                          {"standing_body", "{agency: ID, name: ...}"}));
    }
    for (const auto& [key, lines] :
         {std::pair<const char*, std::vector<std::string>*>{"letterhead", &authority.letterhead},
          {"signing_title", &authority.signing_title}}) {
      const YAML::Node n = YamlNodeReader::Get(node, key);
      if (n.IsDefined()) {
        *lines = Lines(n, reader, key);
      } else {
        reader.Error(node, "", Format(Tr("an authority needs '{0}' (its lines)"), {key}));
      }
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "reference_suffix"); n.IsDefined()) {
      authority.reference_suffix = reader.Text(n, "", "reference_suffix").value_or("");
    }
    if (const YAML::Node n = YamlNodeReader::Get(node, "reply_to"); n.IsDefined()) {
      authority.reply_to_name = reader.Text(n, "", "reply_to").value_or("");
    }
    if (authority.reply_to_name.empty()) authority.reply_to_name = authority.standing_body_name;
    for (const auto& [key, tiers] : {std::pair<const char*, std::map<int, std::string>*>{
                                         "escalation_tiers", &authority.escalation_tiers},
                                     {"escalation_tiers_en", &authority.escalation_tiers_en}}) {
      const YAML::Node n = YamlNodeReader::Get(node, key);
      if (!n.IsDefined()) continue;
      if (!n.IsMap()) {
        reader.Error(n, "", Format(Tr("{0} must map tier numbers to names"), {key}));
        continue;
      }
      for (const auto& entry : n) {
        const std::optional<std::int64_t> level = reader.Integer(entry.first, "", "tier");
        const std::optional<std::string> name = reader.Text(entry.second, "", "tier name");
        if (level && (*level < 1 || *level > 9)) {
          reader.Error(entry.first, "", Tr("tier must be between 1 and 9"));
        } else if (level && name) {
          (*tiers)[static_cast<int>(*level)] = *name;
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
      reader.Error(node, "", Tr("an authority needs 'source' (the document that set it up)"));
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
                        Tr("only the first authority may omit 'from' (in force since always)"));
    }
    if (i + 1 == authorities.size()) break;
    const Authority& next = authorities[i + 1];
    if (!authority.until) {
      diagnostics.Error(authority.location, "",
                        Format(Tr("an authority followed by another needs 'until' (the day the "
                                  "next one takes over, {0})"),
                               {DayText(next.from, "?")}));
      continue;
    }
    if (!next.from) continue;  // Reported above.
    if (*next.from < *authority.until) {
      diagnostics.Error(next.location, "",
                        Format(Tr("in force from {0} while the authority at {1} is, until {2}: two "
                                  "authorities on one day"),
                               {FormatIsoDate(*next.from), authority.location.ToString(),
                                FormatIsoDate(*authority.until)}));
    } else if (*authority.until < *next.from) {
      diagnostics.Error(next.location, "",
                        Format(Tr("no authority from {0} to {1}: a letter dated then would have no "
                                  "issuer"),
                               {FormatIsoDate(*authority.until),
                                FormatIsoDate(*next.from - boost::gregorian::days(1))}));
    }
  }
  for (const Authority& authority : authorities) {
    std::map<int, std::string> named = authority.escalation_tiers;
    named.insert(authority.escalation_tiers_en.begin(), authority.escalation_tiers_en.end());
    for (const auto& [level, name] : named) {
      const bool declared = std::any_of(rules.escalation.begin(), rules.escalation.end(),
                                        [&](const EscalationTier& t) { return t.level == level; });
      if (!declared && !rules.escalation.empty()) {
        diagnostics.Error(authority.location, "",
                          Format(Tr("escalation_tiers names tier {0} ('{1}'), which "
                                    "escalation.yaml does not declare"),
                                 {std::to_string(level), name}));
      }
    }
  }
}

}  // namespace dxcomply

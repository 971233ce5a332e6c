#include "records/agency_directory.hpp"

#include "base/file_name.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

#include <algorithm>

namespace dxcomply {

AgencyDirectory::AgencyDirectory(std::vector<Agency> agencies) : agencies_(std::move(agencies)) {
  // One agency per id (Read reports the others): the first of each.
  std::stable_sort(agencies_.begin(), agencies_.end(),
                   [](const Agency& a, const Agency& b) { return a.id < b.id; });
  agencies_.erase(std::unique(agencies_.begin(), agencies_.end(),
                              [](const Agency& a, const Agency& b) { return a.id == b.id; }),
                  agencies_.end());
  for (std::size_t i = 0; i < agencies_.size(); ++i) {
    index_.Insert(agencies_[i].id, static_cast<int>(i));
  }
}

AgencyDirectory AgencyDirectory::Read(RecordStore& store, std::vector<DataIssue>& issues) {
  std::vector<Agency> agencies;
  // Name and kind order the copies of a duplicate id, whatever the file's.
  Statement statement = store.Prepare("SELECT id, name, kind FROM agency ORDER BY id, name, kind");
  while (statement.Step()) {
    Agency agency{statement.String(0), statement.String(1), statement.String(2)};
    if (agency.id.empty()) {
      issues.push_back({kAgencyTable, "", "id", "", Tr("agency without an id (row ignored)"), ""});
      continue;
    }
    // The engine keys everything by agency id: a second row with the same
    // id (a table without its primary key) would get instances of its own.
    if (!agencies.empty() && agencies.back().id == agency.id) {
      const Agency& kept = agencies.back();
      issues.push_back(
          {kAgencyTable, agency.id, "id", agency.id,
           Format(Tr("duplicate agency id: the row named '{0}' ({1}) is ignored; the agency is "
                     "the row named '{2}' ({3})"),
                  {agency.name, agency.kind, kept.name, kept.kind}),
           agency.id});
      continue;
    }
    if (FileStemIsShortened(agency.id)) {
      issues.push_back(
          {kAgencyTable, agency.id, "id", agency.id,
           Format(Tr("id too long for a file name ({0} bytes encoded, at most {1}): its calendar "
                     "and letters are named {2}"),
                  {std::to_string(PercentEncoded(agency.id, false).size()),
                   std::to_string(kMaxFileStemBytes), FileStemOf(agency.id)}),
           agency.id});
    }
    if (agency.name.empty()) {
      issues.push_back({kAgencyTable, agency.id, "name", "", Tr("missing name"), agency.id});
    }
    if (std::find(kAgencyKinds.begin(), kAgencyKinds.end(), agency.kind) == kAgencyKinds.end()) {
      issues.push_back(
          {kAgencyTable, agency.id, "kind", agency.kind,
           Tr("unknown kind (expected ministry, gov_agency or province); no kind-scoped rule "
              "applies"),
           agency.id});
    }
    agencies.push_back(std::move(agency));
  }
  return AgencyDirectory(std::move(agencies));
}

int AgencyDirectory::AddPseudoAgency(Agency agency) {
  const int index = static_cast<int>(agencies_.size());
  if (!index_.Insert(agency.id, index)) return -1;
  if (has_holders_) holder_index_.Insert(agency.id, index);
  agencies_.push_back(std::move(agency));
  return index;
}

void AgencyDirectory::SetNameAndKind(int index, const std::string& name, const std::string& kind) {
  Agency& agency = agencies_[static_cast<std::size_t>(index)];
  agency.name = name;
  agency.kind = kind;
}

void AgencyDirectory::SetRecordHolders(const std::vector<int>& holders) {
  has_holders_ = false;
  holder_index_ = StringIndex();
  for (std::size_t i = 0; i < agencies_.size(); ++i) {
    if (i < holders.size() && holders[i] != static_cast<int>(i)) has_holders_ = true;
  }
  if (!has_holders_) return;
  for (std::size_t i = 0; i < agencies_.size(); ++i) {
    holder_index_.Insert(agencies_[i].id, i < holders.size() ? holders[i] : static_cast<int>(i));
  }
}

}  // namespace dxcomply

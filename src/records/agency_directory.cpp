#include "records/agency_directory.hpp"

#include "base/messages.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

#include <algorithm>

namespace dxcomply {

AgencyDirectory::AgencyDirectory(std::vector<Agency> agencies) : agencies_(std::move(agencies)) {
  std::sort(agencies_.begin(), agencies_.end(),
            [](const Agency& a, const Agency& b) { return a.id < b.id; });
  for (std::size_t i = 0; i < agencies_.size(); ++i) {
    index_.Insert(agencies_[i].id, static_cast<int>(i));
  }
}

AgencyDirectory AgencyDirectory::Read(RecordStore& store, std::vector<DataIssue>& issues) {
  std::vector<Agency> agencies;
  Statement statement = store.Prepare("SELECT id, name, kind FROM agency ORDER BY id");
  while (statement.Step()) {
    Agency agency{statement.String(0), statement.String(1), statement.String(2)};
    if (agency.id.empty()) {
      issues.push_back({kAgencyTable, "", "id", "", Tr("agency without an id (row ignored)"), ""});
      continue;
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

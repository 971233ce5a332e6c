// The agencies of a database, and fast lookup of an agency id to its index.
#pragma once

#include "dxcomply/finding.hpp"

#include "base/string_index.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace dxcomply {

class RecordStore;

class AgencyDirectory {
 public:
  // Reads the agency table. Rows with an unknown kind or an empty name are
  // kept (so their records still resolve) and reported in `issues`.
  static AgencyDirectory Read(RecordStore& store, std::vector<DataIssue>& issues);
  // For tests and the national pseudo-agency.
  explicit AgencyDirectory(std::vector<Agency> agencies);

  const std::vector<Agency>& agencies() const { return agencies_; }
  std::size_t size() const { return agencies_.size(); }
  const Agency& at(int index) const { return agencies_[static_cast<std::size_t>(index)]; }

  // Appends an agency that is not in the database (the national
  // pseudo-agency) and returns its index. Returns -1 if the id is taken.
  int AddPseudoAgency(Agency agency);

  // Index of the agency with this id, or -1.
  int Find(std::string_view id) const { return index_.Find(id); }

  // The map on the run's date (AgencyTimeline::ApplyTo): an agency's name
  // and kind on it, and, by index, the agency each one's records count for.
  void SetNameAndKind(int index, const std::string& name, const std::string& kind);
  void SetRecordHolders(const std::vector<int>& holders);
  // Index of the agency that holds the records of agency `id` on the run's
  // date (its successor once it has ceased), or -1. The scans' lookup.
  int FindRecordHolder(std::string_view id) const {
    return has_holders_ ? holder_index_.Find(id) : index_.Find(id);
  }

 private:
  std::vector<Agency> agencies_;  // sorted by id, then pseudo-agencies
  StringIndex index_;
  bool has_holders_ = false;
  StringIndex holder_index_;  // id -> holder's index, when some agency has one
};

}  // namespace dxcomply

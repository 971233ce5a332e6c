// Agencies over time: when each agency exists, its name and kind on a date,
// and who takes over from it (data/schema.sql: agency.valid_from and
// valid_until, agency_version, agency_succession). Every part is optional: a
// database without them means every agency always existed, under one name,
// and none was ever succeeded.
#pragma once

#include "dxcomply/date.hpp"
#include "dxcomply/finding.hpp"

#include "records/agency_directory.hpp"

#include <string>
#include <vector>

namespace dxcomply {

class RecordStore;

// The optional tables and columns of agencies over time.
inline constexpr const char* kAgencyVersionTable = "agency_version";
inline constexpr const char* kAgencySuccessionTable = "agency_succession";

// One successor of an agency that ceases, from `effective` on.
struct Succession {
  int predecessor = -1;  // AgencyDirectory indices
  int successor = -1;
  DayNumber effective = 0;
  bool main = true;  // takes the predecessor's records (the only successor, or a split's main one)
};

class AgencyTimeline {
 public:
  // Nothing over time.
  AgencyTimeline() = default;

  // Reads the validity dates, versions and successions of `directory`'s
  // agencies. A row that cannot be used (unknown agency, bad date, a
  // successor that does not exist on the date, a cycle) is a data issue and
  // is left out; the rest is used.
  static AgencyTimeline Read(RecordStore& store, const AgencyDirectory& directory,
                             std::vector<DataIssue>& issues);

  // No validity dates, versions or successions: the map never changes.
  bool empty() const { return empty_; }

  // Whether the agency exists on `day`. Indices past the agencies read (the
  // national pseudo-agency) always exist.
  bool ExistsOn(int agency, DayNumber day) const;
  // Its name and kind on `day`; on a day it does not exist, those of the
  // nearest day it did.
  const std::string& NameOn(int agency, DayNumber day) const;
  const std::string& KindOn(int agency, DayNumber day) const;
  // The agency whose records an agency's records are on `day`: itself while
  // it exists (or when nothing succeeds it), else its main successor's.
  int HolderOn(int agency, DayNumber day) const;
  // Its successors, main first; empty when none.
  const std::vector<Succession>& SuccessorsOf(int agency) const;
  // The day it ceases to exist (kPlusInfinity: it has not).
  DayNumber CeasesOn(int agency) const;
  // The first day it exists (kMinusInfinity: before records began).
  DayNumber BeginsOn(int agency) const;
  // The days on which some agency ceases with a successor, ascending.
  std::vector<DayNumber> SuccessionDays() const;

  // Makes `directory` the map on `day`: every agency's name and kind on it,
  // and whose records each agency's records are (FindRecordHolder).
  void ApplyTo(AgencyDirectory& directory, DayNumber day) const;

 private:
  struct Version {
    DayNumber from;
    std::string name;
    std::string kind;
  };
  struct Life {
    DayNumber from = kMinusInfinity;
    DayNumber until = kPlusInfinity;
    std::vector<Version> versions;  // by date; the first is the agency row's own
    std::vector<Succession> successors;
  };

  const Life* LifeOf(int agency) const;
  const Version& VersionOn(int agency, DayNumber day) const;

  bool empty_ = true;
  std::vector<Life> lives_;  // by directory index
};

}  // namespace dxcomply

#include "records/agency_timeline.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace dxcomply {
namespace {

// The text of a row's column for a data issue ("NULL" when NULL).
std::string Shown(const Statement& row, int column) {
  return row.IsNull(column) ? "NULL" : row.String(column);
}

// A date column: nullopt when NULL, and when not an ISO date (reported).
std::optional<DayNumber> DateColumn(const Statement& row, int column, const char* table,
                                    const std::string& row_id, const char* name,
                                    const std::string& agency_id, const char* if_bad,
                                    std::vector<DataIssue>& issues) {
  if (row.IsNull(column)) return std::nullopt;
  const std::optional<DayNumber> day = ParseIsoDay(row.Text(column));
  if (!day) {
    issues.push_back({table, row_id, name, row.String(column),
                      Format(Tr("not an ISO date YYYY-MM-DD ({0})"), {Tr(if_bad)}), agency_id});
  }
  return day;
}

bool KnownKind(const std::string& kind) {
  return std::find(kAgencyKinds.begin(), kAgencyKinds.end(), kind) != kAgencyKinds.end();
}

// A succession row as read, before the checks that need all rows.
struct SuccessionRow {
  std::string row_id;  // "PREDECESSOR -> SUCCESSOR"
  std::string predecessor_id;
  Succession succession;
  bool marked_main = false;
};

}  // namespace

AgencyTimeline AgencyTimeline::Read(RecordStore& store, const AgencyDirectory& directory,
                                    std::vector<DataIssue>& issues) {
  AgencyTimeline timeline;
  std::vector<Life>& lives = timeline.lives_;
  lives.resize(directory.size());
  for (std::size_t i = 0; i < directory.size(); ++i) {
    const Agency& agency = directory.at(static_cast<int>(i));
    lives[i].versions.push_back({kMinusInfinity, agency.name, agency.kind});
  }

  // Validity dates.
  const bool has_from = store.HasColumn(kAgencyTable, "valid_from");
  const bool has_until = store.HasColumn(kAgencyTable, "valid_until");
  if (has_from || has_until) {
    Statement row = store.Prepare(std::string("SELECT id, ") + (has_from ? "valid_from" : "NULL") +
                                  ", " + (has_until ? "valid_until" : "NULL") + " FROM " +
                                  QuoteIdentifier(kAgencyTable) + " ORDER BY id");
    while (row.Step()) {
      const std::string id = row.String(0);
      const int index = directory.Find(id);
      if (index < 0) continue;  // No id: reported by AgencyDirectory::Read.
      const char* if_bad = TrNoop("read as NULL: no limit");
      const auto from = DateColumn(row, 1, kAgencyTable, id, "valid_from", id, if_bad, issues);
      const auto until = DateColumn(row, 2, kAgencyTable, id, "valid_until", id, if_bad, issues);
      if (from && until && *until <= *from) {
        issues.push_back(
            {kAgencyTable, id, "valid_until", row.String(2),
             Format(Tr("not after valid_from {0}: the agency would never exist (both dates "
                       "ignored)"),
                    {row.String(1)}),
             id});
        continue;
      }
      Life& life = lives[static_cast<std::size_t>(index)];
      if (from) life.from = *from;
      if (until) life.until = *until;
      if (from || until) timeline.empty_ = false;
    }
  }

  // Names and kinds from a date on.
  if (store.HasTable(kAgencyVersionTable)) {
    Statement row =
        store.Prepare("SELECT agency_id, valid_from, name, kind FROM " +
                      QuoteIdentifier(kAgencyVersionTable) + " ORDER BY agency_id, valid_from");
    while (row.Step()) {
      const std::string id = row.String(0);
      const std::string row_id = id + " " + Shown(row, 1);
      const int index = directory.Find(id);
      if (index < 0) {
        issues.push_back({kAgencyVersionTable, row_id, "agency_id", Shown(row, 0),
                          Tr("unknown agency (row ignored)"), ""});
        continue;
      }
      if (row.IsNull(1)) {
        issues.push_back({kAgencyVersionTable, row_id, "valid_from", "NULL",
                          Tr("missing date (row ignored)"), id});
        continue;
      }
      const auto from = DateColumn(row, 1, kAgencyVersionTable, row_id, "valid_from", id,
                                   TrNoop("row ignored"), issues);
      if (!from) continue;
      Life& life = lives[static_cast<std::size_t>(index)];
      if (*from < life.from || *from >= life.until) {
        issues.push_back({kAgencyVersionTable, row_id, "valid_from", row.String(1),
                          Tr("outside the agency's validity (row ignored)"), id});
        continue;
      }
      if (life.versions.back().from == *from) {
        issues.push_back({kAgencyVersionTable, row_id, "valid_from", row.String(1),
                          Tr("a second version on the same day (row ignored)"), id});
        continue;
      }
      Version version{*from, row.String(2), row.String(3)};
      if (version.name.empty()) {
        issues.push_back({kAgencyVersionTable, row_id, "name", Shown(row, 2),
                          Tr("missing name (row ignored)"), id});
        continue;
      }
      if (!KnownKind(version.kind)) {
        issues.push_back({kAgencyVersionTable, row_id, "kind", Shown(row, 3),
                          Tr("unknown kind (expected ministry, gov_agency or province); no "
                             "kind-scoped rule applies"),
                          id});
      }
      life.versions.push_back(std::move(version));
      timeline.empty_ = false;
    }
  }

  if (!store.HasTable(kAgencySuccessionTable)) return timeline;

  // Successions: each row on its own first, then each predecessor's rows
  // together (one date, one main successor), then cycles.
  std::map<int, std::vector<SuccessionRow>> by_predecessor;
  const bool has_main = store.HasColumn(kAgencySuccessionTable, "main");
  Statement row = store.Prepare(std::string("SELECT predecessor_id, successor_id, effective_on, ") +
                                (has_main ? QuoteIdentifier("main") : "0") + " FROM " +
                                QuoteIdentifier(kAgencySuccessionTable) +
                                " ORDER BY predecessor_id, effective_on, successor_id");
  while (row.Step()) {
    SuccessionRow read;
    read.predecessor_id = row.String(0);
    const std::string successor_id = row.String(1);
    read.row_id = Shown(row, 0) + " -> " + Shown(row, 1);
    const auto issue = [&](const char* column, const std::string& value, const std::string& what) {
      issues.push_back(
          {kAgencySuccessionTable, read.row_id, column, value, what, read.predecessor_id});
    };
    Succession& succession = read.succession;
    succession.predecessor = directory.Find(read.predecessor_id);
    succession.successor = directory.Find(successor_id);
    if (succession.predecessor < 0) {
      issue("predecessor_id", Shown(row, 0), Tr("unknown agency (row ignored)"));
      continue;
    }
    if (succession.successor < 0) {
      issue("successor_id", Shown(row, 1), Tr("unknown agency (row ignored)"));
      continue;
    }
    if (succession.predecessor == succession.successor) {
      issue("successor_id", successor_id, Tr("an agency cannot succeed itself (row ignored)"));
      continue;
    }
    if (row.IsNull(2)) {
      issue("effective_on", "NULL", Tr("missing date (row ignored)"));
      continue;
    }
    const auto effective = DateColumn(row, 2, kAgencySuccessionTable, read.row_id, "effective_on",
                                      read.predecessor_id, TrNoop("row ignored"), issues);
    if (!effective) continue;
    succession.effective = *effective;
    const Life& successor = lives[static_cast<std::size_t>(succession.successor)];
    if (*effective < successor.from || *effective >= successor.until) {
      issue("successor_id", successor_id,
            Format(Tr("the successor does not exist on {0} (row ignored)"),
                   {ShownDate(FromDayNumber(*effective))}));
      continue;
    }
    const Life& predecessor = lives[static_cast<std::size_t>(succession.predecessor)];
    if (*effective <= predecessor.from) {
      issue("effective_on", FormatIsoDay(*effective),
            Tr("not after the predecessor begins to exist (row ignored)"));
      continue;
    }
    read.marked_main = !row.IsNull(3) && row.Int64(3) != 0;
    by_predecessor[succession.predecessor].push_back(std::move(read));
  }

  for (auto& [predecessor, rows] : by_predecessor) {
    const auto issue = [&](const SuccessionRow& at, const char* column, const std::string& value,
                           const std::string& what) {
      issues.push_back({kAgencySuccessionTable, at.row_id, column, value, what, at.predecessor_id});
    };
    // One date per predecessor: the earliest.
    const DayNumber date = rows.front().succession.effective;
    std::vector<SuccessionRow> kept;
    for (SuccessionRow& read : rows) {
      if (read.succession.effective == date) {
        kept.push_back(std::move(read));
      } else {
        issue(read, "effective_on", FormatIsoDay(read.succession.effective),
              Format(Tr("the predecessor already ceased on {0} (row ignored)"),
                     {ShownDate(FromDayNumber(date))}));
      }
    }
    // One main successor.
    const auto marked = std::count_if(kept.begin(), kept.end(),
                                      [](const SuccessionRow& read) { return read.marked_main; });
    std::size_t main = 0;
    if (kept.size() > 1) {
      for (std::size_t i = 0; i < kept.size(); ++i) {
        if (kept[i].marked_main) {
          main = i;
          break;
        }
      }
      if (marked != 1) {
        issue(kept[main], "main", std::to_string(marked),
              Format(marked == 0 ? Tr("a split with no main successor: {0} takes the "
                                      "predecessor's records")
                                 : Tr("a split with several main successors: {0} takes the "
                                      "predecessor's records"),
                     {directory.at(kept[main].succession.successor).id}));
      }
    }
    Life& life = lives[static_cast<std::size_t>(predecessor)];
    if (life.until == kPlusInfinity) {
      life.until = date;  // The succession ends it.
    } else if (life.until != date) {
      issue(kept[main], "effective_on", FormatIsoDay(date),
            Format(life.until > date
                       ? Tr("differs from the predecessor's valid_until {0}: both exist until then")
                       : Tr("differs from the predecessor's valid_until {0}: no one holds its "
                            "records between"),
                   {ShownDate(FromDayNumber(life.until))}));
    }
    for (std::size_t i = 0; i < kept.size(); ++i) {
      kept[i].succession.main = i == main;
      if (i == main) {
        life.successors.insert(life.successors.begin(), kept[i].succession);
      } else {
        life.successors.push_back(kept[i].succession);
      }
    }
    timeline.empty_ = false;
  }

  // Cycles: an agency that, through its successors, succeeds itself. Each
  // cycle's member with the smallest id keeps no successor.
  std::vector<int> state(lives.size(), 0);  // 0 unseen, 1 on the path, 2 done
  for (std::size_t start = 0; start < lives.size(); ++start) {
    if (state[start] != 0) continue;
    // Depth-first, iteratively: (agency, next successor to follow).
    std::vector<std::pair<int, std::size_t>> path = {{static_cast<int>(start), 0}};
    state[start] = 1;
    while (!path.empty()) {
      auto& [agency, next] = path.back();
      const std::vector<Succession>& successors =
          lives[static_cast<std::size_t>(agency)].successors;
      if (next == successors.size()) {
        state[static_cast<std::size_t>(agency)] = 2;
        path.pop_back();
        continue;
      }
      const int successor = successors[next++].successor;
      if (state[static_cast<std::size_t>(successor)] == 0) {
        state[static_cast<std::size_t>(successor)] = 1;
        path.emplace_back(successor, 0);
        continue;
      }
      if (state[static_cast<std::size_t>(successor)] != 1) continue;
      // A cycle: the path from `successor` to here, and back.
      std::size_t from = path.size() - 1;
      while (path[from].first != successor) --from;
      int breaker = successor;
      std::string text;
      for (std::size_t i = from; i < path.size(); ++i) {
        text += directory.at(path[i].first).id + " -> ";
        if (directory.at(path[i].first).id < directory.at(breaker).id) breaker = path[i].first;
      }
      text += directory.at(successor).id;
      Life& broken = lives[static_cast<std::size_t>(breaker)];
      const std::string breaker_id = directory.at(breaker).id;
      issues.push_back(
          {kAgencySuccessionTable,
           breaker_id + " -> " + directory.at(broken.successors.front().successor).id,
           "successor_id", directory.at(broken.successors.front().successor).id,
           Format(Tr("a succession cycle {0} ({1}'s successions ignored)"), {text, breaker_id}),
           breaker_id});
      broken.successors.clear();
      // Start over from this root with the cycle broken: cheap, and cycles are rare.
      for (const auto& step : path) state[static_cast<std::size_t>(step.first)] = 0;
      path = {{static_cast<int>(start), 0}};
      state[start] = 1;
    }
  }
  return timeline;
}

const AgencyTimeline::Life* AgencyTimeline::LifeOf(int agency) const {
  if (agency < 0 || static_cast<std::size_t>(agency) >= lives_.size()) return nullptr;
  return &lives_[static_cast<std::size_t>(agency)];
}

bool AgencyTimeline::ExistsOn(int agency, DayNumber day) const {
  const Life* life = LifeOf(agency);
  return life == nullptr || (day >= life->from && day < life->until);
}

const AgencyTimeline::Version& AgencyTimeline::VersionOn(int agency, DayNumber day) const {
  const Life& life = lives_[static_cast<std::size_t>(agency)];
  day = std::max(day, life.from);
  if (life.until != kPlusInfinity) day = std::min(day, life.until - 1);
  const auto after = std::upper_bound(life.versions.begin(), life.versions.end(), day,
                                      [](DayNumber d, const Version& v) { return d < v.from; });
  return *(after - 1);  // versions.front().from is kMinusInfinity
}

const std::string& AgencyTimeline::NameOn(int agency, DayNumber day) const {
  return VersionOn(agency, day).name;
}

const std::string& AgencyTimeline::KindOn(int agency, DayNumber day) const {
  return VersionOn(agency, day).kind;
}

int AgencyTimeline::HolderOn(int agency, DayNumber day) const {
  // Cycles were broken when read; the bound is a second guard.
  for (std::size_t step = 0; step <= lives_.size(); ++step) {
    const Life* life = LifeOf(agency);
    if (life == nullptr || (day >= life->from && day < life->until) || life->successors.empty() ||
        day < life->successors.front().effective) {
      return agency;
    }
    agency = life->successors.front().successor;
  }
  return agency;
}

const std::vector<Succession>& AgencyTimeline::SuccessorsOf(int agency) const {
  static const std::vector<Succession> kNone;
  const Life* life = LifeOf(agency);
  return life == nullptr ? kNone : life->successors;
}

DayNumber AgencyTimeline::CeasesOn(int agency) const {
  const Life* life = LifeOf(agency);
  return life == nullptr ? kPlusInfinity : life->until;
}

DayNumber AgencyTimeline::BeginsOn(int agency) const {
  const Life* life = LifeOf(agency);
  return life == nullptr ? kMinusInfinity : life->from;
}

std::vector<DayNumber> AgencyTimeline::SuccessionDays() const {
  std::set<DayNumber> days;
  for (const Life& life : lives_) {
    if (!life.successors.empty()) days.insert(life.successors.front().effective);
  }
  return {days.begin(), days.end()};
}

void AgencyTimeline::ApplyTo(AgencyDirectory& directory, DayNumber day) const {
  std::vector<int> holders(directory.size());
  for (std::size_t i = 0; i < directory.size(); ++i) {
    const int agency = static_cast<int>(i);
    holders[i] = HolderOn(agency, day);
    if (LifeOf(agency) == nullptr) continue;
    const Version& version = VersionOn(agency, day);
    directory.SetNameAndKind(agency, version.name, version.kind);
  }
  directory.SetRecordHolders(holders);
}

}  // namespace dxcomply

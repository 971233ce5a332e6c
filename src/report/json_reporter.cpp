// The JSON format (documented in README "Output formats"). Findings stream
// through JsonStream, one object at a time, so a large report is never a
// document in memory; the small summary uses nlohmann::json. Invalid UTF-8
// from records is replaced, never fatal.
#include "base/labels.hpp"
#include "base/language.hpp"
#include "base/phrase.hpp"
#include "base/run_beside.hpp"
#include "report/finding_format.hpp"
#include "report/json_parts.hpp"
#include "report/json_stream.hpp"
#include "report/reporter.hpp"
#include "report/summary_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

namespace dxcomply {
namespace {

// Keys in the order the README documents them, not alphabetical.
using json = nlohmann::ordered_json;

constexpr int kFormatVersion = 1;

// The label beside each finding's status code (status_label), as JSON
// strings escaped once per run rather than per finding. The other codes'
// labels are given once, in the document's "labels".
struct JsonLabels {
  std::array<std::string, kStatusCount> statuses;
  JsonLabels() {
    for (std::size_t i = 0; i < statuses.size(); ++i) {
      AppendJsonString(StatusLabel(static_cast<Status>(i)), statuses[i]);
    }
  }
  const std::string& ForStatus(Status status) const {
    return statuses[static_cast<std::size_t>(status)];
  }
};

// {"statuses": {"overdue": "quá hạn", ...}, "agency_kinds": {...},
//  "day_units": {...}, "checks": {...}}: what people read for every code.
void WriteLabels(JsonStream& out) {
  out.BeginObject();
  out.Key("statuses").BeginObject();
  for (int i = 0; i < kStatusCount; ++i) {
    out.Key(StatusName(static_cast<Status>(i))).String(StatusLabel(static_cast<Status>(i)));
  }
  out.EndObject();
  out.Key("agency_kinds").BeginObject();
  for (const char* kind : {"ministry", "gov_agency", "province", "national"}) {
    out.Key(kind).String(AgencyKindLabel(kind));
  }
  out.EndObject();
  out.Key("day_units").BeginObject();
  for (DayUnit unit : {DayUnit::kCalendar, DayUnit::kWorking}) {
    out.Key(DayUnitName(unit)).String(DayUnitLabel(unit));
  }
  out.EndObject();
  out.Key("checks").BeginObject();
  for (const char* check : {"coverage", "count", "task", "indicator"}) {
    out.Key(check).String(CheckKindLabel(check));
  }
  out.EndObject();
  out.EndObject();
}

void WriteMeasure(JsonStream& out, const Measure& measure) {
  out.BeginObject();
  out.Key("known").Bool(measure.known);
  out.Key("value").Number(measure.value);
  out.Key("numerator").Int(measure.numerator);
  out.Key("denominator").Int(measure.denominator);
  out.EndObject();
}

void WriteRef(JsonStream& out, const InstanceRef& ref) {
  out.BeginObject();
  out.Key("obligation_id").String(ref.obligation_id);
  out.Key("agency_id").String(ref.agency_id);
  out.Key("agency_name").String(ref.agency_name);
  out.Key("period").String(ref.period);
  out.Key("status").String(StatusName(ref.status));
  out.Key("status_label").Raw(Translated<JsonLabels>().ForStatus(ref.status));
  out.Key("days").Int(ref.days);
  if (!ref.task_id.empty()) {
    out.Key("task_id").String(ref.task_id);
    out.Key("title").String(ref.title);
  }
  out.EndObject();
}

// The first members of a finding: its obligation's, then its agency.
void WriteObligationMembers(JsonStream& out, const ObligationText& obligation) {
  out.Key("obligation_id").String(obligation.id);
  out.Key("obligation_title").String(obligation.title);
  out.Key("theme").String(obligation.theme);
  out.Key("check").String(obligation.check_kind);
}

void WriteAgencyMember(JsonStream& out, const Agency& agency) {
  out.Key("agency").BeginObject();
  out.Key("id").String(agency.id);
  out.Key("name").String(agency.name);
  out.Key("kind").String(agency.kind);
  out.EndObject();
}

// Members written by `write` into an object of their own, as the text
// between its braces, for JsonStream::Members.
template <typename Write>
std::string MembersText(Write write) {
  JsonStream part = JsonStream::ArrayPart(false);
  part.BeginObject();
  write(part);
  part.EndObject();
  const std::string object = part.Take();
  return object.substr(1, object.size() - 2);
}

// Those members for the obligations and agencies of a report, each escaped
// once, when first asked for: findings share them, a quarter of a million
// times over in a large report. One per writing thread.
class SharedMembers {
 public:
  const std::string& Of(const ObligationText& obligation) {
    return Find(obligations_, obligation,
                [&](JsonStream& out) { WriteObligationMembers(out, obligation); });
  }
  const std::string& Of(const Agency& agency) {
    return Find(agencies_, agency, [&](JsonStream& out) { WriteAgencyMember(out, agency); });
  }
  // A date's ISO text: findings repeat a few dates (the as-of date, each
  // rule's due dates) a quarter of a million times.
  std::string_view IsoDate(const Date& date) {
    const DayNumber day = ToDayNumber(date);
    DateText& slot = dates_[static_cast<std::uint32_t>(day) % dates_.size()];
    if (slot.day != day) slot = {day, FormatIsoDate(date)};
    return slot.text;
  }

 private:
  template <typename T, typename Write>
  static const std::string& Find(std::unordered_map<const T*, std::string>& texts, const T& of,
                                 Write write) {
    auto found = texts.find(&of);
    if (found == texts.end()) found = texts.emplace(&of, MembersText(write)).first;
    return found->second;
  }

  struct DateText {
    DayNumber day = kMinusInfinity;  // none yet
    std::string text;
  };

  std::unordered_map<const ObligationText*, std::string> obligations_;
  std::unordered_map<const Agency*, std::string> agencies_;
  std::array<DateText, 512> dates_;
};

// `shared`: where a report's findings keep their dates' text (null for a
// finding standing alone).
void WriteDate(JsonStream& out, const Date& date, SharedMembers* shared) {
  if (shared != nullptr) {
    out.String(shared->IsoDate(date));
  } else {
    out.String(FormatIsoDate(date));
  }
}

void WriteDay(JsonStream& out, const std::optional<Date>& day, SharedMembers* shared) {
  if (day) {
    WriteDate(out, *day, shared);
  } else {
    out.Null();
  }
}

void WriteException(JsonStream& out, const GrantedException* grant, SharedMembers* shared) {
  if (grant == nullptr) {
    out.Null();
    return;
  }
  out.BeginObject();
  out.Key("kind").String(ExceptionKindName(grant->kind));
  out.Key("kind_label").String(ExceptionKindLabel(grant->kind));
  out.Key("id").String(grant->row_id);
  out.Key("new_due");
  WriteDay(out, grant->new_due, shared);
  out.Key("document_number").String(grant->document_number);
  out.Key("document_date");
  WriteDate(out, grant->document_date, shared);
  out.Key("granted_by").String(grant->granted_by);
  out.Key("reason").String(grant->reason);
  out.Key("expires_on");
  WriteDay(out, grant->expires_on, shared);
  out.EndObject();
}

// One finding. In a report (`shared`: its obligation's and agency's members,
// escaped already), the legal source goes in the document's "obligations"
// map rather than in each of thousands of findings; a finding standing alone
// (explain, `shared` null) carries it.
void WriteFinding(JsonStream& out, const Finding& f, SharedMembers* shared) {
  const JsonLabels& labels = Translated<JsonLabels>();
  out.BeginObject();
  if (shared != nullptr) {
    out.Members(shared->Of(*f.obligation)).Members(shared->Of(*f.agency));
  } else {
    WriteObligationMembers(out, *f.obligation);
    WriteAgencyMember(out, *f.agency);
  }
  out.Key("period").String(f.period);
  out.Key("status").String(StatusName(f.status));
  out.Key("status_label").Raw(labels.ForStatus(f.status));
  out.Key("reason").String(f.reason);
  out.Key("grounds").BeginArray();
  for (RiskGround ground : GroundsIn(f.grounds)) out.String(RiskGroundName(ground));
  out.EndArray();
  out.Key("priority");
  if (f.priority_rank > 0) {
    out.BeginObject();
    out.Key("rank").Int(f.priority_rank);
    out.Key("heading_tier").Int(f.heading_tier);
    out.EndObject();
  } else {
    out.Null();
  }
  out.Key("as_of");
  WriteDate(out, f.as_of, shared);
  out.Key("lookback_date");
  WriteDate(out, f.lookback_date, shared);
  out.Key("due");
  WriteDay(out, f.due, shared);
  out.Key("original_due");
  WriteDay(out, f.original_due, shared);
  out.Key("exception");
  WriteException(out, f.exception.get(), shared);
  // Only where they apply: most findings have neither.
  if (f.due_assumed) out.Key("due_assumed").Bool(true);
  if (!f.inherited_from.empty()) {
    out.Key("inherited_from").BeginArray();
    for (const DutyOrigin& origin : f.inherited_from) {
      out.BeginObject();
      out.Key("agency_id").String(origin.agency_id);
      out.Key("agency_name").String(origin.agency_name);
      out.Key("since");
      WriteDate(out, origin.since, shared);
      out.EndObject();
    }
    out.EndArray();
  }
  out.Key("warn_from");
  WriteDay(out, f.warn_from, shared);
  out.Key("days_overdue").Int(f.days_overdue);
  out.Key("days_left").Int(f.days_left);
  out.Key("day_unit").String(DayUnitName(f.day_unit));
  out.Key("measure").BeginObject();
  out.Key("as_of");
  WriteMeasure(out, f.at_as_of);
  out.Key("lookback");
  WriteMeasure(out, f.at_lookback);
  out.Key("due");
  WriteMeasure(out, f.at_due);
  out.EndObject();
  out.Key("target").Number(f.target);
  out.Key("projection");
  if (f.projection) {
    out.Number(*f.projection);
  } else {
    out.Null();
  }
  out.Key("blocked_by").BeginArray();
  for (const BlockerChain& chain : f.blocked_by) {
    out.BeginObject();
    out.Key("chain").BeginArray();
    for (const InstanceRef& ref : chain.chain) WriteRef(out, ref);
    out.EndArray();
    out.Key("via_tasks").String(chain.via_tasks);
    out.EndObject();
  }
  out.EndArray();
  out.Key("latest_finish");
  WriteDay(out, f.latest_finish, shared);
  out.Key("slack_days");
  if (f.slack_days) {
    out.Int(*f.slack_days);
  } else {
    out.Null();
  }
  out.Key("latest_start");
  WriteDay(out, f.latest_start, shared);
  out.Key("spare_days");
  if (f.spare_days) {
    out.Int(*f.spare_days);
  } else {
    out.Null();
  }
  out.Key("holds_back").BeginObject();
  out.Key("direct_instances").Int(f.holds_back_direct);
  out.Key("direct_agencies").Int(f.holds_back_agencies_direct);
  out.Key("instances").Int(f.holds_back);
  out.Key("agencies").Int(f.holds_back_agencies);
  out.EndObject();
  out.Key("data_issues").Int(f.data_issues);
  if (shared == nullptr) {
    out.Key("source");
    WriteSource(out, f.obligation->source);
  }
  out.EndObject();
}

// The findings array's elements, formatted a block at a time by two
// threads that each take the next block, and written in order by this one:
// the same text as one stream writing them all. A block is taken only once
// its slot's earlier block is written, so at most kSlots blocks of text are
// held at once; neither thread waits for the other's block to be done
// before taking one (on a shared machine one core may be slower).
void WriteFindings(JsonStream& out, const std::vector<const Finding*>& listed) {
  constexpr std::size_t kBlock = 4096;
  constexpr std::size_t kSlots = 4;
  const std::size_t blocks = (listed.size() + kBlock - 1) / kBlock;
  struct Slot {
    JsonStream text = JsonStream::ArrayPart(true);
    bool ready = false;  // formatted, not yet written
  };
  std::vector<std::unique_ptr<Slot>> slots;
  for (std::size_t k = 0; k < kSlots; ++k) slots.push_back(std::make_unique<Slot>());
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t taken = 0;    // blocks taken by a thread
  std::size_t written = 0;  // blocks written to `out`
  bool failed = false;      // a thread stopped on an exception

  const auto work = [&](bool writes) {
    std::unique_lock<std::mutex> lock(mutex, std::defer_lock);
    try {
      SharedMembers shared;
      lock.lock();
      while (!failed) {
        if (writes) {
          while (written < blocks && slots[written % kSlots]->ready) {
            Slot& slot = *slots[written % kSlots];
            lock.unlock();
            out.Splice(slot.text.Text());
            lock.lock();
            slot.ready = false;
            ++written;
            changed.notify_all();
          }
          if (written == blocks) return;
        }
        if (taken < blocks && taken < written + kSlots) {
          const std::size_t block = taken++;
          Slot& slot = *slots[block % kSlots];
          lock.unlock();
          slot.text.Restart(block > 0);
          const std::size_t end = std::min(listed.size(), (block + 1) * kBlock);
          for (std::size_t i = block * kBlock; i < end; ++i) {
            slot.text.Newline();
            WriteFinding(slot.text, *listed[i], &shared);
          }
          lock.lock();
          slot.ready = true;
          changed.notify_all();
          continue;
        }
        if (!writes && taken == blocks) return;
        changed.wait(lock);
      }
    } catch (...) {
      if (!lock.owns_lock()) lock.lock();
      failed = true;
      changed.notify_all();
      throw;
    }
  };
  RunBeside([&] { work(false); }, [&] { work(true); });
}

class JsonReporter : public Reporter {
 public:
  void WriteReport(const ReportView& view, std::ostream& out) override {
    JsonStream json_out(out);
    json_out.BeginObject();
    json_out.Key("format").String("dxcomply-findings");
    json_out.Key("version").Int(kFormatVersion);
    json_out.Key("language").String(LanguageCode(CurrentLanguage()));
    json_out.Key("labels");
    WriteLabels(json_out);
    json_out.Key("as_of").String(FormatIsoDate(view.report.as_of));
    json_out.Key("agency");
    if (view.agency_id.empty()) {
      json_out.Null();
    } else {
      json_out.String(view.agency_id);
    }
    if (view.report.dataset.sample || !view.report.dataset.name.empty()) {
      json_out.Key("dataset").BeginObject();
      json_out.Key("name").String(view.report.dataset.name);
      json_out.Key("sample").Bool(view.report.dataset.sample);
      json_out.EndObject();
    }
    // Which program, rules and database made the file (export, nightly).
    if (!view.run_header.empty()) json_out.Members("\"run\":" + view.run_header);
    const std::vector<const Finding*> listed = ListedFindings(view);
    // Each obligation once, with its title and legal source.
    json_out.Key("obligations").BeginObject();
    // One ObligationText per rule (and rule ids are unique).
    std::unordered_set<const ObligationText*> seen;
    for (const Finding* finding : listed) {
      if (!seen.insert(finding->obligation.get()).second) continue;
      json_out.Newline().Key(finding->obligation->id).BeginObject();
      json_out.Key("title").String(finding->obligation->title);
      json_out.Key("theme").String(finding->obligation->theme);
      json_out.Key("check").String(finding->obligation->check_kind);
      json_out.Key("check_label").String(CheckKindLabel(finding->obligation->check_kind));
      if (finding->obligation->check_kind == "task") {
        json_out.Key("complete")
            .String(finding->obligation->complete == TaskRowsNeeded::kAny ? "any" : "all");
      }
      json_out.Key("source");
      WriteSource(json_out, finding->obligation->source);
      json_out.EndObject();
    }
    json_out.EndObject();
    json_out.Key("findings").BeginArray();
    WriteFindings(json_out, listed);
    json_out.Newline().EndArray();
    json_out.Key("data_issues").BeginArray();
    for (const DataIssue& issue : view.report.data_issues) {
      json_out.Newline();
      WriteDataIssue(json_out, issue);
    }
    json_out.Newline().EndArray();
    json_out.Key("summary").Raw(DumpJson(FindingsSummaryJson(view.summary)));
    json_out.EndObject().Newline();
  }

  // One object, read by people as often as by programs: indented.
  void WriteExplanation(const Explanation& explanation, std::ostream& out) override {
    JsonStream json_out(out, 2);
    json_out.BeginObject();
    json_out.Key("format").String("dxcomply-explanation");
    json_out.Key("version").Int(kFormatVersion);
    json_out.Key("language").String(LanguageCode(CurrentLanguage()));
    json_out.Key("labels");
    WriteLabels(json_out);
    json_out.Key("finding");
    WriteFinding(json_out, explanation.finding, nullptr);
    json_out.Key("upstream").BeginArray();
    for (const InstanceRef& ref : explanation.upstream) WriteRef(json_out, ref);
    json_out.EndArray();
    json_out.Key("records").BeginArray();
    for (const CounterRecord& record : explanation.records) {
      json_out.BeginObject();
      json_out.Key("table").String(record.table);
      json_out.Key("id").String(record.id);
      json_out.Key("label").String(record.label);
      json_out.Key("details").BeginArray();
      for (const std::string& detail : record.details) json_out.String(detail);
      json_out.EndArray();
      json_out.EndObject();
    }
    json_out.EndArray();
    json_out.Key("record_limit").Int(explanation.record_limit);
    json_out.EndObject().Newline();
  }

 private:
  static json FindingsSummaryJson(const Summary& summary) {
    json obligations = json::array();
    for (const ObligationSummary& o : summary.obligations) {
      obligations.push_back({{"obligation_id", o.obligation_id},
                             {"title", o.title},
                             {"check", o.check_kind},
                             {"statuses", StatusCountsJson(o.statuses)},
                             {"numerator", o.numerator},
                             {"denominator", o.denominator}});
    }
    return SummaryJson(summary, std::move(obligations));
  }
};

}  // namespace

std::unique_ptr<Reporter> MakeJsonReporter() { return std::make_unique<JsonReporter>(); }

}  // namespace dxcomply

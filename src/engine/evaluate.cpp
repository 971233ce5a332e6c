// Evaluate(): the pipeline end to end, inside one read snapshot.
//
//   agencies -> instances -> scans (measures) -> own statuses
//            -> dependency graph -> blocking -> ordered findings
#include "dxcomply/engine.hpp"

#include "base/grouping.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/run_beside.hpp"
#include "base/shown_format.hpp"
#include "engine/finding_text.hpp"
#include "engine/graph_findings.hpp"
#include "engine/risk_priority.hpp"
#include "engine/open_duties.hpp"
#include "engine/worst_first.hpp"
#include "eval/classify.hpp"
#include "eval/collectors.hpp"
#include "eval/exception_grants.hpp"
#include "eval/task_scan.hpp"
#include "graph/blocking.hpp"
#include "graph/dependency_graph.hpp"
#include "graph/impact.hpp"
#include "records/exception_reader.hpp"
#include "records/schema_check.hpp"
#include "records/agency_timeline.hpp"
#include "records/dataset_info.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <numeric>
#include <optional>
#include <string>
#include <tuple>

namespace dxcomply {
namespace {

// The peak resident memory so far, for the stage timings ("" where
// /proc/self/status is missing).
std::string PeakRss() {
  std::FILE* status = std::fopen("/proc/self/status", "r");
  if (status == nullptr) return "";
  char line[256];
  long kib = -1;
  while (std::fgets(line, sizeof line, status) != nullptr) {
    if (std::sscanf(line, "VmHWM: %ld kB", &kib) == 1) break;
  }
  std::fclose(status);
  return kib < 0 ? "" : "  (peak RSS " + std::to_string(kib * 1024 / 1000000) + " MB)";
}

// Logs how long each stage took (spdlog debug level: --verbose), and the
// peak RSS so far. tests/bench/run.sh reads these lines.
class StageTimer {
 public:
  void Done(const std::string& stage) {
    const auto now = std::chrono::steady_clock::now();
    const std::chrono::duration<double> elapsed = now - last_;
    spdlog::debug("{:.3f} s  {}{}", elapsed.count(), stage, PeakRss());
    last_ = now;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

RuleSet WithOverrides(const RuleSet& rules, const EngineOptions& options) {
  RuleSet effective = rules;
  for (Obligation& rule : effective.obligations) {
    if (options.lookback_days) rule.lookback_days = *options.lookback_days;
    if (options.warn_before_days) rule.warn_before.days = *options.warn_before_days;
  }
  return effective;
}

// The per-obligation and per-agency parts of findings, made once and shared
// by all the findings they belong to.
struct SharedParts {
  std::vector<std::shared_ptr<const ObligationText>> obligations;  // by rule index
  std::vector<std::shared_ptr<const Agency>> agencies;             // by agency index

  SharedParts(const RuleSet& rules, const AgencyDirectory& directory) {
    for (const Obligation& rule : rules.obligations) {
      obligations.push_back(std::make_shared<const ObligationText>(
          ObligationText{rule.id, rule.title, rule.theme, CheckKindName(rule.check.kind),
                         rule.source, rule.check.complete}));
    }
    for (const Agency& agency : directory.agencies()) {
      agencies.push_back(std::make_shared<const Agency>(agency));
    }
  }
};

class Evaluation {
 public:
  // `inherited` and `only_agencies`, when given, make this an evaluation of
  // the agencies that cease on the next day (see open_duties.hpp): the
  // duties passed on so far are given, not worked out.
  Evaluation(const RuleSet& rules, RecordStore& store, const EngineOptions& options,
             const std::vector<InheritedDuty>* inherited = nullptr,
             const std::vector<bool>* only_agencies = nullptr)
      : rules_(rules),
        store_(store),
        options_(options),
        after_rule_(AfterRules(rules)),
        given_inherited_(inherited),
        only_agencies_(only_agencies) {}

  Report Run() {
    Report report;
    report.as_of = options_.as_of;
    AgencyDirectory agencies = AgencyDirectory::Read(store_, report.data_issues);
    // The map on T: who exists, under which name and kind, holding whose records.
    const AgencyTimeline timeline = AgencyTimeline::Read(store_, agencies, report.data_issues);
    const DayNumber today = ToDayNumber(options_.as_of);
    if (!timeline.empty()) timeline.ApplyTo(agencies, today);
    for (std::size_t i = 0; i < agencies.size(); ++i) {
      if (timeline.ExistsOn(static_cast<int>(i), today))
        report.agencies.push_back(agencies.at(static_cast<int>(i)));
    }
    report.dataset = ReadDataset(store_, report.data_issues);
    int national = -1;
    const bool any_national =
        std::any_of(rules_.obligations.begin(), rules_.obligations.end(),
                    [](const Obligation& rule) { return rule.applies_to.national; });
    if (any_national) {
      national = agencies.AddPseudoAgency({kNationalAgencyId, kNationalAgencyName, "national"});
      if (national < 0) {
        report.data_issues.push_back({kAgencyTable, kNationalAgencyId, "id", kNationalAgencyId,
                                      Tr("id reserved for the country as a whole; national "
                                         "rules are not evaluated"),
                                      kNationalAgencyId});
      }
    }

    const WorkCalendar statutory = WorkCalendar::Statutory();
    const Deadlines deadlines(options_.calendar != nullptr ? *options_.calendar : statutory);
    std::vector<InheritedDuty> passed;
    if (given_inherited_ == nullptr && !timeline.empty()) {
      passed = PassOpenDuties(
          rules_, agencies, timeline, today,
          [this](DayNumber day, const std::vector<InheritedDuty>& so_far,
                 const std::vector<bool>& only) { return FindingsOn(day, so_far, only); });
    }
    const InstanceScope scope{&timeline, given_inherited_ != nullptr ? given_inherited_ : &passed,
                              only_agencies_};
    InstanceTable instances(rules_, agencies, national, deadlines, options_.as_of, scope);
    // Before the scans: an extension's due date is the one measured at.
    GrantExceptions(ReadExceptions(store_, agencies, report.data_issues), rules_, instances,
                    options_.as_of);
    StageTimer timer;
    timer.Done("agencies and " + std::to_string(instances.size()) + " instances");
    // The records, measures and graph live only in this call, so that they
    // are freed before the findings are put in order.
    std::vector<int> position;
    std::vector<Finding> findings =
        EvaluateFindings(instances, agencies, national, deadlines, report, position, timer);
    MoveToPositions(findings, std::move(position));
    RankAtRisk(findings);
    report.findings = std::move(findings);
    timer.Done("ordering");
    std::sort(report.data_issues.begin(), report.data_issues.end(),
              [](const DataIssue& a, const DataIssue& b) {
                return std::tie(a.table, a.row_id, a.column, a.problem, a.value, a.agency_id) <
                       std::tie(b.table, b.row_id, b.column, b.problem, b.value, b.agency_id);
              });
    return report;
  }

 private:
  // Every finding, indexed by instance, with statuses, graph figures and
  // reasons; `position` is where each goes in the worst-first order.
  std::vector<Finding> EvaluateFindings(InstanceTable& instances, const AgencyDirectory& agencies,
                                        int national, const Deadlines& deadlines, Report& report,
                                        std::vector<int>& position, StageTimer& timer) const {
    TaskRecords tasks;
    TaskDependencyRows dependency_rows;
    // Made on the statuses' thread: a quarter of a million findings are
    // 80 MB of fresh pages, which this thread need not wait for.
    std::vector<Finding> findings;
    std::vector<OwnStatus> own(static_cast<std::size_t>(instances.size()));
    std::optional<DependencyGraph> built;
    {
      // The measures are needed only for the statuses: freed as soon as
      // they are made, while the graph is still being built.
      std::optional<MeasureBook> measures;
      MeasureBook& book = measures.emplace(rules_, instances, options_.as_of);
      const CollectContext context{store_,    rules_,         agencies, instances,
                                   deadlines, options_.as_of, book,     report.data_issues};
      std::vector<DataIssue> task_issues;
      TaskScan task_scan(
          {store_, rules_, agencies, instances, deadlines, options_.as_of, book, task_issues});
      const std::size_t task_count =
          ScanRecordTables(context, national, task_scan, dependency_rows, timer);
      // The graph needs no measure or status, and the measures and statuses
      // no graph: they are worked out on a second thread while the graph is
      // built. (Resolving due dates writes instances' `due`, which the graph
      // build does not read.)
      const SharedParts shared(rules_, agencies);
      std::vector<DataIssue> graph_issues;
      RunBeside(
          [&] {
            task_scan.FillBook();
            ResolveDueDatesAndTasks(instances, book, deadlines);
            findings.reserve(own.size());
            for (int i = 0; i < instances.size(); ++i) {
              const Finding& finding =
                  findings.emplace_back(OwnFinding(instances, shared, book, deadlines, i));
              own[static_cast<std::size_t>(i)] = {finding.status, finding.status == Status::kOverdue
                                                                      ? finding.days_overdue
                                                                      : finding.days_left};
            }
            measures.reset();
          },
          [&] {
            tasks = task_scan.TakeRecords();
            built.emplace(DependencyGraph::Build(
                {rules_, instances, agencies, tasks, dependency_rows, options_.keep_graph},
                graph_issues));
          });
      report.data_issues.insert(report.data_issues.end(), task_issues.begin(), task_issues.end());
      report.data_issues.insert(report.data_issues.end(), graph_issues.begin(), graph_issues.end());
      timer.Done("dependency graph (" + std::to_string(built->node_count()) + " nodes, " +
                 std::to_string(built->link_count()) + " links; " +
                 std::to_string(built->upstream_first().size()) + " nodes in order; " +
                 std::to_string(task_count) + " tasks; " +
                 std::to_string(built->cycle_count()) + " task cycles, " +
                 std::to_string(built->dropped_link_count()) +
                 " links on them dropped), task measures and statuses beside it");
    }
    DependencyGraph& graph = *built;
    // Slack, then blocking (which reads the at-risk statuses slack sets);
    // what impact needs besides is worked out beside them.
    Schedule schedule;
    Blocking blocking;
    std::vector<std::int32_t> agency_of;
    std::vector<std::uint8_t> tails;
    RunBeside(
        [&] {
          graph.IndexDownstream();
          agency_of = NodeAgencies(graph, tasks, instances);
          tails = SameAgencyTails(graph, agency_of);
        },
        [&] {
          schedule = ApplySchedule(graph, findings, own);
          blocking = PropagateBlocking(graph, own);
          // Only the graph's view reads it again: freed before the chains
          // and impact need their memory.
          if (!options_.keep_graph) schedule = Schedule();
        });
    const std::vector<bool> blocked_only = MarkBlocked(blocking, findings);
    std::vector<OrderFacts> facts(findings.size());
    for (std::size_t i = 0; i < findings.size(); ++i) {
      const Finding& finding = findings[i];
      facts[i] = {finding.status, finding.days_overdue, finding.days_left};
      if (finding.status == Status::kAtRisk && finding.latest_start) {
        facts[i].latest_start = ToDayNumber(*finding.latest_start);
      }
    }
    // Three jobs on two threads: impact and the worst-first order (which
    // read the graph, blocking, `own` and the statuses, final now); the
    // look-up of the tasks the blocking chains name, on the store; and
    // the chains, written a range of findings at a time by whichever thread
    // is free once the look-up is done.
    std::vector<Impact> impact;
    FindingText text(store_, rules_, agencies, tasks, graph, findings);
    std::promise<void> looked_up;
    std::shared_future<void> tasks_ready = looked_up.get_future().share();
    std::atomic<std::size_t> next_range{0};
    const auto write_chains = [&] {
      constexpr std::size_t kRange = 4096;
      tasks_ready.get();
      for (std::size_t begin = kRange * next_range++; begin < findings.size();
           begin = kRange * next_range++) {
        WriteBlockerChains(graph, blocking, text, blocked_only, findings, begin,
                           std::min(findings.size(), begin + kRange));
      }
    };
    RunBeside(
        [&] {
          try {
            text.LookUpTasks(ChainNodes(blocking));
            looked_up.set_value();
          } catch (...) {
            looked_up.set_exception(std::current_exception());
            throw;
          }
          write_chains();
        },
        [&] {
          impact =
              ComputeImpact(graph, blocking, own, std::move(agency_of), tails, agencies.size());
          std::vector<std::uint8_t>().swap(tails);
          for (std::size_t i = 0; i < findings.size(); ++i) {
            if (facts[i].status != Status::kAtRisk) continue;
            facts[i].heading_tier = HeadingTier(findings[i], impact[i].other_agencies,
                                                rules_.escalation, deadlines.calendar());
            facts[i].holds_back_agencies = impact[i].agencies;
            facts[i].holds_back = impact[i].instances;
          }
          position = WorstFirstPositions(facts, instances, rules_, agencies);
          write_chains();
        });
    ApplyImpact(impact, findings);
    for (std::size_t i = 0; i < findings.size(); ++i) {
      findings[i].heading_tier = static_cast<std::uint8_t>(facts[i].heading_tier);
      AppendStandingNotes(findings[i]);
    }
    timer.Done("slack, blocking and impact, the order beside them");
    if (options_.keep_graph)
      report.graph = MakeGraphView(graph, schedule, position, options_.as_of, text);
    return findings;
  }

  // The coverage, count and indicator scans, the task_dependency rows (into
  // `dependency_rows`, for the graph) and the task scan's parts. When a
  // second connection can read the same snapshot, a second thread reads all
  // but the task scan, then helps with it: both threads take its parts in
  // turn until none is left. Each part, table and instance is written by one
  // thread only; the data issues are sorted at the end. Returns the number
  // of task rows read.
  std::size_t ScanRecordTables(const CollectContext& context, int national, TaskScan& task_scan,
                               TaskDependencyRows& dependency_rows, StageTimer& timer) const {
    std::optional<RecordStore> twin = store_.OpenSnapshotTwin();
    RecordStore& side = twin ? *twin : context.store;
    std::vector<DataIssue> side_issues;
    const CollectContext side_context{
        side,          context.rules, context.agencies, context.instances, context.deadlines,
        context.as_of, context.book,  side_issues};
    std::atomic<int> next_part{0};
    const auto read_task_parts = [&](RecordStore& store) {
      for (int part = next_part++; part < task_scan.part_count(); part = next_part++) {
        task_scan.ReadPart(part, store);
      }
    };
    const auto read_the_rest = [&] {
      context.book.AllocateCounts();
      CollectTableMeasures(side_context);
      CollectIndicatorMeasures(side_context, national);
      ReadTaskDependencies(side, side_issues, [&](std::int64_t task_id, std::int64_t on) {
        dependency_rows.emplace_back(task_id, on);
      });
    };
    if (twin) {
      RunBeside(
          [&] {
            read_the_rest();
            read_task_parts(*twin);
          },
          [&] { read_task_parts(context.store); });
      twin->EndSnapshot();
    } else {
      read_the_rest();
      read_task_parts(context.store);
    }
    context.issues.insert(context.issues.end(), side_issues.begin(), side_issues.end());
    timer.Done(std::string("coverage, count, indicator and task scans") +
               (twin ? ", in parallel" : ""));
    return task_scan.row_count();
  }

  // Task instances are counted once their due dates are known: a due date
  // `after` another obligation starts the day that obligation was met, so
  // rules are finished in the order of their `after` chains.
  void ResolveDueDatesAndTasks(InstanceTable& instances, MeasureBook& book,
                               const Deadlines& deadlines) const {
    const std::size_t rule_count = rules_.obligations.size();
    std::vector<int> depth(rule_count, -1);
    std::function<int(std::size_t)> depth_of = [&](std::size_t rule) -> int {
      if (depth[rule] < 0) {
        const int after = after_rule_[rule];
        depth[rule] = after < 0 ? 0 : 1 + depth_of(static_cast<std::size_t>(after));
      }
      return depth[rule];
    };
    std::size_t depths = 0;
    for (std::size_t rule = 0; rule < rule_count; ++rule) {
      depths = std::max(depths, static_cast<std::size_t>(depth_of(rule)) + 1);
    }
    // The instances by depth, in index order within a depth (a counting
    // sort: a quarter of a million instances, a handful of depths).
    const auto depth_of_instance = [&](int i) {
      return depth[static_cast<std::size_t>(instances.at(i).rule)];
    };
    std::vector<int> all(static_cast<std::size_t>(instances.size()));
    std::iota(all.begin(), all.end(), 0);
    const std::vector<int> order = Grouped<int>(all, GroupStarts(all, depths, depth_of_instance),
                                                depth_of_instance, [](int i) { return i; });
    for (int i : order) {
      Instance& instance = instances.at(i);
      const Obligation& rule = rules_.obligations[static_cast<std::size_t>(instance.rule)];
      const int after = after_rule_[static_cast<std::size_t>(instance.rule)];
      const int upstream =
          after < 0 || instance.inherited_due ? -1 : instances.Find(after, instance.agency);
      if (upstream >= 0) {
        const std::optional<Date> met = MetOn(book, instances, upstream);
        if (met) {
          instance.due = deadlines.After(rule.due, *met);
          ExtendResolvedDue(instances, i);
        }
      }
      if (rule.check.kind == CheckKind::kTask) book.FinishTasks(i, deadlines);
    }
    book.DropTaskSnapshots();
  }

  // The day an instance was met: when the last row it counts on T became
  // satisfied, if it reaches its target on T.
  std::optional<Date> MetOn(const MeasureBook& book, const InstanceTable& instances,
                            int instance) const {
    const Obligation& rule =
        rules_.obligations[static_cast<std::size_t>(instances.at(instance).rule)];
    const InstanceCounts& counts = book.counts(instance);
    if (!Reaches(rule.check, book.MeasureAt(instance, kAtAsOf)) ||
        counts.last_satisfied == kMinusInfinity) {
      return std::nullopt;
    }
    return FromDayNumber(counts.last_satisfied);
  }

  // The findings of `only` agencies as of `day`, with the duties passed on
  // so far (see open_duties.hpp).
  std::vector<Finding> FindingsOn(DayNumber day, const std::vector<InheritedDuty>& so_far,
                                  const std::vector<bool>& only) const {
    EngineOptions on_day = options_;
    on_day.as_of = FromDayNumber(day);
    on_day.keep_graph = false;
    return Evaluation(rules_, store_, on_day, &so_far, &only).Run().findings;
  }

  // The finding of an instance on its own (no graph yet), saying where an
  // inherited duty comes from and when its due date is assumed.
  Finding OwnFinding(const InstanceTable& instances, const SharedParts& shared,
                     const MeasureBook& book, const Deadlines& deadlines, int index) const {
    Finding finding = MeasuredFinding(instances, shared, book, deadlines, index);
    const Obligation& rule = rules_.obligations[static_cast<std::size_t>(instances.at(index).rule)];
    finding.due_assumed = rule.due.assumed;
    finding.inherited_from = instances.Origins(index);
    return finding;
  }

  // Said last, whatever the rest of the reason became on the graph (a
  // blocked or squeezed finding's reason is rewritten there).
  struct StandingPhrases {
    std::string assumed{Tr("; the due date is assumed")};
    Phrase inherited{Tr("; inherited from {0}")};
  };
  static void AppendStandingNotes(Finding& finding) {
    const StandingPhrases& words = Translated<StandingPhrases>();
    if (finding.due_assumed && finding.due) finding.reason += words.assumed;
    if (!finding.inherited_from.empty()) {
      words.inherited.AppendTo(finding.reason, {OriginsText(finding.inherited_from)});
    }
  }

  Finding MeasuredFinding(const InstanceTable& instances, const SharedParts& shared,
                          const MeasureBook& book, const Deadlines& deadlines, int index) const {
    const Instance& instance = instances.at(index);
    const Obligation& rule = rules_.obligations[static_cast<std::size_t>(instance.rule)];
    Finding finding;
    finding.obligation = shared.obligations[static_cast<std::size_t>(instance.rule)];
    finding.agency = shared.agencies[static_cast<std::size_t>(instance.agency)];
    finding.period =
        instance.period >= 0
            ? instances.Periods(instance.rule)[static_cast<std::size_t>(instance.period)].Label()
            : rule.period;
    finding.as_of = options_.as_of;
    finding.lookback_date = options_.as_of - boost::gregorian::days(rule.lookback_days);
    finding.due = instance.due;
    finding.day_unit = rule.warn_before.unit;
    finding.at_as_of = book.MeasureAt(index, kAtAsOf);
    finding.at_lookback = book.MeasureAt(index, kAtLookback);
    finding.at_due = book.MeasureAt(index, kAtDue);
    finding.target = rule.check.kind == CheckKind::kCount ? static_cast<double>(rule.check.at_least)
                                                          : rule.check.target;
    finding.data_issues = book.counts(index).issue_rows;
    const InstanceException* exception = instances.ExceptionOf(index);
    if (exception != nullptr) {
      finding.exception = exception->grant;
      finding.original_due = exception->original_due;
      if (exception->grant->kind == ExceptionKind::kWaiver) {
        finding.status = Status::kWaived;
        finding.reason = WaiverReason(*exception->grant);
        return finding;
      }
    }
    const auto extension_note = [&] {
      return exception == nullptr ? std::string()
                                  : "; " + ExtensionNote(*exception->grant, exception->original_due,
                                                         rule.due.kind == Due::Kind::kPerRecord);
    };

    if (rule.due.kind == Due::Kind::kAfter && !instance.due) {
      const int after = after_rule_[static_cast<std::size_t>(instance.rule)];
      const bool owed = after >= 0 && instances.Find(after, instance.agency) >= 0;
      finding.status = owed ? Status::kWaiting : Status::kNotApplicable;
      finding.reason =
          owed ? Format(Tr("waits for {0} · {1} to be met; then due {2} later"),
                        {finding.agency->name, rule.due.after,
                         CountText(rule.due.days, rule.due.unit)})
               : Format(Tr("its due date counts from {0}, which does not apply to this agency"),
                        {rule.due.after});
      finding.reason += extension_note();
      return finding;
    }

    ClassifyInput input;
    input.check = &rule.check;
    input.as_of = options_.as_of;
    if (instance.due) input.due = *instance.due;
    input.warn_before = rule.warn_before;
    input.deadlines = &deadlines;
    if (rule.due.kind == Due::Kind::kPerRecord) {
      input.per_record = &book.counts(index);
      input.due_rule = &rule.due;
    }
    input.lookback_days = rule.lookback_days;
    input.at_as_of = finding.at_as_of;
    input.at_lookback = finding.at_lookback;
    input.at_due = finding.at_due;
    if (rule.check.kind == CheckKind::kTask) input.task = &book.counts(index).task;
    const Classification classification = Classify(input);
    if (classification.due) finding.due = classification.due;
    if (finding.due) finding.warn_from = deadlines.Before(rule.warn_before, *finding.due);
    finding.status = classification.status;
    finding.grounds = classification.grounds;
    if (finding.due && (finding.status == Status::kAtRisk || finding.status == Status::kOnTrack)) {
      const DayNumber task_start = book.counts(index).task.latest_start;
      finding.latest_start = rule.check.kind == CheckKind::kTask && task_start != kPlusInfinity
                                 ? FromDayNumber(task_start)
                                 : deadlines.LatestStart(rule, *finding.due);
      finding.spare_days =
          deadlines.Between(finding.day_unit, finding.as_of, *finding.latest_start);
    }
    finding.reason = classification.reason + extension_note();
    finding.days_overdue = classification.days_overdue;
    finding.days_left = classification.days_left;
    finding.projection = classification.projection;
    if (finding.data_issues > 0) {
      finding.reason += Format(
          TrN("; {0} of this agency's {1} rows has a data-quality issue",
              "; {0} of this agency's {1} rows have data-quality issues", finding.data_issues),
          {std::to_string(finding.data_issues), rule.check.table});
    }
    return finding;
  }

  // For each rule whose due date counts from another obligation being met
  // (`due: {after: ...}`), that obligation's rule index; -1 for the others.
  static std::vector<int> AfterRules(const RuleSet& rules) {
    std::vector<int> after(rules.obligations.size(), -1);
    for (std::size_t r = 0; r < rules.obligations.size(); ++r) {
      const Due& due = rules.obligations[r].due;
      const Obligation* event =
          due.kind == Due::Kind::kAfter ? rules.FindObligation(due.after) : nullptr;
      if (event != nullptr) after[r] = RuleIndex(rules, event);
    }
    return after;
  }

  const RuleSet& rules_;
  RecordStore& store_;
  const EngineOptions& options_;
  const std::vector<int> after_rule_;  // AfterRules(rules_)
  const std::vector<InheritedDuty>* given_inherited_;
  const std::vector<bool>* only_agencies_;
};

}  // namespace

Report Evaluate(const RuleSet& rules, RecordStore& store, const EngineOptions& options) {
  RuleSet effective = WithOverrides(rules, options);
  MarkMissingColumns(effective, store);
  store.BeginSnapshot();
  try {
    Report report = Evaluation(effective, store, options).Run();
    store.EndSnapshot();
    return report;
  } catch (...) {
    store.EndSnapshot();
    throw;
  }
}

}  // namespace dxcomply

// dxcomply nightly: one run of the batch. Everything is checked before the
// first file is written (options, rules, templates, state, the letter cap);
// then each output file is written atomically into <out>/<as-of>/, files a
// previous run of the same night wrote and this one did not are removed,
// and the state goes last. A run killed anywhere leaves the last state as it
// was, so the next run compares with the same baseline and recovers.
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "cli/commands.hpp"
#include "cli/output_files.hpp"
#include "cli/output_set.hpp"
#include "cli/prepared_run.hpp"
#include "cli/remind_command.hpp"
#include "nightly/escalation_list.hpp"
#include "nightly/nightly_state.hpp"
#include "remind/reminder_letters.hpp"
#include "report/summary.hpp"

#include <filesystem>
#include <iostream>
#include <set>
#include <sys/file.h>
#include <unistd.h>

namespace dxcomply {
namespace {

namespace fs = std::filesystem;

// "[3/7] writing the workbook" on stderr, rewritten in place, only when
// stderr is a terminal: a cron job's log stays clean.
class ProgressLine {
 public:
  explicit ProgressLine(int steps) : steps_(steps), shown_(isatty(STDERR_FILENO) == 1) {}
  ~ProgressLine() { Clear(); }

  void Step(const std::string& what) {
    ++step_;
    if (shown_) std::cerr << "\r\033[K[" << step_ << "/" << steps_ << "] " << what << std::flush;
  }
  void Clear() {
    if (shown_ && step_ > 0) std::cerr << "\r\033[K" << std::flush;
    step_ = 0;
  }

 private:
  int steps_;
  int step_ = 0;
  bool shown_;
};

// Held for the whole run: two batches on one state would each compare with
// the same baseline and escalate the same items twice.
class StateLock {
 public:
  explicit StateLock(const std::string& folder) {
    const std::string path = folder + "/.lock";
    fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw OutputError("cannot open " + path);
    if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      close(fd_);
      // Not a writing failure: the state is in use (exit 2, as for a bad state).
      throw StateError("another nightly run holds " + path + "; not running twice at once");
    }
  }
  ~StateLock() { close(fd_); }
  StateLock(const StateLock&) = delete;
  StateLock& operator=(const StateLock&) = delete;

 private:
  int fd_ = -1;
};

// Files under `folder` that this run did not write: left by an earlier run
// of the same night on other data (a letter to an agency now in order).
void RemoveStaleFiles(const std::string& folder, const std::vector<std::string>& written) {
  const std::set<std::string> keep(written.begin(), written.end());
  std::vector<fs::path> stale;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    if (keep.count(entry.path().lexically_relative(folder).generic_string()) == 0) {
      stale.push_back(entry.path());
    }
  }
  for (const fs::path& path : stale) fs::remove(path);
}

}  // namespace

ExitStatus RunNightly(const NightlyOptions& options, std::ostream& out, std::ostream& err) {
  ProgressLine progress(7);
  progress.Step("reading the rules and the database");
  std::optional<Prepared> prepared = Prepare(options, err);
  if (!prepared) return kExitInputError;
  const RuleSet& rules = prepared->inputs.rules;
  const Date as_of = prepared->engine.as_of;
  const std::string night = FormatIsoDate(as_of);
  const std::string folder = options.out + "/" + night;
  const std::string state_path = options.state + "/state.json";

  try {
    const ReminderComposer composer({options.templates, options.reply_within_working_days}, rules,
                                    prepared->inputs.calendar);
    EnsureFolder(options.state);
    const StateLock lock(options.state);
    const std::optional<NightlyState> last = LoadState(state_path);
    if (last && last->as_of > as_of) {
      err << Tr("error: ")
          << Format(Tr("{0} is of {1}, later than --as-of {2}; the batch only runs forward (use "
                       "another --state to look at the past)"),
                    {state_path, FormatIsoDate(last->as_of), night})
          << "\n";
      return kExitInputError;
    }

    progress.Step("evaluating");
    const Report& report = Run(*prepared);
    const Summary summary = Summarize(report);

    progress.Step("comparing with the last run");
    NightlyState state;
    state.as_of = as_of;
    if (last && last->as_of == as_of) {  // the same night again: the same baseline
      state.baseline_as_of = last->baseline_as_of;
      state.baseline = last->baseline;
    } else if (last) {
      state.baseline_as_of = last->as_of;
      state.baseline = last->items;
    }
    const NightChanges changes = CompareNights(
        state.baseline, TrackFindings(report, rules.escalation, prepared->inputs.calendar));
    state.items = changes.tonight;

    progress.Step("composing the letters");
    const std::string refused = TooManyLetters(AgenciesToRemind(report).size(), options);
    if (!refused.empty()) {
      err << Tr("error: ") << refused << "\n";
      return kExitInputError;
    }
    const std::vector<ReminderLetter> letters = composer.Compose(report);

    progress.Step("writing findings, workbook, dashboard and calendars");
    // (The night's folder needs no sweep: RemoveStaleFiles below removes
    // whatever this run did not write, a killed run's temporaries included.)
    RemoveStrayTemporaries(options.state);
    std::vector<std::string> written = WriteOutputSet(report, summary, folder, OutputSelection{});

    progress.Step("writing the escalation list and the letters");
    // The tiers as named by the authority in force tonight.
    const std::vector<EscalationTier> tiers = rules.EscalationOn(as_of);
    const NightHeader header{as_of, state.baseline_as_of, &tiers};
    for (const auto& [name, content] : {std::pair<std::string, std::string>{
                                            "escalations.txt", EscalationListText(header, changes)},
                                        {"escalations.csv", EscalationListCsv(header, changes)},
                                        {"changes.json", ChangesJson(header, changes)}}) {
      WriteFileAtomically(folder + "/" + name, content);
      written.push_back(name);
    }
    for (const std::string& name : WriteReminderLetters(letters, folder + "/reminders")) {
      written.push_back("reminders/" + name);
    }
    RemoveStaleFiles(folder, written);

    progress.Step("saving the state");
    FlushToDisk(folder);
    WriteFileDurably(state_path, SerializeState(state));
    progress.Clear();

    // "nightly <date>: " starts the line in every language (scripts look for it).
    out << "nightly " << night << ": "
        << Format(Tr("{0} findings, {1} overdue, {2} at risk; {3}: {4}; {5}; {6} in {7}"),
                  {std::to_string(report.findings.size()),
                   std::to_string(summary.statuses[static_cast<int>(Status::kOverdue)]),
                   std::to_string(summary.statuses[static_cast<int>(Status::kAtRisk)]),
                   state.baseline_as_of
                       ? Format(Tr("since {0}"), {FormatIsoDate(*state.baseline_as_of)})
                       : std::string(Tr("first run")),
                   ChangeCounts(changes),
                   Counted(letters.size(), TrN("{0} letter", "{0} letters", letters.size())),
                   Counted(written.size(), TrN("{0} file", "{0} files", written.size())), folder})
        << "\n";
  } catch (const TemplateError& e) {
    err << Tr("error: ") << e.what() << "\n";
    return kExitInputError;
  } catch (const StateError& e) {
    err << Tr("error: ") << e.what() << "\n";
    return kExitInputError;
  } catch (const OutputError& e) {
    err << Tr("error: ") << e.what() << "\n";
    return kExitRunFailed;
  } catch (const fs::filesystem_error& e) {
    err << Tr("error: ") << e.what() << "\n";
    return kExitRunFailed;
  }
  return kExitOk;
}

}  // namespace dxcomply

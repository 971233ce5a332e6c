// dxcomply nightly: one run of the batch. Everything is checked before the
// first file is written (options, rules, templates, state, the locks, the
// night's folder, the letter cap); then the night's manifest records what
// the run may write, the files are written atomically into <out>/<as-of>/
// on two threads, files an earlier run of the same night wrote and this one
// did not are removed, and the state goes last. A run killed anywhere leaves
// the last state as it was, so the next run compares with the same baseline
// and recovers.
#include "base/file_text.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/run_beside.hpp"
#include "base/shown_format.hpp"
#include "cli/commands.hpp"
#include "cli/night_folder.hpp"
#include "cli/output_files.hpp"
#include "cli/output_set.hpp"
#include "cli/prepared_run.hpp"
#include "cli/remind_command.hpp"
#include "cli/run_record.hpp"
#include "nightly/agency_digests.hpp"
#include "nightly/escalation_list.hpp"
#include "nightly/nightly_state.hpp"
#include "remind/reminder_letters.hpp"
#include "report/finding_format.hpp"
#include "report/summary.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <unistd.h>
#include <unordered_set>

namespace dxcomply {
namespace {

namespace fs = std::filesystem;

// "[3/7] writing ..." on stderr, rewritten in place, only when stderr is a
// terminal: a cron job's log stays clean.
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

// How long each part of the night took, with --verbose (the nightly
// benchmark reads these lines): "dxcomply: debug: 0.041 s  nightly: ...
// (0.080 s CPU)", the CPU time of the process for a stage, of the thread
// for a job on two threads.
class NightClock {
 public:
  using Clock = std::chrono::steady_clock;
  void Done(const std::string& what) {
    const Clock::time_point now = Clock::now();
    const double cpu = CpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
    Log(what, now - last_, cpu - last_cpu_);
    last_ = now;
    last_cpu_ = cpu;
  }
  static void Log(const std::string& what, Clock::duration took, double cpu) {
    spdlog::debug("{:.3f} s  nightly: {} ({:.3f} s CPU)",
                  std::chrono::duration<double>(took).count(), what, cpu);
  }
  static double CpuSeconds(clockid_t clock) {
    timespec now{};
    clock_gettime(clock, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
  }

 private:
  Clock::time_point last_ = Clock::now();
  double last_cpu_ = CpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
};

// "3 files" in the --verbose log, which stays English (docs/translation.md).
std::string LogCount(std::size_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

// Runs the jobs on this thread and a second one, each once, in the order
// given, as each thread becomes free. After a failure no job starts; the
// first failure is rethrown once both threads have stopped.
void RunOnTwoThreads(const std::vector<OutputJob>& jobs) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  const auto work = [&] {
    for (std::size_t i = next++; i < jobs.size() && !failed; i = next++) {
      const NightClock::Clock::time_point start = NightClock::Clock::now();
      const double cpu = NightClock::CpuSeconds(CLOCK_THREAD_CPUTIME_ID);
      try {
        jobs[i].write();
      } catch (...) {
        failed = true;
        throw;
      }
      const OutputJob& job = jobs[i];
      NightClock::Log(
          job.files.empty() ? job.what
                            : "wrote " + job.what + " (" + LogCount(job.files.size(), "file") + ")",
          NightClock::Clock::now() - start, NightClock::CpuSeconds(CLOCK_THREAD_CPUTIME_ID) - cpu);
    }
  };
  RunBeside(work, work);
}

// What every letter of the night shares, as a number for the letters'
// digests: a change of wording, of the office's settings (letter.yaml
// beside the templates: signer, ký hiệu) or of the reply time rewrites
// every letter.
std::uint64_t LetterWording(const NightlyOptions& options) {
  Digest digest;
  for (const std::string& path : LetterInputFiles(options.templates)) {
    const FileText file = ReadFileText(path);
    if (!file.ok()) {
      throw TemplateError(Format(Tr("cannot read template {0}: {1}"), {path, file.error}));
    }
    digest.Add(file.text);
  }
  return digest.Add(options.reply_within_working_days).value();
}

// The settings with what else every letter of the night shares: the
// authority issuing them on the date (its letterhead, signature, standing
// body) and the sample-data notice. Another authority rewrites every letter.
std::uint64_t LetterSettingsOn(std::uint64_t settings, const Authority* authority,
                               const Dataset& dataset) {
  Digest digest;
  digest.Add(static_cast<std::int64_t>(settings)).Add(SampleDataNotice(dataset));
  if (authority != nullptr) {
    digest.Add(authority->body).Add(authority->head).Add(authority->standing_body_agency);
    digest.Add(authority->standing_body_name).Add(authority->reference_suffix);
    digest.Add(authority->reply_to_name);
    for (const auto* lines : {&authority->letterhead, &authority->signing_title}) {
      digest.Add(static_cast<std::int64_t>(lines->size()));
      for (const std::string& line : *lines) digest.Add(line);
    }
  }
  return digest.value();
}

// The letters of `agencies` (by id), composed and written one at a time.
OutputJob LetterJob(const ReminderComposer& composer, const Report& report,
                    const std::string& folder, std::vector<std::string_view> agencies) {
  OutputJob job;
  job.what = "letters";
  for (const std::string_view id : agencies) {
    const std::string name = FileNameOf(std::string(id));
    job.files.push_back("reminders/" + name + ".md");
    job.files.push_back("reminders/" + name + ".html");
  }
  auto wanted =
      std::make_shared<std::unordered_set<std::string_view>>(agencies.begin(), agencies.end());
  job.write = [&composer, &report, folder, wanted] {
    composer.ComposeEach(
        report, [&](const std::string& id) { return wanted->count(id) != 0; },
        [&](ReminderLetter&& letter) {
          const std::string name = folder + "/reminders/" + FileNameOf(letter.agency_id);
          WriteFileAtomically(name + ".md", letter.markdown);
          WriteFileAtomically(name + ".html", letter.html);
        });
  };
  return job;
}

// The escalation list and changes.json.gz.
std::vector<OutputJob> ChangeJobs(const NightHeader& header, const NightChanges& changes,
                                  const std::string& folder) {
  return {{"changes.json.gz",
           {"changes.json.gz"},
           [&header, &changes, folder] {
             WriteGzipFileAtomically(folder + "/changes.json.gz", [&](std::ostream& out) {
               WriteChangesJson(header, changes, out);
             });
           }},
          {"escalations.txt",
           {"escalations.txt"},
           [&header, &changes, folder] {
             WriteFileAtomically(folder + "/escalations.txt", [&](std::ostream& out) {
               WriteEscalationListText(header, changes, out);
             });
           }},
          {"escalations.csv", {"escalations.csv"}, [&header, &changes, folder] {
             WriteFileAtomically(folder + "/escalations.csv", [&](std::ostream& out) {
               WriteEscalationListCsv(header, changes, out);
             });
           }}};
}

// Temporaries of the state file left by a killed run (the state folder is
// the batch's own, and locked).
void RemoveStateTemporaries(const std::string& folder) {
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    const bool ours =
        IsTemporaryOf(name, kStateFileName) || IsTemporaryOf(name, kLegacyStateFileName);
    if (ours && it->is_regular_file(error)) {
      fs::remove(it->path(), error);
    }
  }
}

}  // namespace

ExitStatus RunNightly(const NightlyOptions& options, std::ostream& out, std::ostream& err) {
  ProgressLine progress(7);
  NightClock clock;
  RunRecord record("nightly");
  nlohmann::json given = RemindOptionsJson(options);
  given["state"] = options.state;
  given["full"] = options.full;
  given["keep"] = options.keep;
  record.Set("options", std::move(given));
  const std::string log = options.state + "/" + kRunLogName;
  bool writing = false;  // a failure from here on is kept in the log
  progress.Step(Tr("reading the rules and the database"));
  std::optional<Prepared> prepared = Prepare(options, err);
  if (!prepared) return kExitInputError;
  const RuleSet& rules = prepared->inputs.rules;
  const Date as_of = prepared->engine.as_of;
  const std::string night = FormatIsoDate(as_of);

  try {
    const ReminderComposer composer({options.templates, options.reply_within_working_days}, rules,
                                    prepared->inputs.calendar);
    const std::uint64_t letter_settings = LetterWording(options);
    record.Set("templates", TemplatesRead(options.templates));
    EnsureFolder(options.state);
    // Two batches on one state would each compare with the same baseline
    // and escalate the same items twice; on one output folder, each would
    // remove what the other is writing.
    const FolderLock state_lock(options.state + "/.lock", Tr("not running twice at once"));
    EnsureFolder(options.out);
    const FolderLock out_lock(options.out + "/" + kOutputLockName,
                              Tr("two batches must not write into one output folder at once"));
    const std::optional<NightlyState> last = LoadState(options.state);
    if (last && last->as_of > as_of) {
      err << Tr("error: ")
          << Format(Tr("the state in {0} is of {1}, later than --as-of {2}; the batch only runs "
                       "forward (use another --state to look at the past)"),
                    {options.state, ShownDate(last->as_of), night})
          << "\n";
      return kExitInputError;
    }
    clock.Done("inputs, state and locks");

    progress.Step(Tr("evaluating"));
    const Report& report = RunRecorded(*prepared, options.database, record);
    const Summary summary = Summarize(report);
    record.SetCounts(CountsByStatus(summary));
    clock.Done("evaluation");

    progress.Step(Tr("comparing with the last run"));
    NightlyState state;
    state.as_of = as_of;
    if (last && last->as_of == as_of) {  // the same night again: the same baseline
      state.baseline_as_of = last->baseline_as_of;
      state.baseline = last->baseline;
      state.baseline_agencies = last->baseline_agencies;
    } else if (last) {
      state.baseline_as_of = last->as_of;
      state.baseline = last->items;
      state.baseline_agencies = last->agencies;
    }
    const NightChanges changes = CompareNights(
        state.baseline, TrackFindings(report, rules.escalation, prepared->inputs.calendar));
    state.items = changes.tonight;
    clock.Done("comparison with the last night (" + std::to_string(changes.tonight.size()) +
               " items against " + std::to_string(state.baseline.size()) + ")");
    const Authority* authority = rules.AuthorityOn(as_of);
    state.agencies = DigestAgencies(report, state.items,
                                    LetterSettingsOn(letter_settings, authority, report.dataset));
    const AgenciesToWrite to_write =
        ChangedAgencies(state.baseline_agencies, *state.agencies, options.full);
    clock.Done("letters and calendars that changed (" +
               LogCount(to_write.letters.size(), "letter") + ", " +
               LogCount(to_write.calendars.size(), "calendar") + ")");

    progress.Step(Tr("planning the letters"));
    std::string refused = TooManyLetters(to_write.letters.size(), options);
    if (refused.empty() && !to_write.letters.empty() && authority == nullptr) {
      refused = Format(Tr("no authority in force on {0} in the rules' authorities.yaml: no one to "
                          "issue the letters"),
                       {ShownDate(as_of)});
    }
    if (!refused.empty()) {
      err << Tr("error: ") << refused << "\n";
      return kExitInputError;
    }
    // Made (and checked for links) once nothing can refuse the night.
    NightFolder folder(options.out, night);
    std::size_t letters_due = 0;
    for (const AgencyDigest& digest : *state.agencies) letters_due += digest.letter != 0;

    // The tiers as named by the authority in force tonight.
    const std::vector<EscalationTier> tiers = rules.EscalationOn(as_of);
    const NightHeader header{as_of, state.baseline_as_of, &tiers};
    // The largest first, so that both threads finish at about the same time.
    nlohmann::json night_record;
    night_record["since"] = state.baseline_as_of
                                ? nlohmann::json(FormatIsoDate(*state.baseline_as_of))
                                : nlohmann::json(nullptr);
    night_record["letters_written"] = to_write.letters.size();
    night_record["calendars_written"] = to_write.calendars.size();
    record.Set("night", std::move(night_record));
    OutputStyle style;
    style.run_header = record.Header().dump();
    style.compress = true;
    style.workbook_constant_memory = true;
    const std::unordered_set<std::string_view> calendars(to_write.calendars.begin(),
                                                         to_write.calendars.end());
    style.calendar_wanted = [&](const Agency& agency) { return calendars.count(agency.id) != 0; };
    std::vector<OutputJob> jobs;
    std::vector<OutputJob> set =
        OutputJobs(report, summary, folder.path(), OutputSelection{}, style);
    const auto take = [&](const std::string& what) {
      for (OutputJob& job : set) {
        if (job.what == what && job.write) jobs.push_back(std::move(job));
      }
    };
    take("workbook.xlsx");
    constexpr std::size_t kOneLetterJob = 200;
    if (to_write.letters.size() <= kOneLetterJob) {
      jobs.push_back(LetterJob(composer, report, folder.path(), to_write.letters));
    } else {
      const auto half = to_write.letters.begin() + to_write.letters.size() / 2;
      jobs.push_back(LetterJob(composer, report, folder.path(), {to_write.letters.begin(), half}));
      jobs.push_back(LetterJob(composer, report, folder.path(), {half, to_write.letters.end()}));
    }
    take("findings.json.gz");
    take("findings.csv.gz");
    take("calendars");
    take("dashboard");
    for (OutputJob& job : ChangeJobs(header, changes, folder.path()))
      jobs.push_back(std::move(job));
    std::vector<std::string> files;
    for (const OutputJob& job : jobs) files.insert(files.end(), job.files.begin(), job.files.end());
    // Made while the workbook is being written; written after every file.
    std::string state_bytes;
    jobs.push_back({"serialized the state", {}, [&] { state_bytes = SerializeState(state); }});
    // The thread that is done first flushes what is written while the
    // other finishes (the workbook): the flush before the state then has
    // little left to wait for.
    jobs.push_back({"flushed the files written so far", {}, [&] { FlushToDisk(folder.path()); }});

    progress.Step(Tr("writing findings, workbook, dashboard, calendars and letters"));
    std::vector<std::string> planned = files;
    planned.push_back(kRunRecordName);
    writing = true;
    folder.Plan(planned);
    RemoveStateTemporaries(options.state);
    RunOnTwoThreads(jobs);
    // Which program, rules and data made tonight's files: beside them, and
    // in the state's log once the state is saved.
    const nlohmann::json done = record.Finished(kExitOk, files);
    WriteRunRecord(folder.path(), done);
    files.push_back(kRunRecordName);
    clock.Done("writing " + LogCount(files.size(), "file"));

    progress.Step(Tr("removing what an earlier run of the night wrote and this one did not"));
    folder.Commit(files);

    progress.Step(Tr("saving the state"));
    FlushToDisk(folder.path());
    WriteFileDurably(options.state + "/" + kStateFileName, state_bytes);
    std::error_code ignored;  // a version 1 state left behind is never read again
    fs::remove(options.state + "/" + kLegacyStateFileName, ignored);
    try {  // the night is done: a log that cannot be written is said
      AppendRunLog(log, done);
    } catch (const OutputError& e) {
      err << Tr("warning: ") << e.what() << "\n";
    }
    clock.Done("saving the state");

    if (options.keep > 0) {
      // The night is done and its state written: a folder that cannot be
      // removed is said, and the next night tries again.
      try {
        for (const std::string& warning : PruneNights(options.out, night, options.keep)) {
          err << Tr("warning: ") << warning << "\n";
        }
      } catch (const OutputError& e) {
        err << Tr("warning: ") << "--keep " << options.keep << ": " << e.what() << "\n";
      }
      clock.Done("keeping the last " + LogCount(static_cast<std::size_t>(options.keep), "night"));
    }
    progress.Clear();

    // "nightly <date>: " starts the line in every language (scripts look for it).
    out << "nightly " << night << ": "
        << Format(
               Tr("{0} findings, {1} overdue, {2} at risk; {3}: {4}; {5}; {6} in {7}"),
               {std::to_string(report.findings.size()),
                std::to_string(summary.statuses[static_cast<int>(Status::kOverdue)]),
                std::to_string(summary.statuses[static_cast<int>(Status::kAtRisk)]),
                state.baseline_as_of
                    ? Format(Tr("since {0}"), {FormatIsoDate(*state.baseline_as_of)})
                    : std::string(Tr("first run")),
                ChangeCounts(changes),
                Format(Tr("{0} of {1}, {2} of {3} written"),
                       {std::to_string(to_write.letters.size()),
                        Counted(letters_due, TrN("{0} letter", "{0} letters", letters_due)),
                        std::to_string(to_write.calendars.size()),
                        Counted(state.agencies->size(),
                                TrN("{0} calendar", "{0} calendars", state.agencies->size()))}),
                Counted(files.size(), TrN("{0} file", "{0} files", files.size())), folder.path()})
        << "\n";
  } catch (const TemplateError& e) {
    err << Tr("error: ") << e.what() << "\n";
    return kExitInputError;
  } catch (const StateError& e) {
    err << Tr("error: ") << e.what() << "\n";
    return kExitInputError;
  } catch (const FolderBusy& e) {
    err << Tr("error: ") << e.what() << "\n";
    return kExitInputError;
  } catch (const OutputError& e) {
    err << Tr("error: ") << e.what() << "\n";
    if (writing) LogFailedRun(record, log, kExitRunFailed, err);
    return kExitRunFailed;
  } catch (const fs::filesystem_error& e) {
    err << Tr("error: ") << e.what() << "\n";
    if (writing) LogFailedRun(record, log, kExitRunFailed, err);
    return kExitRunFailed;
  }
  return kExitOk;
}

}  // namespace dxcomply

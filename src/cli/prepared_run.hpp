// What every evaluating command does first: check its options and inputs
// (rules, calendar, database) and then run the engine once. Shared by the
// commands in commands.cpp, remind and nightly.
#pragma once

#include "dxcomply/engine.hpp"

#include "cli/commands.hpp"
#include "cli/run_inputs.hpp"
#include "report/reporter.hpp"

#include <memory>
#include <optional>
#include <ostream>
#include <string>

namespace dxcomply {

struct Prepared {
  RunInputs inputs;
  EngineOptions engine;
};

// The findings reporter of a --format (text, json, csv), or null after
// printing why not. For the commands that print findings.
std::unique_ptr<Reporter> FindingsReporter(const std::string& format, std::ostream& err);

// Checks the options and opens the inputs; nullopt after printing why not.
std::optional<Prepared> Prepare(const EvaluateOptions& options, std::ostream& err);

// Evaluates every obligation for every agency as of the prepared date. The
// report lives until the process exits and is never destroyed: a command
// evaluates once, and freeing a large report finding by finding (a million
// blocks on the benchmark's country, 0.07 s) only delays the exit, which
// gives the memory back at once. Compilers leave their syntax trees the
// same way. It stays reachable, so leak checkers do not count it.
Report& Run(Prepared& prepared);

// Whether `id` is an agency of the database (or the national pseudo-agency);
// if not, says so on `err`. Asked before evaluating: a mistyped id costs no
// run.
// Says which agencies it might have meant ("Nghe An" -> NGHE-AN).
// An agency that existed on another date than the as-of date is refused
// too, naming who holds its records then.
bool RequireKnownAgency(Prepared& prepared, const std::string& id, std::ostream& err);
bool RequireExistingAgency(RecordStore& store, const std::string& id, const Date& as_of,
                           std::ostream& err);

// Whether `id` is an obligation of the rules; if not, says so on `err` with
// the ids it might have meant.
bool RequireKnownObligation(const RuleSet& rules, const std::string& id, std::ostream& err);

// Only what concerns one agency: its findings and its data issues.
Report ForAgency(const Report& report, const std::string& agency_id);

// A count in its translated form: Counted(n, TrN("{0} file", "{0} files", n))
// is "1 file", "3 files", "1.204 tệp".
std::string Counted(std::size_t count, const char* format);

}  // namespace dxcomply
